-- The audit log and the status history are append-only: the database itself refuses to change them.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `status_history_no_update` BEFORE UPDATE ON `status_history`
BEGIN SELECT RAISE(ABORT, 'the status history is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `status_history_no_delete` BEFORE DELETE ON `status_history`
BEGIN SELECT RAISE(ABORT, 'the status history is append-only'); END;
