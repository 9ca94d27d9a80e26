DROP INDEX `status_history_life_idx`;--> statement-breakpoint
CREATE INDEX `status_history_request_idx` ON `status_history` (`request_id`,`id`);--> statement-breakpoint
ALTER TABLE `requests` ADD `life` text;
--> statement-breakpoint
-- Each request's history packed as db/statistics/life-text.ts packs it (the same letters).
UPDATE `requests` SET `life` = (
  SELECT group_concat(
    CASE WHEN h.`from_status` IS NULL THEN '-' ELSE '>' END
    || CASE h.`to_status` WHEN 'draft' THEN 'A' WHEN 'registered' THEN 'B' WHEN 'under_review' THEN 'C'
         WHEN 'awaiting_information' THEN 'D' WHEN 'sent' THEN 'E' WHEN 'in_execution' THEN 'F'
         WHEN 'suspended' THEN 'G' WHEN 'partially_executed' THEN 'H' WHEN 'executed' THEN 'I'
         WHEN 'executed_in_part' THEN 'J' WHEN 'refused' THEN 'K' WHEN 'withdrawn' THEN 'L' WHEN 'lapsed' THEN 'M' END
    || h.`effective_on`, ',' ORDER BY h.`id`)
  FROM `status_history` AS h WHERE h.`request_id` = `requests`.`id`
);
