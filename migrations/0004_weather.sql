CREATE TABLE `weather_forecasts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`place` text NOT NULL,
	`fetched_at` integer NOT NULL,
	`text` text NOT NULL,
	`temp_min` integer,
	`temp_max` integer,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `weather_forecasts_place_idx` ON `weather_forecasts` (`place`,`fetched_at`);--> statement-breakpoint
CREATE TABLE `weather_overrides` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`place` text NOT NULL,
	`text` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `weather_overrides_place_idx` ON `weather_overrides` (`place`,`expires_at`);--> statement-breakpoint
CREATE TABLE `weather_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`place` text NOT NULL,
	`at` integer NOT NULL,
	`ok` integer NOT NULL,
	`reason` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `weather_runs_place_idx` ON `weather_runs` (`place`,`at`);