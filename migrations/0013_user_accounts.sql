CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`authority` text,
	`password_hash` text NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "users_username_lower" CHECK("users"."username" = lower("users"."username")),
	CONSTRAINT "users_role_code" CHECK(role IN ('clerk', 'prosecutor', 'manager', 'administrator')),
	CONSTRAINT "users_authority_prosecutor" CHECK("users"."authority" IS NULL OR "users"."role" = 'prosecutor'),
	CONSTRAINT "users_failed_attempts" CHECK("users"."failed_attempts" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_idx` ON `users` (`username`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_display_name_idx` ON `users` ("display_name" COLLATE NOCASE);