CREATE TABLE `statistics_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`label` text NOT NULL,
	`figures` text NOT NULL,
	`definitions` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `statistics_snapshots_year_idx` ON `statistics_snapshots` (`year`,`created_at`);