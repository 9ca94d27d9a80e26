ALTER TABLE `users` ADD `language` text;--> statement-breakpoint
-- The six interface languages (i18n/languages.ts), kept by triggers: a CHECK would make drizzle-kit rebuild the table.
CREATE TRIGGER `users_language_code_insert` BEFORE INSERT ON `users`
WHEN NEW.`language` IS NOT NULL AND NEW.`language` NOT IN ('ar', 'en', 'es', 'fr', 'ru', 'zh')
BEGIN SELECT RAISE(ABORT, 'users_language_code: not one of ar, en, es, fr, ru, zh'); END;
--> statement-breakpoint
CREATE TRIGGER `users_language_code_update` BEFORE UPDATE OF `language` ON `users`
WHEN NEW.`language` IS NOT NULL AND NEW.`language` NOT IN ('ar', 'en', 'es', 'fr', 'ru', 'zh')
BEGIN SELECT RAISE(ABORT, 'users_language_code: not one of ar, en, es, fr, ru, zh'); END;
