-- A frozen snapshot is what was reported: it is never changed or removed.
CREATE TRIGGER `statistics_snapshots_no_update` BEFORE UPDATE ON `statistics_snapshots`
BEGIN SELECT RAISE(ABORT, 'statistics snapshots are frozen'); END;
--> statement-breakpoint
CREATE TRIGGER `statistics_snapshots_no_delete` BEFORE DELETE ON `statistics_snapshots`
BEGIN SELECT RAISE(ABORT, 'statistics snapshots are frozen'); END;
