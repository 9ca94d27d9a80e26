CREATE TABLE `audit_chain` (
	`id` integer PRIMARY KEY NOT NULL,
	`legacy_through` integer NOT NULL,
	`sealed_at` text,
	CONSTRAINT "audit_chain_single_row" CHECK("audit_chain"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE `audit_log` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `audit_log_prev_hash_idx` ON `audit_log` (`prev_hash`);--> statement-breakpoint
-- Entries written so far predate the chain: the upgrade seals them once (db/audit-chain.ts, in
-- the migration's transaction). Only they, and only while the chain is unsealed, may be given
-- hashes; every later entry must carry its hashes when it is written.
INSERT INTO `audit_chain` (`id`, `legacy_through`, `sealed_at`)
SELECT 1, max(
  coalesce((SELECT `seq` FROM `sqlite_sequence` WHERE `name` = 'audit_log'), 0),
  coalesce((SELECT max(`id`) FROM `audit_log`), 0)
), NULL;
--> statement-breakpoint
DROP TRIGGER `audit_log_no_update`;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN NOT coalesce(
  OLD.`hash` IS NULL AND OLD.`prev_hash` IS NULL
  AND NEW.`hash` IS NOT NULL AND NEW.`prev_hash` IS NOT NULL
  AND NEW.`id` = OLD.`id` AND NEW.`at` IS OLD.`at` AND NEW.`actor` IS OLD.`actor`
  AND NEW.`action` IS OLD.`action` AND NEW.`entity` IS OLD.`entity`
  AND NEW.`entity_id` IS OLD.`entity_id` AND NEW.`details` IS OLD.`details`
  AND OLD.`id` <= (SELECT `legacy_through` FROM `audit_chain` WHERE `id` = 1)
  AND (SELECT `sealed_at` IS NULL FROM `audit_chain` WHERE `id` = 1),
  0)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_chained_only` BEFORE INSERT ON `audit_log`
WHEN NEW.`hash` IS NULL OR NEW.`prev_hash` IS NULL
BEGIN SELECT RAISE(ABORT, 'an audit entry must carry its chain hashes'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_chain_no_delete` BEFORE DELETE ON `audit_chain`
BEGIN SELECT RAISE(ABORT, 'the audit chain record is permanent'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_chain_sealed_once` BEFORE UPDATE ON `audit_chain`
WHEN NOT coalesce(
  OLD.`sealed_at` IS NULL AND NEW.`sealed_at` IS NOT NULL
  AND NEW.`id` = OLD.`id` AND NEW.`legacy_through` = OLD.`legacy_through`,
  0)
BEGIN SELECT RAISE(ABORT, 'the audit chain record is permanent'); END;
