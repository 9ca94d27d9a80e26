CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`details` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `reference_counters` (
	`scope` text PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `request_refusal_grounds` (
	`request_id` integer NOT NULL,
	`ground` text NOT NULL,
	PRIMARY KEY(`request_id`, `ground`),
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "refusal_ground_code" CHECK(ground IN ('dual_criminality', 'political_offence', 'essential_interests', 'discrimination', 'ne_bis_in_idem', 'insufficient_information', 'not_serious_enough', 'death_penalty', 'statute_of_limitations', 'data_unavailable', 'domestic_law_prohibits', 'other'))
);
--> statement-breakpoint
CREATE TABLE `requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`direction` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`opened_on` text,
	`closed_on` text,
	`counterpart_country` text NOT NULL,
	`counterpart_authority` text,
	`counterpart_reference` text,
	`domestic_authority` text,
	`domestic_reference` text,
	`service_provider` text,
	`legal_basis` text,
	`legal_basis_detail` text,
	`channel` text,
	`cyber_related` integer DEFAULT false NOT NULL,
	`offence_description` text,
	`urgency` text DEFAULT 'normal' NOT NULL,
	`assigned_to` text,
	`summary` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	CONSTRAINT "requests_direction_code" CHECK(direction IN ('incoming', 'outgoing')),
	CONSTRAINT "requests_kind_code" CHECK(kind IN ('mla', 'preservation', 'disclosure', 'emergency_disclosure')),
	CONSTRAINT "requests_status_code" CHECK(status IN ('draft', 'registered', 'under_review', 'awaiting_information', 'sent', 'in_execution', 'suspended', 'partially_executed', 'executed', 'executed_in_part', 'refused', 'withdrawn', 'lapsed')),
	CONSTRAINT "requests_urgency_code" CHECK(urgency IN ('normal', 'urgent')),
	CONSTRAINT "requests_closed_after_opened" CHECK(closed_on IS NULL OR closed_on >= opened_on)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `requests_reference_unique` ON `requests` (`reference`);--> statement-breakpoint
CREATE INDEX `requests_updated_idx` ON `requests` (`updated_at`);--> statement-breakpoint
CREATE INDEX `requests_status_idx` ON `requests` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `requests_kind_idx` ON `requests` (`direction`,`kind`,`updated_at`);--> statement-breakpoint
CREATE INDEX `requests_country_idx` ON `requests` (`counterpart_country`,`updated_at`);--> statement-breakpoint
CREATE INDEX `requests_opened_idx` ON `requests` (`opened_on`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `status_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`recorded_at` text NOT NULL,
	`effective_on` text NOT NULL,
	`actor` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`note` text,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "status_history_to_code" CHECK(to_status IN ('draft', 'registered', 'under_review', 'awaiting_information', 'sent', 'in_execution', 'suspended', 'partially_executed', 'executed', 'executed_in_part', 'refused', 'withdrawn', 'lapsed'))
);
--> statement-breakpoint
CREATE INDEX `status_history_request_idx` ON `status_history` (`request_id`,`id`);