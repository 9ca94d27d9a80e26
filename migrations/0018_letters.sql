CREATE TABLE `letter_templates` (
	`code` text NOT NULL,
	`language` text NOT NULL,
	`body` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	PRIMARY KEY(`code`, `language`),
	CONSTRAINT "letter_template_code" CHECK(code IN ('letter_of_request', 'preservation_request', 'emergency_disclosure_request', 'acknowledgement', 'additional_information_request', 'transmission_to_executing_authority', 'reminder', 'returned_evidence_cover')),
	CONSTRAINT "letter_template_language" CHECK(language IN ('ar', 'en', 'es', 'fr', 'ru', 'zh'))
);
--> statement-breakpoint
CREATE TABLE `letterhead` (
	`id` integer PRIMARY KEY NOT NULL,
	`address_lines` text DEFAULT '[]' NOT NULL,
	`phone` text,
	`email` text,
	`logo` blob,
	`logo_name` text,
	`logo_media_type` text,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	CONSTRAINT "letterhead_single_row" CHECK("letterhead"."id" = 1),
	CONSTRAINT "letterhead_logo_whole" CHECK(("letterhead"."logo" IS NULL) = ("letterhead"."logo_media_type" IS NULL) AND ("letterhead"."logo" IS NULL) = ("letterhead"."logo_name" IS NULL)),
	CONSTRAINT "letterhead_logo_type" CHECK("letterhead"."logo_media_type" IS NULL OR "letterhead"."logo_media_type" IN ('image/png', 'image/jpeg'))
);
--> statement-breakpoint
CREATE TABLE `letters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`code` text NOT NULL,
	`language` text NOT NULL,
	`docx_document_id` integer NOT NULL,
	`pdf_document_id` integer NOT NULL,
	`generated_at` text NOT NULL,
	`generated_by` text NOT NULL,
	`sent_correspondence_id` integer,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`docx_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`pdf_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`sent_correspondence_id`) REFERENCES `correspondence`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "letter_code" CHECK(code IN ('letter_of_request', 'preservation_request', 'emergency_disclosure_request', 'acknowledgement', 'additional_information_request', 'transmission_to_executing_authority', 'reminder', 'returned_evidence_cover')),
	CONSTRAINT "letter_language" CHECK(language IN ('ar', 'en', 'es', 'fr', 'ru', 'zh'))
);
--> statement-breakpoint
CREATE INDEX `letters_request_idx` ON `letters` (`request_id`);