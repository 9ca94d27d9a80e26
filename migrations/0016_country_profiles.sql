CREATE TABLE `country_profile_channels` (
	`profile_id` integer NOT NULL,
	`channel` text NOT NULL,
	PRIMARY KEY(`profile_id`, `channel`),
	FOREIGN KEY (`profile_id`) REFERENCES `country_profiles`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "country_profile_channel_code" CHECK(channel IN ('central_authority', 'diplomatic', 'interpol', 'judicial_network', 'network_24_7', 'direct_judicial', 'service_provider', 'other'))
);
--> statement-breakpoint
CREATE TABLE `country_profile_languages` (
	`profile_id` integer NOT NULL,
	`position` integer NOT NULL,
	`language` text NOT NULL,
	PRIMARY KEY(`profile_id`, `language`),
	FOREIGN KEY (`profile_id`) REFERENCES `country_profiles`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "country_profile_language_code" CHECK(length("country_profile_languages"."language") = 2 AND "country_profile_languages"."language" = lower("country_profile_languages"."language"))
);
--> statement-breakpoint
CREATE TABLE `country_profile_treaties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`profile_id` integer NOT NULL,
	`position` integer NOT NULL,
	`legal_basis` text NOT NULL,
	`name` text,
	`in_force_since` text,
	FOREIGN KEY (`profile_id`) REFERENCES `country_profiles`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "country_profile_treaty_basis_code" CHECK(legal_basis IN ('untoc', 'uncac', 'drug_1988', 'budapest', 'un_cybercrime', 'bilateral_treaty', 'regional_treaty', 'eu_eio', 'eu_e_evidence', 'other'))
);
--> statement-breakpoint
CREATE INDEX `country_profile_treaties_profile_idx` ON `country_profile_treaties` (`profile_id`,`position`);--> statement-breakpoint
CREATE TABLE `country_profiles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`country` text NOT NULL,
	`central_authority_id` integer,
	`dual_criminality` text DEFAULT 'unknown' NOT NULL,
	`dual_criminality_scope` text,
	`notes` text,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`central_authority_id`) REFERENCES `counterpart_authorities`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "country_profiles_country_code" CHECK(length("country_profiles"."country") = 2 AND "country_profiles"."country" = upper("country_profiles"."country")),
	CONSTRAINT "country_profiles_dual_criminality_code" CHECK(dual_criminality IN ('not_required', 'required_all', 'required_coercive', 'unknown'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `country_profiles_country_unique` ON `country_profiles` (`country`);--> statement-breakpoint
CREATE INDEX `country_profiles_central_authority_idx` ON `country_profiles` (`central_authority_id`);