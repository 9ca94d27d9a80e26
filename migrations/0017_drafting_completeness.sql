ALTER TABLE `request_parties` ADD `location` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `proceedings_nature` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `conducting_authority` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `procedure_to_follow` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `purpose` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `emergency_justification` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `request_language` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `follows_preservation` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `status_history` ADD `override_reason` text;--> statement-breakpoint
ALTER TABLE `status_history` ADD `override_missing` text;--> statement-breakpoint
-- The request's language is an ISO 639-1 code (contract/language-codes.ts), kept by triggers: a CHECK would make drizzle-kit rebuild the table.
CREATE TRIGGER `requests_request_language_code_insert` BEFORE INSERT ON `requests`
WHEN NEW.`request_language` IS NOT NULL AND NEW.`request_language` NOT IN ('aa', 'ab', 'ae', 'af', 'ak', 'am', 'an', 'ar', 'as', 'av', 'ay', 'az', 'ba', 'be', 'bg', 'bi', 'bm', 'bn', 'bo', 'br', 'bs', 'ca', 'ce', 'ch', 'co', 'cr', 'cs', 'cu', 'cv', 'cy', 'da', 'de', 'dv', 'dz', 'ee', 'el', 'en', 'eo', 'es', 'et', 'eu', 'fa', 'ff', 'fi', 'fj', 'fo', 'fr', 'fy', 'ga', 'gd', 'gl', 'gn', 'gu', 'gv', 'ha', 'he', 'hi', 'ho', 'hr', 'ht', 'hu', 'hy', 'hz', 'ia', 'id', 'ie', 'ig', 'ii', 'ik', 'io', 'is', 'it', 'iu', 'ja', 'jv', 'ka', 'kg', 'ki', 'kj', 'kk', 'kl', 'km', 'kn', 'ko', 'kr', 'ks', 'ku', 'kv', 'kw', 'ky', 'la', 'lb', 'lg', 'li', 'ln', 'lo', 'lt', 'lu', 'lv', 'mg', 'mh', 'mi', 'mk', 'ml', 'mn', 'mr', 'ms', 'mt', 'my', 'na', 'nb', 'nd', 'ne', 'ng', 'nl', 'nn', 'no', 'nr', 'nv', 'ny', 'oc', 'oj', 'om', 'or', 'os', 'pa', 'pi', 'pl', 'ps', 'pt', 'qu', 'rm', 'rn', 'ro', 'ru', 'rw', 'sa', 'sc', 'sd', 'se', 'sg', 'si', 'sk', 'sl', 'sm', 'sn', 'so', 'sq', 'sr', 'ss', 'st', 'su', 'sv', 'sw', 'ta', 'te', 'tg', 'th', 'ti', 'tk', 'tl', 'tn', 'to', 'tr', 'ts', 'tt', 'tw', 'ty', 'ug', 'uk', 'ur', 'uz', 've', 'vi', 'vo', 'wa', 'wo', 'xh', 'yi', 'yo', 'za', 'zh', 'zu')
BEGIN SELECT RAISE(ABORT, 'requests_request_language_code: not an ISO 639-1 code'); END;
--> statement-breakpoint
CREATE TRIGGER `requests_request_language_code_update` BEFORE UPDATE OF `request_language` ON `requests`
WHEN NEW.`request_language` IS NOT NULL AND NEW.`request_language` NOT IN ('aa', 'ab', 'ae', 'af', 'ak', 'am', 'an', 'ar', 'as', 'av', 'ay', 'az', 'ba', 'be', 'bg', 'bi', 'bm', 'bn', 'bo', 'br', 'bs', 'ca', 'ce', 'ch', 'co', 'cr', 'cs', 'cu', 'cv', 'cy', 'da', 'de', 'dv', 'dz', 'ee', 'el', 'en', 'eo', 'es', 'et', 'eu', 'fa', 'ff', 'fi', 'fj', 'fo', 'fr', 'fy', 'ga', 'gd', 'gl', 'gn', 'gu', 'gv', 'ha', 'he', 'hi', 'ho', 'hr', 'ht', 'hu', 'hy', 'hz', 'ia', 'id', 'ie', 'ig', 'ii', 'ik', 'io', 'is', 'it', 'iu', 'ja', 'jv', 'ka', 'kg', 'ki', 'kj', 'kk', 'kl', 'km', 'kn', 'ko', 'kr', 'ks', 'ku', 'kv', 'kw', 'ky', 'la', 'lb', 'lg', 'li', 'ln', 'lo', 'lt', 'lu', 'lv', 'mg', 'mh', 'mi', 'mk', 'ml', 'mn', 'mr', 'ms', 'mt', 'my', 'na', 'nb', 'nd', 'ne', 'ng', 'nl', 'nn', 'no', 'nr', 'nv', 'ny', 'oc', 'oj', 'om', 'or', 'os', 'pa', 'pi', 'pl', 'ps', 'pt', 'qu', 'rm', 'rn', 'ro', 'ru', 'rw', 'sa', 'sc', 'sd', 'se', 'sg', 'si', 'sk', 'sl', 'sm', 'sn', 'so', 'sq', 'sr', 'ss', 'st', 'su', 'sv', 'sw', 'ta', 'te', 'tg', 'th', 'ti', 'tk', 'tl', 'tn', 'to', 'tr', 'ts', 'tt', 'tw', 'ty', 'ug', 'uk', 'ur', 'uz', 've', 'vi', 'vo', 'wa', 'wo', 'xh', 'yi', 'yo', 'za', 'zh', 'zu')
BEGIN SELECT RAISE(ABORT, 'requests_request_language_code: not an ISO 639-1 code'); END;
--> statement-breakpoint
-- A move past the completeness check carries both its reason (not blank) and what it lacked, or neither.
CREATE TRIGGER `status_history_override_pair` BEFORE INSERT ON `status_history`
WHEN (NEW.`override_reason` IS NULL) <> (NEW.`override_missing` IS NULL) OR trim(NEW.`override_reason`) = ''
BEGIN SELECT RAISE(ABORT, 'status_history_override: a reason and the missing elements, or neither'); END;
