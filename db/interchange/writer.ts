import type Database from 'better-sqlite3';
import { DIRECTION_PREFIX, KIND_PREFIX, type Kind, type LinkKind } from '../../contract/codes.ts';
import type { Clock } from '../clock.ts';
import { scalarColumns } from '../requests/parts.ts';
import { BulkInsert } from './bulk.ts';
import { lifeText } from '../statistics/life-text.ts';
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
 * Parameters are bound by position: better-sqlite3 binds named ones by looking each name up in
 * the object, which cost more than the insert itself (about 20 µs a request, measured).
 */
export function importWriter(sqlite: Database.Database, clock: Clock, actor: string) {
  const insertRequest = sqlite.prepare(
    `INSERT INTO requests (reference, direction, kind, status, opened_on, closed_on, counterpart_country,
       counterpart_authority, counterpart_reference, domestic_authority, domestic_reference, service_provider,
       legal_basis, legal_basis_detail, channel, cyber_related, offence_description, urgency, counterpart_deadline,
       deadline_note, assigned_to, summary, preserved_until, last_status_on, life, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // A request's other rows are written in multi-row INSERTs (bulk.ts); the request's id is
  // known as soon as its own row is in, so they can wait for a batch.
  const offences = new BulkInsert(sqlite, 'request_offences', ['request_id', 'section']);
  const assistance = new BulkInsert(sqlite, 'request_assistance', ['request_id', 'code']);
  const grounds = new BulkInsert(sqlite, 'request_refusal_grounds', ['request_id', 'ground']);
  const changes = new BulkInsert(sqlite, 'status_history', [
    'request_id',
    'recorded_at',
    'effective_on',
    'actor',
    'from_status',
    'to_status',
    'note',
    'refusal_grounds',
  ]);
  const flush = () => {
    for (const rows of [offences, assistance, grounds, changes]) rows.flush();
  };
  const insertLink = sqlite.prepare(
    'INSERT INTO request_links (from_id, to_id, kind, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
  );
  const raiseCounter = sqlite.prepare(
    `INSERT INTO reference_counters (scope, last) VALUES (?, ?)
     ON CONFLICT(scope) DO UPDATE SET last = max(last, excluded.last)`,
  );
  /** The highest running number met per counter scope, written once by finish(). */
  const counters = new Map<string, number>();

  return {
    request(row: ValidRow, history: readonly ImportedChange[]): number {
      const c = scalarColumns(row.fields);
      const id = Number(
        insertRequest.run(
          row.reference,
          row.direction,
          row.kind,
          row.status,
          row.openedOn,
          row.closedOn,
          c.counterpartCountry,
          c.counterpartAuthority,
          c.counterpartReference,
          c.domesticAuthority,
          c.domesticReference,
          c.serviceProvider,
          c.legalBasis,
          c.legalBasisDetail,
          c.channel,
          c.cyberRelated ? 1 : 0,
          c.offenceDescription,
          c.urgency,
          c.counterpartDeadline,
          c.deadlineNote,
          c.assignedTo,
          c.summary,
          c.preservedUntil,
          history.at(-1)?.effectiveOn ?? null,
          lifeText(history),
          clock.at,
          clock.at,
        ).lastInsertRowid,
      );
      for (const section of row.fields.offences) offences.add(id, section);
      for (const code of row.fields.assistance) assistance.add(id, code);
      for (const ground of row.refusalGrounds) grounds.add(id, ground);
      // A refusal carries its grounds in the history too (see db/schema/requests.ts).
      const refusal = row.refusalGrounds.length > 0 ? JSON.stringify(row.refusalGrounds) : null;
      for (const h of history) {
        changes.add(
          id,
          clock.at,
          h.effectiveOn,
          actor,
          h.fromStatus,
          h.toStatus,
          h.note,
          h.toStatus === 'refused' ? refusal : null,
        );
      }
      return id;
    },
    /** Links two requests of the register (the import's own rows are written first). */
    link(fromId: number, toId: number, kind: LinkKind): void {
      flush();
      insertLink.run(fromId, toId, kind, clock.at, actor);
    },
    /**
     * Raises the running number of the reference's (kind, direction, year) to at least its
     * own, so a request registered later never gets an imported number (the scope is the one
     * db/references.ts allocateReference counts in). A reference the pattern did not make
     * cannot collide with one it makes, and leaves the counters alone. Kept in memory (one
     * number per scope) and written by finish(), inside the same transaction.
     */
    counter(pattern: string, reference: string): void {
      const parts = parseReference(pattern, reference);
      if (!parts) return;
      const scope = `${KIND_PREFIX[parts.kind]}-${DIRECTION_PREFIX[parts.direction]}-${parts.year}`;
      if (parts.seq > (counters.get(scope) ?? -1)) counters.set(scope, parts.seq);
    },
    /** Writes what is still gathered, and the counters: one upsert per scope rather than one per request. */
    finish(): void {
      flush();
      for (const [scope, last] of counters) raiseCounter.run(scope, last);
      counters.clear();
    },
  };
}
export type ImportWriter = ReturnType<typeof importWriter>;

/** Requests of the register by reference (on the import's connection, so it sees the import's own rows). */
export interface RegisterLookup {
  /** The register had no requests when the import's transaction began. */
  readonly empty: boolean;
  find(reference: string): KnownRequest | undefined;
}

/**
 * Asked once per imported row. On a register that was empty when the import's transaction
 * began (nobody else can write to it meanwhile) the only requests are the import's own, which
 * the import knows already: no query is needed.
 */
export function registerLookup(sqlite: Database.Database): RegisterLookup {
  const empty = sqlite.prepare('SELECT NOT EXISTS (SELECT 1 FROM requests)').pluck().get() === 1;
  if (empty) return { empty, find: () => undefined };
  const find = sqlite.prepare<[string], KnownRequest>('SELECT id, kind FROM requests WHERE reference = ?');
  return { empty, find: (reference) => find.get(reference) };
}
