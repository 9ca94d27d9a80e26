ALTER TABLE `requests` ADD `last_status_on` text;--> statement-breakpoint
ALTER TABLE `requests` ADD `last_event_on` text;--> statement-breakpoint
CREATE INDEX `requests_country_kind_idx` ON `requests` (`counterpart_country`,`kind`,`status`,`opened_on`);--> statement-breakpoint
CREATE INDEX `requests_activity_idx` ON `requests` (`status`,`direction`,`last_status_on`,`last_event_on`,`opened_on`);--> statement-breakpoint
UPDATE `requests` SET
  `last_status_on` = (SELECT `effective_on` FROM `status_history` WHERE `request_id` = `requests`.`id` ORDER BY `id` DESC LIMIT 1),
  `last_event_on` = (SELECT max(`effective_on`) FROM `request_events` WHERE `request_id` = `requests`.`id` AND `type` <> 'note');
