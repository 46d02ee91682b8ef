CREATE TABLE `article_autosaves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer,
	`user_id` integer NOT NULL,
	`base_version` integer NOT NULL,
	`saved_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`snapshot` text NOT NULL,
	`content_hash` text NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_autosaves_slot_idx` ON `article_autosaves` (`user_id`,`article_id`,`saved_at`);--> statement-breakpoint
CREATE TABLE `sign_in_stashes` (
	`id` text PRIMARY KEY NOT NULL,
	`cookie_hash` text NOT NULL,
	`client` text NOT NULL,
	`target` text NOT NULL,
	`data` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_stashes_client_idx` ON `sign_in_stashes` (`client`);--> statement-breakpoint
CREATE INDEX `sign_in_stashes_expires_idx` ON `sign_in_stashes` (`expires_at`);