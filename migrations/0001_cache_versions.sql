CREATE TABLE `cache_versions` (
	`scope` text PRIMARY KEY NOT NULL,
	`stamp` integer NOT NULL
);
