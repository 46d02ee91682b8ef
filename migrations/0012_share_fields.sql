ALTER TABLE `articles` ADD `seo_title` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `seo_description` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `social_image_id` integer REFERENCES images(id);