-- Full-text search looks in what an outgoing request states besides the register's columns
-- (request_drafting, migration 0020): the nature of the proceedings, the authority conducting
-- them, the procedure to follow, the purpose and an emergency's justification, as one index row
-- per request, field 11 (`drafting`, the last of SEARCH_FIELDS: every existing rowid and rank
-- stays as it was). The language code and the preservation tick are not text to search.
-- The columns are joined with line breaks, so no trigram spans two of them.
DROP VIEW `search_rows`;
--> statement-breakpoint
DROP VIEW `search_source`;
--> statement-breakpoint
-- What is searched: field rank, source row, request, text. Ranks follow SEARCH_FIELDS (db/search/fields.ts).
CREATE VIEW `search_source` AS
  SELECT 1 AS `field`, `id` AS `source_id`, `id` AS `request_id`, `reference` AS `value` FROM `requests`
  UNION ALL SELECT 2, `id`, `id`, `counterpart_reference` FROM `requests`
  UNION ALL SELECT 3, `id`, `id`, `domestic_reference` FROM `requests`
  UNION ALL SELECT 4, `id`, `request_id`, `value` FROM `request_identifiers`
  UNION ALL SELECT 5, `id`, `request_id`, `name` FROM `request_parties`
  UNION ALL SELECT 6, `id`, `request_id`, `identifiers` FROM `request_parties`
  UNION ALL SELECT 7, `id`, `id`, `summary` FROM `requests`
  UNION ALL SELECT 8, `id`, `request_id`, `summary` FROM `correspondence`
  UNION ALL SELECT 9, `id`, `request_id`, `note` FROM `request_events`
  -- The notes the import writes on every request it creates ("Imported from FILE", see
  -- db/interchange/history.ts) say nothing about the case: indexing them would double the
  -- cost of an import and match the whole register for "imported".
  UNION ALL SELECT 10, `id`, `request_id`, `note` FROM `status_history` WHERE `note` NOT LIKE 'Imported from %'
  -- One row per request (its id is the source row's): blank columns left out, none at all → ''.
  UNION ALL SELECT 11, `request_id`, `request_id`, concat_ws(char(10),
      nullif(trim(`proceedings_nature`), ''), nullif(trim(`conducting_authority`), ''),
      nullif(trim(`procedure_to_follow`), ''), nullif(trim(`purpose`), ''), nullif(trim(`emergency_justification`), ''))
    FROM `request_drafting`;
--> statement-breakpoint
-- Unchanged from 0009 (a view over a dropped view goes with it): the Arabic folding, two trailing spaces.
CREATE VIEW `search_rows` AS
  SELECT `field`, `source_id`, (`field` << 40) - `source_id` AS `fts_rowid`, `request_id`,
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
      `value`, char(1611), ''), char(1612), ''), char(1613), ''), char(1614), ''), char(1615), ''), char(1616), ''),
      char(1617), ''), char(1618), ''), char(1648), ''), char(1600), ''),
      char(1570), char(1575)), char(1571), char(1575)), char(1573), char(1575)), char(1649), char(1575)),
      char(1609), char(1610)), char(1577), char(1607)) || '  ' AS `body`
  FROM `search_source` WHERE trim(`value`) <> '';
--> statement-breakpoint
-- The drafting already written, in rowid order (appended keys fill the index's b-tree pages).
INSERT INTO `search_index` (`rowid`, `request_id`, `body`)
  SELECT `fts_rowid`, `request_id`, `body` FROM `search_rows` WHERE `field` = 11 ORDER BY `fts_rowid`;
--> statement-breakpoint
-- The form saves with an upsert (db/drafting/fields.ts): the first save inserts, later ones update.
CREATE TRIGGER `search_drafting_insert` AFTER INSERT ON `request_drafting` BEGIN
  INSERT INTO `search_index` (`rowid`, `request_id`, `body`)
    SELECT `fts_rowid`, `request_id`, `body` FROM `search_rows` WHERE `field` = 11 AND `source_id` = NEW.`request_id`;
END;
--> statement-breakpoint
-- Every save rewrites the whole row; a change of language or of the preservation tick alone,
-- or a save that changed nothing, leaves the index alone.
CREATE TRIGGER `search_drafting_update` AFTER UPDATE OF `proceedings_nature`, `conducting_authority`,
  `procedure_to_follow`, `purpose`, `emergency_justification`, `request_id` ON `request_drafting`
WHEN OLD.`proceedings_nature` IS NOT NEW.`proceedings_nature` OR OLD.`conducting_authority` IS NOT NEW.`conducting_authority`
  OR OLD.`procedure_to_follow` IS NOT NEW.`procedure_to_follow` OR OLD.`purpose` IS NOT NEW.`purpose`
  OR OLD.`emergency_justification` IS NOT NEW.`emergency_justification` OR OLD.`request_id` IS NOT NEW.`request_id`
BEGIN
  DELETE FROM `search_index` WHERE `rowid` = (11 << 40) - OLD.`request_id`;
  INSERT INTO `search_index` (`rowid`, `request_id`, `body`)
    SELECT `fts_rowid`, `request_id`, `body` FROM `search_rows` WHERE `field` = 11 AND `source_id` = NEW.`request_id`;
END;
--> statement-breakpoint
-- Cleared drafting deletes the row (db/drafting/fields.ts), and so does deleting the request (ON DELETE CASCADE).
CREATE TRIGGER `search_drafting_delete` AFTER DELETE ON `request_drafting` BEGIN
  DELETE FROM `search_index` WHERE `rowid` = (11 << 40) - OLD.`request_id`;
END;
