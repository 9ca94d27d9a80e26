CREATE TABLE `request_assistance` (
	`request_id` integer NOT NULL,
	`code` text NOT NULL,
	PRIMARY KEY(`request_id`, `code`),
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "assistance_code" CHECK(code IN ('statements', 'service_of_documents', 'search_seizure_freezing', 'examination', 'information_evidence', 'records', 'tracing_proceeds', 'voluntary_appearance', 'videoconference', 'transfer_detained', 'confiscation', 'subscriber_data', 'traffic_data', 'content_data', 'realtime_collection', 'other'))
);
--> statement-breakpoint
CREATE INDEX `request_assistance_code_idx` ON `request_assistance` (`code`);--> statement-breakpoint
CREATE TABLE `request_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`recorded_at` text NOT NULL,
	`effective_on` text NOT NULL,
	`actor` text NOT NULL,
	`type` text NOT NULL,
	`note` text,
	`details` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "request_event_type_code" CHECK(type IN ('returned_deficient', 'consultation_before_refusal', 'information_requested', 'information_received', 'preservation_extended', 'reminder_sent', 'note'))
);
--> statement-breakpoint
CREATE INDEX `request_events_request_idx` ON `request_events` (`request_id`,`id`);--> statement-breakpoint
CREATE TABLE `request_identifiers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`position` integer NOT NULL,
	`type` text NOT NULL,
	`value` text NOT NULL,
	`from_at` text,
	`to_at` text,
	`time_zone` text,
	`note` text,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "identifier_type_code" CHECK(type IN ('email', 'phone', 'ip_address', 'account', 'url', 'wallet', 'device', 'other'))
);
--> statement-breakpoint
CREATE INDEX `request_identifiers_request_idx` ON `request_identifiers` (`request_id`);--> statement-breakpoint
CREATE INDEX `request_identifiers_value_idx` ON `request_identifiers` (`value`);--> statement-breakpoint
CREATE TABLE `request_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`from_id` integer NOT NULL,
	`to_id` integer NOT NULL,
	`kind` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`from_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`to_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "request_link_kind_code" CHECK(kind IN ('follow_up', 'supplementary', 'related')),
	CONSTRAINT "request_link_not_self" CHECK(from_id <> to_id)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `request_links_pair_idx` ON `request_links` (`from_id`,`to_id`);--> statement-breakpoint
CREATE INDEX `request_links_to_idx` ON `request_links` (`to_id`);--> statement-breakpoint
CREATE TABLE `request_offences` (
	`request_id` integer NOT NULL,
	`section` text NOT NULL,
	PRIMARY KEY(`request_id`, `section`),
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "offence_section_code" CHECK(section IN ('01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11'))
);
--> statement-breakpoint
CREATE INDEX `request_offences_section_idx` ON `request_offences` (`section`);--> statement-breakpoint
CREATE TABLE `request_parties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`position` integer NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`birth_date` text,
	`nationality` text,
	`identifiers` text,
	`note` text,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "party_role_code" CHECK(role IN ('suspect', 'accused', 'witness', 'victim', 'expert', 'company', 'account_holder', 'other'))
);
--> statement-breakpoint
CREATE INDEX `request_parties_request_idx` ON `request_parties` (`request_id`);--> statement-breakpoint
CREATE TABLE `saved_views` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`query` text NOT NULL,
	`owner` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `correspondence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`on_date` text NOT NULL,
	`direction` text NOT NULL,
	`channel` text NOT NULL,
	`summary` text NOT NULL,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "correspondence_direction_code" CHECK(direction IN ('incoming', 'outgoing')),
	CONSTRAINT "correspondence_channel_code" CHECK(channel IN ('email', 'post', 'courier', 'diplomatic_bag', 'secure_platform', 'phone', 'fax', 'in_person', 'other'))
);
--> statement-breakpoint
CREATE INDEX `correspondence_request_idx` ON `correspondence` (`request_id`,`on_date`);--> statement-breakpoint
CREATE TABLE `correspondence_documents` (
	`correspondence_id` integer NOT NULL,
	`document_id` integer NOT NULL,
	PRIMARY KEY(`correspondence_id`, `document_id`),
	FOREIGN KEY (`correspondence_id`) REFERENCES `correspondence`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`original_name` text NOT NULL,
	`media_type` text NOT NULL,
	`type` text NOT NULL,
	`direction` text NOT NULL,
	`document_date` text NOT NULL,
	`note` text,
	`added_at` text NOT NULL,
	`added_by` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "document_type_code" CHECK(type IN ('request', 'translation', 'supplementary_information', 'acknowledgement', 'execution_result', 'correspondence', 'other')),
	CONSTRAINT "document_direction_code" CHECK(direction IN ('incoming', 'outgoing', 'internal')),
	CONSTRAINT "document_sha256_hex" CHECK(length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')
);
--> statement-breakpoint
CREATE INDEX `documents_request_idx` ON `documents` (`request_id`);--> statement-breakpoint
CREATE INDEX `documents_sha256_idx` ON `documents` (`sha256`);--> statement-breakpoint
CREATE TABLE `counterpart_authorities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`country` text NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`phone` text,
	`address` text,
	`notes` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `counterpart_authorities_country_idx` ON `counterpart_authorities` (`country`,`name`);--> statement-breakpoint
CREATE TABLE `domestic_authorities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`phone` text,
	`address` text,
	`notes` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `domestic_authorities_name_unique` ON `domestic_authorities` (`name`);--> statement-breakpoint
CREATE TABLE `service_providers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`country` text,
	`law_enforcement_contact` text,
	`notes` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_providers_name_unique` ON `service_providers` (`name`);--> statement-breakpoint
ALTER TABLE `requests` ADD `counterpart_deadline` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `deadline_note` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `preserved_until` text;--> statement-breakpoint
CREATE INDEX `requests_assigned_idx` ON `requests` (`assigned_to`);--> statement-breakpoint
CREATE INDEX `requests_deadline_idx` ON `requests` (`counterpart_deadline`);--> statement-breakpoint
CREATE INDEX `requests_preserved_idx` ON `requests` (`preserved_until`);