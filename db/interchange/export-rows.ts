import type Database from 'better-sqlite3';
import { ASSISTANCE, ICCS_SECTIONS, REFUSAL_GROUNDS } from '../../contract/codes.ts';
import type { InterchangeColumn } from '../../contract/interchange.ts';

/** One request as the interchange format writes it: each column's text, null for empty. */
export type ExportRow = Record<InterchangeColumn, string | null>;

/**
 * One statement for the whole register, so the export is a consistent snapshot and needs no
 * query per request. related_reference is the request this one points at: its follow-up
 * target first, else the request it supplements, else a related one (the oldest link).
 */
const EXPORT_SQL = `
SELECT r.reference, r.direction, r.kind, r.status, r.opened_on, r.closed_on, r.counterpart_country,
  r.counterpart_authority, r.counterpart_reference, r.domestic_authority, r.domestic_reference,
  r.service_provider, r.legal_basis, r.legal_basis_detail, r.channel,
  (SELECT group_concat(section, ';') FROM request_offences WHERE request_id = r.id) AS offences,
  CASE WHEN r.cyber_related THEN 'true' ELSE 'false' END AS cyber_related,
  r.offence_description,
  (SELECT group_concat(code, ';') FROM request_assistance WHERE request_id = r.id) AS assistance,
  r.urgency,
  (SELECT group_concat(ground, ';') FROM request_refusal_grounds WHERE request_id = r.id) AS refusal_grounds,
  (SELECT t.reference FROM request_links l JOIN requests t ON t.id = l.to_id WHERE l.from_id = r.id
    ORDER BY CASE l.kind WHEN 'follow_up' THEN 0 WHEN 'supplementary' THEN 1 ELSE 2 END, l.id LIMIT 1
  ) AS related_reference,
  r.assigned_to, r.summary
FROM requests r
ORDER BY r.id`;

/** A list in the order of its code list, as the form and the spec write it (so exports compare equal). */
function inCodeOrder(list: string | null, codes: readonly string[]): string | null {
  if (list === null) return null;
  const present = new Set(list.split(';'));
  return codes.filter((c) => present.has(c)).join(';');
}

/** The register's requests in the order they were registered (or imported), one at a time. */
export function* exportRows(sqlite: Database.Database): Generator<ExportRow> {
  for (const row of sqlite.prepare<[], ExportRow>(EXPORT_SQL).iterate()) {
    row.offences = inCodeOrder(row.offences, ICCS_SECTIONS);
    row.assistance = inCodeOrder(row.assistance, ASSISTANCE);
    row.refusal_grounds = inCodeOrder(row.refusal_grounds, REFUSAL_GROUNDS);
    yield row;
  }
}
