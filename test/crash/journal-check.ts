import type Database from 'better-sqlite3';
import type { JournalLine, Outcome, WriteOp } from './journal.ts';

/** A request as the checks last found it. */
export interface KnownRequest {
  reference: string;
  status: string;
  version: number;
}

/** What the checks know of a register between trials: everything written before this trial. */
export interface RegisterState {
  requests: Map<number, KnownRequest>;
  lastAudit: number;
  lastHistory: number;
  lastEvent: number;
}

export const emptyState = (): RegisterState => ({ requests: new Map(), lastAudit: 0, lastHistory: 0, lastEvent: 0 });

/** Where the kill landed, read from the journal's last line. */
export type Phase = 'startup' | 'import' | 'write' | 'between';

export interface JournalVerdict {
  problems: string[];
  phase: Phase;
  /** The write in flight at the kill, and whether the register holds it (whole: else a problem). */
  inFlight: { op: WriteOp['op']; committed: boolean } | null;
  /** Writes journaled as returned (done) and found, plus refused ones found to have left nothing. */
  verified: number;
  /** The writes journaled as returned and found, by kind. */
  returned: Record<WriteOp['op'], number>;
  /** Writes the register refused by its rules (each checked to have left nothing). */
  refused: number;
  /** Requests the trial's writes touched, for the search index check. */
  touched: number[];
  /** The register as it now is, for the next trial. */
  state: RegisterState;
}

interface AuditRow {
  id: number;
  action: string;
  entityId: number | null;
  details: Record<string, unknown>;
}
interface MarkedRow {
  id: number;
  requestId: number;
  note: string | null;
  from?: string | null;
  to?: string;
  type?: string;
}
interface RequestRow extends KnownRequest {
  id: number;
  domesticReference: string | null;
}

/** The rows written since the state was taken, and every request as it is now. */
function readSince(sqlite: Database.Database, before: RegisterState) {
  const audit = sqlite
    .prepare<[number], { id: number; action: string; entityId: number | null; details: string }>(
      'SELECT id, action, entity_id AS entityId, details FROM audit_log WHERE id > ? ORDER BY id',
    )
    .all(before.lastAudit)
    .map((r): AuditRow => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
  const history = sqlite
    .prepare<[number], MarkedRow>(
      'SELECT id, request_id AS requestId, note, from_status AS "from", to_status AS "to" FROM status_history WHERE id > ?',
    )
    .all(before.lastHistory);
  const events = sqlite
    .prepare<[number], MarkedRow>('SELECT id, request_id AS requestId, note, type FROM request_events WHERE id > ?')
    .all(before.lastEvent);
  const requests = sqlite
    .prepare<[], RequestRow>(
      'SELECT id, reference, domestic_reference AS domesticReference, status, version FROM requests',
    )
    .all();
  const witnesses = sqlite.prepare<[string], number>('SELECT request_id FROM request_parties WHERE name = ?').pluck();
  const parties = sqlite.prepare<[number], number>('SELECT count(*) FROM request_parties WHERE request_id = ?').pluck();
  return { audit, history, events, requests, witnesses, parties };
}

function phaseOf(lines: readonly JournalLine[]): Phase {
  const last = lines.at(-1);
  if (last === undefined) return 'startup';
  if (last.t !== 'begin') return 'between';
  return last.op === 'import' ? 'import' : 'write';
}

/**
 * Holds the register against the child's journal of one trial (journal.ts): every write
 * journaled as returned is there, whole, with the state the journal recorded; a refused
 * write left nothing; the write in flight at the kill is either all there or not at all; and
 * nothing changed that no journaled write explains (every new audit entry is claimed by
 * exactly one write, and every request's status and version are what the writes made them).
 */
export function checkJournal(
  sqlite: Database.Database,
  before: RegisterState,
  lines: readonly JournalLine[],
): JournalVerdict {
  const now = readSince(sqlite, before);
  const problems: string[] = [];
  const claimed = new Set<number>();
  const claim = (match: (a: AuditRow) => boolean) => {
    const found = now.audit.find((a) => !claimed.has(a.id) && match(a));
    if (found) claimed.add(found.id);
    return found;
  };
  const byMarker = new Map(now.requests.filter((r) => r.domesticReference).map((r) => [r.domesticReference, r]));
  const expected = new Map(before.requests);
  const touched = new Set<number>();
  const withHistory = new Set(now.history.map((h) => h.requestId));

  /**
   * Claims the write's audit entry and counts its own rows: [entry found, rows found, rows a
   * whole write has]. `superseded`: a later correction of the same request replaced this one's.
   */
  function look(op: WriteOp, superseded: boolean): [boolean, number, number] {
    switch (op.op) {
      case 'register': {
        const row = byMarker.get(op.marker);
        const entry = claim((a) => a.action === 'request.register' && a.details.domesticReference === op.marker);
        if (!row) return [entry !== undefined, 0, 3];
        touched.add(row.id);
        const firstHistory = now.history.filter((h) => h.requestId === row.id && h.from === null).length;
        return [entry !== undefined, 1 + firstHistory + Math.min(1, now.parties.get(row.id) ?? 0), 3];
      }
      case 'move': {
        touched.add(op.id);
        const entry = claim(
          (a) =>
            ['request.move', 'request.reopen'].includes(a.action) &&
            a.entityId === op.id &&
            a.details.note === op.marker,
        );
        const rows = now.history.filter(
          (h) => h.note === op.marker && h.requestId === op.id && h.from === op.from && h.to === op.to,
        );
        return [entry !== undefined, rows.length, 1];
      }
      case 'event': {
        touched.add(op.id);
        const entry = claim(
          (a) => a.action === 'request.event' && a.entityId === op.id && a.details.note === op.marker,
        );
        const rows = now.events.filter((e) => e.note === op.marker && e.requestId === op.id && e.type === op.type);
        return [entry !== undefined, rows.length, 1];
      }
      case 'update': {
        touched.add(op.id);
        const entry = claim(
          (a) => a.action === 'request.update' && a.entityId === op.id && JSON.stringify(a.details).includes(op.marker),
        );
        // Its witness stays among the parties until later corrections push it out.
        const witness = now.witnesses.all(`Witness ${op.marker}`).includes(op.id) ? 1 : 0;
        return [entry !== undefined, superseded ? 1 : witness, 1];
      }
      case 'import': {
        const entry = claim((a) => a.action === 'register.import' && a.details.file === op.marker);
        const rows = now.requests.filter((r) => r.reference.startsWith(op.marker));
        for (const r of rows.slice(0, 5)) touched.add(r.id);
        // A request counts with the history the import writes for it.
        const whole = rows.filter((r) => withHistory.has(r.id)).length;
        if (whole !== rows.length)
          problems.push(`${op.marker}: ${rows.length - whole} imported requests have no history`);
        return [entry !== undefined && entry.details.imported === op.rows, rows.length, op.rows];
      }
    }
  }

  /** Sets what a write that is in the register made of its request(s). */
  function apply(op: WriteOp, outcome: Outcome): void {
    if (op.op === 'import') {
      for (const r of now.requests.filter((q) => q.reference.startsWith(op.marker))) {
        expected.set(r.id, { reference: r.reference, status: r.status, version: 1 });
      }
    } else if (op.op === 'register') {
      const row = byMarker.get(op.marker);
      if (!row) return;
      if (outcome.id !== undefined && outcome.id !== row.id) {
        problems.push(`${op.marker}: registered as request ${outcome.id}, but found as ${row.id}`);
      }
      expected.set(row.id, { reference: row.reference, status: outcome.status ?? row.status, version: 1 });
    } else {
      const known = expected.get(op.id);
      if (!known) problems.push(`${op.marker}: request ${op.id} was never seen before this write`);
      else {
        // The child read the request just before writing: what it saw is what the register held.
        if (known.version !== op.seen) {
          problems.push(
            `${op.marker}: the writer saw ${known.reference} at v${op.seen}, the checks at v${known.version}`,
          );
        }
        if (outcome.version !== undefined && outcome.version !== op.seen + 1) {
          problems.push(`${op.marker}: the write returned v${outcome.version} after v${op.seen}`);
        }
        expected.set(op.id, { ...known, status: outcome.status ?? known.status, version: op.seen + 1 });
      }
    }
  }

  const last = lines.at(-1);
  let verified = 0;
  let refused = 0;
  const returned: JournalVerdict['returned'] = { register: 0, move: 0, event: 0, update: 0, import: 0 };
  let inFlight: JournalVerdict['inFlight'] = null;
  for (const [index, line] of lines.entries()) {
    // A `begin` answered by a later line (done or refused) is checked with that line.
    if (line.t === 'ready' || (line.t === 'begin' && line !== last)) continue;
    const superseded =
      line.op === 'update' &&
      lines.slice(index + 1).some((l) => l.t === 'done' && l.op === 'update' && l.id === line.id);
    const [entry, rows, whole] = look(line, superseded);
    const what = `${line.op} ${line.marker}`;
    if (line.t === 'done') {
      if (!entry || rows !== whole) {
        problems.push(
          `${what} had returned, but the register holds ${rows}/${whole} of its rows and ${entry ? 'its' : 'no'} audit entry`,
        );
      } else {
        verified += 1;
        returned[line.op] += 1;
      }
      apply(line, line);
    } else if (line.t === 'refused') {
      refused += 1;
      if (entry || rows > 0)
        problems.push(`${what} was refused, yet left ${rows} rows${entry ? ' and an audit entry' : ''}`);
      else verified += 1;
    } else {
      // The write in flight at the kill: all of it, or nothing.
      const committed = entry && rows === whole;
      if (!committed && (entry || rows > 0)) {
        problems.push(
          `${what} was cut off by the kill and is half there: ${rows}/${whole} rows, audit entry ${entry ? 'present' : 'absent'}`,
        );
      }
      if (committed) apply(line, line.op === 'move' ? { status: line.to } : {});
      inFlight = { op: line.op, committed };
    }
  }

  for (const a of now.audit) {
    if (!claimed.has(a.id)) problems.push(`audit entry ${a.id} (${a.action}) belongs to no journaled write`);
  }
  const actual = new Map(now.requests.map((r) => [r.id, r]));
  for (const [id, want] of expected) {
    const got = actual.get(id);
    if (!got) problems.push(`request ${id} (${want.reference}) is missing`);
    else if (got.status !== want.status || got.version !== want.version) {
      problems.push(
        `request ${want.reference} is ${got.status} v${got.version}, the journal says ${want.status} v${want.version}`,
      );
    }
  }
  for (const r of now.requests) {
    if (!expected.has(r.id)) problems.push(`request ${r.reference} (${r.id}) appeared without a journaled write`);
  }

  const maxId = (rows: { id: number }[], floor: number) => rows.reduce((m, r) => Math.max(m, r.id), floor);
  return {
    problems,
    phase: phaseOf(lines),
    inFlight,
    verified,
    returned,
    refused,
    touched: [...touched],
    state: {
      requests: new Map(
        now.requests.map((r) => [r.id, { reference: r.reference, status: r.status, version: r.version }]),
      ),
      lastAudit: maxId(now.audit, before.lastAudit),
      lastHistory: maxId(now.history, before.lastHistory),
      lastEvent: maxId(now.events, before.lastEvent),
    },
  };
}
