ALTER TABLE `status_history` ADD `refusal_grounds` text;--> statement-breakpoint
-- Give the refusals already recorded the grounds their request still holds (the history is
-- append-only, so its guard is lifted for this one backfill and put back at once).
DROP TRIGGER `status_history_no_update`;
--> statement-breakpoint
UPDATE `status_history` SET `refusal_grounds` = (
  SELECT json_group_array(g.`ground`) FROM `request_refusal_grounds` g WHERE g.`request_id` = `status_history`.`request_id`
)
WHERE `to_status` = 'refused'
  AND `id` = (SELECT max(h.`id`) FROM `status_history` h WHERE h.`request_id` = `status_history`.`request_id` AND h.`to_status` = 'refused')
  AND EXISTS (SELECT 1 FROM `requests` r WHERE r.`id` = `status_history`.`request_id` AND r.`status` = 'refused');
--> statement-breakpoint
CREATE TRIGGER `status_history_no_update` BEFORE UPDATE ON `status_history`
BEGIN SELECT RAISE(ABORT, 'the status history is append-only'); END;
