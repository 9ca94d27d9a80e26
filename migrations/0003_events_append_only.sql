-- Request events join the status history and the audit log as append-only records.
CREATE TRIGGER `request_events_no_update` BEFORE UPDATE ON `request_events`
BEGIN SELECT RAISE(ABORT, 'the request history is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `request_events_no_delete` BEFORE DELETE ON `request_events`
BEGIN SELECT RAISE(ABORT, 'the request history is append-only'); END;
