CREATE INDEX `article_autosaves_article_idx` ON `article_autosaves` (`article_id`,`saved_at`);--> statement-breakpoint
CREATE INDEX `articles_updated_idx` ON `articles` (`updated_at`);