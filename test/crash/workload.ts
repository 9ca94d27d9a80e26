import fs from 'node:fs';
import path from 'node:path';
import type { PartyRole } from '../../contract/codes.ts';
import { AppError } from '../../contract/errors.ts';
import {
  listQuerySchema,
  newRequestSchema,
  recordEventSchema,
  type RequestDetail,
  transitionSchema,
  updateRequestSchema,
} from '../../contract/requests.ts';
import type { Actor } from '../../db/audit.ts';
import type { Clock, Register } from '../../db/register.ts';
import type { Random } from '../../db/seed/random.ts';
import type { JournalLine, Outcome, WriteOp } from './journal.ts';

/** The office's day for every write of the trials: after every date of the import template. */
export const TRIAL_TODAY = '2026-11-20';

/** Stands for an import's reference prefix in the import template (kill-trials.test.ts writes it). */
export const PREFIX_PLACEHOLDER = '~P~';

export interface WorkloadOptions {
  /** Unique to the trial: every marker starts with it. */
  tag: string;
  importTemplate: string;
  importRows: number;
  /** The chance that the next write is an import (a register without requests starts with one). */
  importChance: number;
  /** The deliberately wrong mode of the control trials: journal `done` before the write is made. */
  lie: boolean;
}

const NAMES = ['Jana Novak', 'Omar Haddad', 'Li Wei', 'Ana Pereira', 'Tomasz Zielinski', 'Aroha Ngata'];
const ROLES: readonly PartyRole[] = ['suspect', 'witness', 'victim', 'account_holder'];

function daysAfter(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A stream of writes chosen by a seeded generator, as an office makes them: new requests with
 * parties and identifiers (so the search index's triggers run), status changes along the
 * workflow, events, corrections, and now and then an import of a few thousand rows. Each write
 * is journaled before it is called and after it returns (journal.ts).
 */
export function workload(
  register: Register,
  rnd: Random,
  journal: { write(line: JournalLine): void },
  options: WorkloadOptions,
) {
  const actor: Actor = { name: `crash writer ${options.tag}`, roles: ['clerk'] };
  const clock = (): Clock => ({ at: new Date().toISOString(), today: TRIAL_TODAY });
  let count = 0;
  const nextMarker = () => `${options.tag}-${++count}`;
  let openTotal = 0;

  /** Journals the write around the call; a refusal by the register's rules is journaled as such. */
  async function journaled(op: WriteOp, call: () => Promise<Outcome>, expected: Outcome): Promise<void> {
    if (options.lie) journal.write({ t: 'done', ...op, ...expected });
    else journal.write({ t: 'begin', ...op });
    let outcome: Outcome;
    try {
      outcome = await call();
    } catch (e) {
      if (!(e instanceof AppError) || options.lie) throw e;
      journal.write({ t: 'refused', ...op, message: e.message });
      return;
    }
    if (!options.lie) journal.write({ t: 'done', ...op, ...outcome });
  }

  const stateOf = (d: RequestDetail): Outcome => ({
    id: d.id,
    reference: d.reference,
    status: d.status,
    version: d.version,
  });

  async function registerOne(): Promise<void> {
    const marker = nextMarker();
    const kind = rnd.pick(['mla', 'mla', 'preservation', 'disclosure', 'emergency_disclosure'] as const);
    const direction = rnd.chance(0.5) ? 'incoming' : 'outgoing';
    const input = newRequestSchema.parse({
      direction,
      kind,
      counterpartCountry: rnd.pick(['FR', 'DE', 'US', 'BR', 'JP', 'NZ']),
      openedOn: direction === 'incoming' ? TRIAL_TODAY : null,
      domesticReference: marker,
      summary: `Kill trial request ${marker}: ${rnd.pick(NAMES)} and others`,
      offences: [rnd.pick(['02', '05', '07'] as const)],
      parties: Array.from({ length: rnd.int(1, 3) }, () => ({ role: rnd.pick(ROLES), name: rnd.pick(NAMES) })),
      identifiers:
        kind === 'mla'
          ? []
          : [{ type: 'email', value: `${marker.toLowerCase()}@example.org`, fromAt: '2026-10-01T08:00+02:00' }],
    });
    await journaled(
      { op: 'register', marker },
      async () => stateOf(await register.requests.register(input, actor, clock())),
      {},
    );
  }

  /** A request to work on: mostly open ones, often those just worked on, sometimes a closed one. */
  async function someRequest(): Promise<RequestDetail | null> {
    const state = rnd.chance(0.1) ? 'all' : 'open';
    const offset = rnd.chance(0.5) ? 0 : rnd.int(0, Math.max(0, openTotal - 20));
    const page = await register.requests.list(listQuerySchema.parse({ state, limit: 20, offset }), TRIAL_TODAY);
    if (state === 'open') openTotal = page.total;
    if (page.rows.length === 0) return null;
    return register.requests.get(rnd.pick(page.rows).id);
  }

  async function moveOne(d: RequestDetail): Promise<void> {
    if (d.moves.length === 0) return eventOne(d);
    const move = rnd.pick(d.moves);
    const marker = nextMarker();
    const input = transitionSchema.parse({
      id: d.id,
      to: move.to,
      on: TRIAL_TODAY,
      note: marker,
      refusalGrounds: move.needs.includes('refusalGrounds') ? ['other'] : [],
      preservedUntil: move.needs.includes('preservedUntil') ? daysAfter(TRIAL_TODAY, 90) : null,
      // Its drafts are not complete requests (contract/completeness.ts): they move on with a reason.
      overrideReason: `Kill trial ${marker}`,
      expectedVersion: d.version,
    });
    await journaled(
      { op: 'move', marker, id: d.id, from: d.status, to: move.to, seen: d.version },
      async () => stateOf(await register.requests.move(input, actor, clock())),
      { id: d.id, status: move.to, version: d.version + 1 },
    );
  }

  async function eventOne(d: RequestDetail): Promise<void> {
    const option = rnd.pick(d.eventOptions); // a note is always possible
    const marker = nextMarker();
    const input = recordEventSchema.parse({
      id: d.id,
      type: option.type,
      on: TRIAL_TODAY,
      note: marker,
      preservedUntil: option.needs.includes('preservedUntil')
        ? daysAfter(
            d.preservedUntil !== null && d.preservedUntil > TRIAL_TODAY ? d.preservedUntil : TRIAL_TODAY,
            rnd.int(1, 60),
          )
        : null,
      expectedVersion: d.version,
    });
    await journaled(
      { op: 'event', marker, id: d.id, type: option.type, seen: d.version },
      async () => stateOf(await register.requests.recordEvent(input, actor, clock())),
      { id: d.id, status: d.status, version: d.version + 1 },
    );
  }

  async function updateOne(d: RequestDetail): Promise<void> {
    const marker = nextMarker();
    const input = updateRequestSchema.parse({
      id: d.id,
      expectedVersion: d.version,
      fields: {
        counterpartCountry: d.counterpartCountry,
        counterpartAuthority: d.counterpartAuthority,
        counterpartReference: d.counterpartReference,
        domesticAuthority: d.domesticAuthority,
        domesticReference: d.domesticReference,
        serviceProvider: d.serviceProvider,
        legalBasis: d.legalBasis,
        legalBasisDetail: d.legalBasisDetail,
        channel: d.channel,
        offences: d.offences,
        cyberRelated: d.cyberRelated,
        offenceDescription: d.offenceDescription,
        assistance: d.assistance,
        urgency: d.urgency,
        counterpartDeadline: d.counterpartDeadline,
        deadlineNote: d.deadlineNote,
        assignedTo: d.assignedTo,
        summary: `Corrected in ${marker}`,
        preservedUntil: d.preservedUntil,
        parties: [{ role: 'witness', name: `Witness ${marker}` }, ...d.parties.slice(0, 2)],
        identifiers: d.identifiers,
      },
    });
    await journaled(
      { op: 'update', marker, id: d.id, seen: d.version },
      async () => stateOf(await register.requests.update(input, actor, clock())),
      { id: d.id, status: d.status, version: d.version + 1 },
    );
  }

  async function importOne(): Promise<void> {
    const marker = `${nextMarker()}/`;
    const file = path.join(path.dirname(options.importTemplate), `${marker.replaceAll('/', '')}.csv`);
    fs.writeFileSync(file, fs.readFileSync(options.importTemplate, 'utf8').replaceAll(PREFIX_PLACEHOLDER, marker));
    await journaled(
      { op: 'import', marker, rows: options.importRows },
      async () => {
        const report = await register.interchange.import(
          file,
          { format: 'csv', fileName: marker, dryRun: false, ignoreUnknownColumns: false },
          actor,
          clock(),
        );
        if (!report.ok) throw new Error(`the import template was refused: ${JSON.stringify(report.problems[0])}`);
        return { imported: report.imported };
      },
      { imported: options.importRows },
    );
    fs.rmSync(file);
  }

  return {
    /** Makes the next write (or, when it finds nothing to work on, a new request). */
    async next(): Promise<void> {
      const empty = count === 0 && (await register.requests.list(listQuerySchema.parse({ limit: 1 }))).total === 0;
      if ((empty && rnd.chance(0.7)) || rnd.chance(options.importChance)) return importOne();
      const what = rnd.weighted([
        ['register', 30],
        ['move', 40],
        ['event', 18],
        ['update', 12],
      ] as const);
      if (what === 'register') return registerOne();
      const d = await someRequest();
      if (d === null) return registerOne();
      if (what === 'move') return moveOne(d);
      if (what === 'event') return eventOne(d);
      return updateOne(d);
    },
  };
}
