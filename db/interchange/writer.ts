import type Database from 'better-sqlite3';
import { DIRECTION_PREFIX, KIND_PREFIX, type Kind, type LinkKind } from '../../contract/codes.ts';
import type { Clock } from '../clock.ts';
import { scalarColumns } from '../requests/parts.ts';
import type { ImportedChange } from './history.ts';
import { parseReference } from './references.ts';
import type { ValidRow } from './validate-row.ts';

/** A request of the register, as a related_reference may name it. */
export interface KnownRequest {
  id: number;
  kind: Kind;
}

/**
 * The import's writes, as statements prepared once on the import's own connection. An import
 * writes a few rows per request for up to hundreds of thousands of requests inside one
 * transaction; these are the same columns registerRequest (db/requests/write.ts) and
 * writeRequestParts fill, from the same scalarColumns mapping, without per-row query building.
 */
export function importWriter(sqlite: Database.Database, clock: Clock, actor: string) {
  const insertRequest = sqlite.prepare(
    `INSERT INTO requests (reference, direction, kind, status, opened_on, closed_on, counterpart_country,
       counterpart_authority, counterpart_reference, domestic_authority, domestic_reference, service_provider,
       legal_basis, legal_basis_detail, channel, cyber_related, offence_description, urgency, counterpart_deadline,
       deadline_note, assigned_to, summary, preserved_until, last_status_on, created_at, updated_at)
     VALUES (@reference, @direction, @kind, @status, @openedOn, @closedOn, @counterpartCountry,
       @counterpartAuthority, @counterpartReference, @domesticAuthority, @domesticReference, @serviceProvider,
       @legalBasis, @legalBasisDetail, @channel, @cyberRelated, @offenceDescription, @urgency, @counterpartDeadline,
       @deadlineNote, @assignedTo, @summary, @preservedUntil, @lastStatusOn, @at, @at)`,
  );
  const insertOffence = sqlite.prepare('INSERT INTO request_offences (request_id, section) VALUES (?, ?)');
  const insertAssistance = sqlite.prepare('INSERT INTO request_assistance (request_id, code) VALUES (?, ?)');
  const insertGround = sqlite.prepare('INSERT INTO request_refusal_grounds (request_id, ground) VALUES (?, ?)');
  const insertChange = sqlite.prepare(
    `INSERT INTO status_history (request_id, recorded_at, effective_on, actor, from_status, to_status, note, refusal_grounds)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLink = sqlite.prepare(
    'INSERT INTO request_links (from_id, to_id, kind, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
  );
  const raiseCounter = sqlite.prepare(
    `INSERT INTO reference_counters (scope, last) VALUES (?, ?)
     ON CONFLICT(scope) DO UPDATE SET last = max(last, excluded.last)`,
  );

  return {
    request(row: ValidRow, history: readonly ImportedChange[]): number {
      const columns = scalarColumns(row.fields);
      const id = Number(
        insertRequest.run({
          ...columns,
          cyberRelated: columns.cyberRelated ? 1 : 0,
          reference: row.reference,
          direction: row.direction,
          kind: row.kind,
          status: row.status,
          openedOn: row.openedOn,
          closedOn: row.closedOn,
          lastStatusOn: history.at(-1)?.effectiveOn ?? null,
          at: clock.at,
        }).lastInsertRowid,
      );
      for (const section of row.fields.offences) insertOffence.run(id, section);
      for (const code of row.fields.assistance) insertAssistance.run(id, code);
      for (const ground of row.refusalGrounds) insertGround.run(id, ground);
      // A refusal carries its grounds in the history too (see db/schema/requests.ts).
      const grounds = JSON.stringify(row.refusalGrounds);
      for (const h of history) {
        const refusal = h.toStatus === 'refused' ? grounds : null;
        insertChange.run(id, clock.at, h.effectiveOn, actor, h.fromStatus, h.toStatus, h.note, refusal);
      }
      return id;
    },
    link(fromId: number, toId: number, kind: LinkKind): void {
      insertLink.run(fromId, toId, kind, clock.at, actor);
    },
    /**
     * Raises the running number of the reference's (kind, direction, year) to at least its
     * own, so a request registered later never gets an imported number (the scope is the one
     * db/references.ts allocateReference counts in). A reference the pattern did not make
     * cannot collide with one it makes, and leaves the counters alone.
     */
    counter(pattern: string, reference: string): void {
      const parts = parseReference(pattern, reference);
      if (!parts) return;
      raiseCounter.run(`${KIND_PREFIX[parts.kind]}-${DIRECTION_PREFIX[parts.direction]}-${parts.year}`, parts.seq);
    },
  };
}
export type ImportWriter = ReturnType<typeof importWriter>;

/** Looks requests up by reference in the register (on the import's connection, so it sees the import's own rows). */
export function registerLookup(sqlite: Database.Database): (reference: string) => KnownRequest | undefined {
  const find = sqlite.prepare<[string], KnownRequest>('SELECT id, kind FROM requests WHERE reference = ?');
  return (reference) => find.get(reference);
}
