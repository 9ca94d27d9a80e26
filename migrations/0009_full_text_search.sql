-- Full-text search over the register (db/search/): one FTS5 row per (field, source row), kept
-- in step by the triggers below, so every write path (the app, the import, the CLI) updates the
-- index inside its own transaction.
--
-- Tokenizer: trigram, case-insensitive, with Latin diacritics removed: substring matches for
-- reference fragments ("00042"), and words in scripts without spaces (Chinese). The index keeps
-- no copy of the text (content=''), only the request each row belongs to: results show the
-- source row's own value.
--
-- rowid = (field rank << 40) - source row id, rank 1 the strongest field (our reference) to 10
-- the weakest (a status note): a search reading matches in ascending rowid order meets the
-- strongest fields first and, within a field, the newest rows first; the triggers find a row's
-- entry again. Ascending, because FTS5 starts a descending scan of a long phrase by reading
-- every term's whole doclist (measured at 250,000 requests: 7 ms against 0.4 ms for a reference
-- fragment); the price is that new rows go in at the low end of the index's b-trees, which
-- leaves their pages half full (about 40 MB at 250,000 requests, given back by a VACUUM).
CREATE VIRTUAL TABLE `search_index` USING fts5(
  `body`, `request_id` UNINDEXED,
  content = '', contentless_delete = 1, contentless_unindexed = 1,
  tokenize = 'trigram remove_diacritics 2'
);
--> statement-breakpoint
-- The index's terms (trigrams), for queries of one or two characters, shorter than a trigram.
CREATE VIRTUAL TABLE `search_terms` USING fts5vocab(`search_index`, 'row');
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
  UNION ALL SELECT 10, `id`, `request_id`, `note` FROM `status_history` WHERE `note` NOT LIKE 'Imported from %';
--> statement-breakpoint
-- The index rows. The text is folded as the tokenizer cannot: Arabic short vowels and other
-- harakat, superscript alef and tatweel removed; hamza and madda alef forms, alef wasla to
-- alef; alef maqsura to yeh; teh marbuta to heh (as Lucene's Arabic normaliser does; the query
-- gets the same in db/search/fold.ts). Two trailing spaces make every character the start of a
-- trigram, which is how one- and two-character queries find it (db/search/match.ts).
CREATE VIEW `search_rows` AS
  SELECT `field`, `source_id`, (`field` << 40) - `source_id` AS `fts_rowid`, `request_id`,
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
      `value`, char(1611), ''), char(1612), ''), char(1613), ''), char(1614), ''), char(1615), ''), char(1616), ''),
      char(1617), ''), char(1618), ''), char(1648), ''), char(1600), ''),
      char(1570), char(1575)), char(1571), char(1575)), char(1573), char(1575)), char(1649), char(1575)),
      char(1609), char(1610)), char(1577), char(1607)) || '  ' AS `body`
  FROM `search_source` WHERE trim(`value`) <> '';
--> statement-breakpoint
-- In rowid order: appended keys fill the index's b-tree pages.
INSERT INTO `search_index` (`rowid`, `request_id`, `body`)
  SELECT `fts_rowid`, `request_id`, `body` FROM `search_rows` ORDER BY `fts_rowid`;
--> statement-breakpoint
INSERT INTO `search_index` (`search_index`) VALUES ('optimize');
--> statement-breakpoint
CREATE TRIGGER `search_requests_insert` AFTER INSERT ON `requests` BEGIN
  INSERT INTO `search_index` (`rowid`, `request_id`, `body`)
    SELECT `fts_rowid`, `request_id`, `body` FROM `search_rows` WHERE `field` IN (1, 2, 3, 7) AND `source_id` = NEW.`id`;
END;
--> statement-breakpoint
-- Status moves and other updates that leave the searched columns alone leave the index alone.
CREATE TRIGGER `search_requests_update` AFTER UPDATE OF `reference`, `counterpart_reference`, `domestic_reference`, `summary` ON `requests`
WHEN OLD.`reference` IS NOT NEW.`reference` OR OLD.`counterpart_reference` IS NOT NEW.`counterpart_reference`
  OR OLD.`domestic_reference` IS NOT NEW.`domestic_reference` OR OLD.`summary` IS NOT NEW.`summary`
BEGIN
  DELETE FROM `search_index` WHERE `rowid` IN ((1 << 40) - OLD.`id`, (2 << 40) - OLD.`id`, (3 << 40) - OLD.`id`, (7 << 40) - OLD.`id`);
  INSERT INTO `search_index` (`rowid`, `request_id`, `body`)
    SELECT `fts_rowid`, `request_id`, `body` FROM `search_rows` WHERE `field` IN (1, 2, 3, 7) AND `source_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_requests_delete` AFTER DELETE ON `requests` BEGIN
  DELETE FROM `search_index` WHERE `rowid` IN ((1 << 40) - OLD.`id`, (2 << 40) - OLD.`id`, (3 << 40) - OLD.`id`, (7 << 40) - OLD.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `search_identifiers_insert` AFTER INSERT ON `request_identifiers` BEGIN
  INSERT INTO `search_index` (`rowid`, `request_id`, `body`)
    SELECT `fts_rowid`, `request_id`, `body` FROM `search_rows` WHERE `field` = 4 AND `source_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_identifiers_update` AFTER UPDATE OF `value`, `request_id` ON `request_identifiers` BEGIN
  DELETE FROM `search_index` WHERE `rowid` = (4 << 40) - OLD.`id`;
  INSERT INTO `search_index` (`rowid`, `request_id`, `body`)
    SELECT `fts_rowid`, `request_id`, `body` FROM `search_rows` WHERE `field` = 4 AND `source_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_identifiers_delete` AFTER DELETE ON `request_identifiers` BEGIN
  DELETE FROM `search_index` WHERE `rowid` = (4 << 40) - OLD.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_parties_insert` AFTER INSERT ON `request_parties` BEGIN
  INSERT INTO `search_index` (`rowid`, `request_id`, `body`)
    SELECT `fts_rowid`, `request_id`, `body` FROM `search_rows` WHERE `field` IN (5, 6) AND `source_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_parties_update` AFTER UPDATE OF `name`, `identifiers`, `request_id` ON `request_parties` BEGIN
  DELETE FROM `search_index` WHERE `rowid` IN ((5 << 40) - OLD.`id`, (6 << 40) - OLD.`id`);
  INSERT INTO `search_index` (`rowid`, `request_id`, `body`)
    SELECT `fts_rowid`, `request_id`, `body` FROM `search_rows` WHERE `field` IN (5, 6) AND `source_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_parties_delete` AFTER DELETE ON `request_parties` BEGIN
  DELETE FROM `search_index` WHERE `rowid` IN ((5 << 40) - OLD.`id`, (6 << 40) - OLD.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `search_correspondence_insert` AFTER INSERT ON `correspondence` BEGIN
  INSERT INTO `search_index` (`rowid`, `request_id`, `body`)
    SELECT `fts_rowid`, `request_id`, `body` FROM `search_rows` WHERE `field` = 8 AND `source_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_correspondence_update` AFTER UPDATE OF `summary`, `request_id` ON `correspondence` BEGIN
  DELETE FROM `search_index` WHERE `rowid` = (8 << 40) - OLD.`id`;
  INSERT INTO `search_index` (`rowid`, `request_id`, `body`)
    SELECT `fts_rowid`, `request_id`, `body` FROM `search_rows` WHERE `field` = 8 AND `source_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_correspondence_delete` AFTER DELETE ON `correspondence` BEGIN
  DELETE FROM `search_index` WHERE `rowid` = (8 << 40) - OLD.`id`;
END;
--> statement-breakpoint
-- Events and the status history are append-only (migrations 0001, 0003 refuse UPDATE and
-- DELETE), so their notes only ever arrive.
CREATE TRIGGER `search_events_insert` AFTER INSERT ON `request_events` BEGIN
  INSERT INTO `search_index` (`rowid`, `request_id`, `body`)
    SELECT `fts_rowid`, `request_id`, `body` FROM `search_rows` WHERE `field` = 9 AND `source_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_history_insert` AFTER INSERT ON `status_history`
WHEN NEW.`note` IS NOT NULL AND NEW.`note` NOT LIKE 'Imported from %' BEGIN
  INSERT INTO `search_index` (`rowid`, `request_id`, `body`)
    SELECT `fts_rowid`, `request_id`, `body` FROM `search_rows` WHERE `field` = 10 AND `source_id` = NEW.`id`;
END;
