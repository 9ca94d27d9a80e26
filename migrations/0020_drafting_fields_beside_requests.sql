-- The drafting fields move out of `requests` into a table of their own (db/schema/drafting.ts):
-- the triggers that kept the language code go first (a column a trigger names cannot be dropped).
DROP TRIGGER `requests_request_language_code_insert`;--> statement-breakpoint
DROP TRIGGER `requests_request_language_code_update`;--> statement-breakpoint
CREATE TABLE `request_drafting` (
	`request_id` integer PRIMARY KEY NOT NULL,
	`proceedings_nature` text,
	`conducting_authority` text,
	`procedure_to_follow` text,
	`purpose` text,
	`emergency_justification` text,
	`request_language` text,
	`follows_preservation` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- What the requests held, kept: one row for each request that had any of it.
INSERT INTO `request_drafting` (`request_id`, `proceedings_nature`, `conducting_authority`, `procedure_to_follow`,
  `purpose`, `emergency_justification`, `request_language`, `follows_preservation`)
SELECT `id`, `proceedings_nature`, `conducting_authority`, `procedure_to_follow`, `purpose`,
  `emergency_justification`, `request_language`, `follows_preservation`
FROM `requests`
WHERE `proceedings_nature` IS NOT NULL OR `conducting_authority` IS NOT NULL OR `procedure_to_follow` IS NOT NULL
  OR `purpose` IS NOT NULL OR `emergency_justification` IS NOT NULL OR `request_language` IS NOT NULL
  OR `follows_preservation` <> 0;
--> statement-breakpoint
ALTER TABLE `requests` DROP COLUMN `proceedings_nature`;--> statement-breakpoint
ALTER TABLE `requests` DROP COLUMN `conducting_authority`;--> statement-breakpoint
ALTER TABLE `requests` DROP COLUMN `procedure_to_follow`;--> statement-breakpoint
ALTER TABLE `requests` DROP COLUMN `purpose`;--> statement-breakpoint
ALTER TABLE `requests` DROP COLUMN `emergency_justification`;--> statement-breakpoint
ALTER TABLE `requests` DROP COLUMN `request_language`;--> statement-breakpoint
ALTER TABLE `requests` DROP COLUMN `follows_preservation`;--> statement-breakpoint
-- The request's language is an ISO 639-1 code (contract/language-codes.ts).
CREATE TRIGGER `request_drafting_language_code_insert` BEFORE INSERT ON `request_drafting`
WHEN NEW.`request_language` IS NOT NULL AND NEW.`request_language` NOT IN ('aa', 'ab', 'ae', 'af', 'ak', 'am', 'an', 'ar', 'as', 'av', 'ay', 'az', 'ba', 'be', 'bg', 'bi', 'bm', 'bn', 'bo', 'br', 'bs', 'ca', 'ce', 'ch', 'co', 'cr', 'cs', 'cu', 'cv', 'cy', 'da', 'de', 'dv', 'dz', 'ee', 'el', 'en', 'eo', 'es', 'et', 'eu', 'fa', 'ff', 'fi', 'fj', 'fo', 'fr', 'fy', 'ga', 'gd', 'gl', 'gn', 'gu', 'gv', 'ha', 'he', 'hi', 'ho', 'hr', 'ht', 'hu', 'hy', 'hz', 'ia', 'id', 'ie', 'ig', 'ii', 'ik', 'io', 'is', 'it', 'iu', 'ja', 'jv', 'ka', 'kg', 'ki', 'kj', 'kk', 'kl', 'km', 'kn', 'ko', 'kr', 'ks', 'ku', 'kv', 'kw', 'ky', 'la', 'lb', 'lg', 'li', 'ln', 'lo', 'lt', 'lu', 'lv', 'mg', 'mh', 'mi', 'mk', 'ml', 'mn', 'mr', 'ms', 'mt', 'my', 'na', 'nb', 'nd', 'ne', 'ng', 'nl', 'nn', 'no', 'nr', 'nv', 'ny', 'oc', 'oj', 'om', 'or', 'os', 'pa', 'pi', 'pl', 'ps', 'pt', 'qu', 'rm', 'rn', 'ro', 'ru', 'rw', 'sa', 'sc', 'sd', 'se', 'sg', 'si', 'sk', 'sl', 'sm', 'sn', 'so', 'sq', 'sr', 'ss', 'st', 'su', 'sv', 'sw', 'ta', 'te', 'tg', 'th', 'ti', 'tk', 'tl', 'tn', 'to', 'tr', 'ts', 'tt', 'tw', 'ty', 'ug', 'uk', 'ur', 'uz', 've', 'vi', 'vo', 'wa', 'wo', 'xh', 'yi', 'yo', 'za', 'zh', 'zu')
BEGIN SELECT RAISE(ABORT, 'request_drafting_language_code: not an ISO 639-1 code'); END;
--> statement-breakpoint
CREATE TRIGGER `request_drafting_language_code_update` BEFORE UPDATE OF `request_language` ON `request_drafting`
WHEN NEW.`request_language` IS NOT NULL AND NEW.`request_language` NOT IN ('aa', 'ab', 'ae', 'af', 'ak', 'am', 'an', 'ar', 'as', 'av', 'ay', 'az', 'ba', 'be', 'bg', 'bi', 'bm', 'bn', 'bo', 'br', 'bs', 'ca', 'ce', 'ch', 'co', 'cr', 'cs', 'cu', 'cv', 'cy', 'da', 'de', 'dv', 'dz', 'ee', 'el', 'en', 'eo', 'es', 'et', 'eu', 'fa', 'ff', 'fi', 'fj', 'fo', 'fr', 'fy', 'ga', 'gd', 'gl', 'gn', 'gu', 'gv', 'ha', 'he', 'hi', 'ho', 'hr', 'ht', 'hu', 'hy', 'hz', 'ia', 'id', 'ie', 'ig', 'ii', 'ik', 'io', 'is', 'it', 'iu', 'ja', 'jv', 'ka', 'kg', 'ki', 'kj', 'kk', 'kl', 'km', 'kn', 'ko', 'kr', 'ks', 'ku', 'kv', 'kw', 'ky', 'la', 'lb', 'lg', 'li', 'ln', 'lo', 'lt', 'lu', 'lv', 'mg', 'mh', 'mi', 'mk', 'ml', 'mn', 'mr', 'ms', 'mt', 'my', 'na', 'nb', 'nd', 'ne', 'ng', 'nl', 'nn', 'no', 'nr', 'nv', 'ny', 'oc', 'oj', 'om', 'or', 'os', 'pa', 'pi', 'pl', 'ps', 'pt', 'qu', 'rm', 'rn', 'ro', 'ru', 'rw', 'sa', 'sc', 'sd', 'se', 'sg', 'si', 'sk', 'sl', 'sm', 'sn', 'so', 'sq', 'sr', 'ss', 'st', 'su', 'sv', 'sw', 'ta', 'te', 'tg', 'th', 'ti', 'tk', 'tl', 'tn', 'to', 'tr', 'ts', 'tt', 'tw', 'ty', 'ug', 'uk', 'ur', 'uz', 've', 'vi', 'vo', 'wa', 'wo', 'xh', 'yi', 'yo', 'za', 'zh', 'zu')
BEGIN SELECT RAISE(ABORT, 'request_drafting_language_code: not an ISO 639-1 code'); END;
