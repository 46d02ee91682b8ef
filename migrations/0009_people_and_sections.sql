CREATE TABLE `section_slug_redirects` (
	`old_slug` text PRIMARY KEY NOT NULL,
	`section_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `section_slug_redirects_section_idx` ON `section_slug_redirects` (`section_id`);--> statement-breakpoint
ALTER TABLE `authors` ADD `photo_image_id` integer;--> statement-breakpoint
ALTER TABLE `sections` ADD `hidden` integer DEFAULT false NOT NULL;