DROP INDEX `status_history_request_idx`;--> statement-breakpoint
CREATE INDEX `status_history_life_idx` ON `status_history` (`request_id`,`id`,`from_status`,`to_status`,`effective_on`);