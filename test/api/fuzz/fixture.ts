import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { HandlerContext } from '../../../api/context.ts';
import { dispatch } from '../../../api/dispatch.ts';
import { fileAreasIn } from '../../../api/files.ts';
import type { Envelope } from '../../../contract/errors.ts';
import { ROLES } from '../../../contract/roles.ts';
import { openSqliteRegister, type Register } from '../../../db/register.ts';
import { MIGRATIONS, testContext } from '../../helpers/temp-register.ts';
import { fuzzTempRoot, watchRegister } from './fingerprint.ts';
import type { Plausible } from './shaped.ts';

/** The office day of the fuzz register: every seeded date is on or before it. */
const NOW = new Date('2026-03-10T09:30:00');
const PDF = '%PDF-1.7\n% a small test file\n%%EOF\n';

/** Two rows of the interchange format, with references no seeded request has. */
const TINY_CSV = [
  'reference,direction,kind,status,opened_on,closed_on,counterpart_country,offences,assistance',
  'MLA-IN-2025-00901,incoming,mla,executed,2025-01-10,2025-03-01,DE,07,records',
  'MLA-IN-2025-00902,incoming,mla,registered,2025-02-10,,IT,,',
  '',
].join('\r\n');

export interface SeededIds {
  requestA: number;
  requestB: number;
  referenceB: string;
  linkId: number;
  documentId: number;
  correspondenceId: number;
  counterpartAuthorityId: number;
  domesticAuthorityId: number;
  serviceProviderId: number;
  viewId: number;
}

export interface FuzzFixture {
  /** Everything the fuzz may touch lives under here; nothing outside it is ever named. */
  sandbox: string;
  dataDir: string;
  /** The register itself, for what a test checks beside the answers (where a document is stored). */
  register: Register;
  /** Files a payload may name as a source. */
  inputs: { pdf: string; tinyCsv: string; registerCsv: string; registerXlsx: string };
  /** Where path targets point. */
  outDir: string;
  ids: SeededIds;
  plausible: Plausible;
  /** Messages dispatch logged (an internal failure); a refused call must add none. */
  logged: string[];
  /** The one way the fuzz calls a channel: change it here when dispatch or the caller changes. */
  call(channel: unknown, input: unknown): Promise<Envelope<unknown>>;
  /** Waits for an import job started by an accepted call, so it cannot write during later calls. */
  settle(reply: Envelope<unknown>): Promise<void>;
  /**
   * Before each payload: puts back the uploads an accepted call used up, and takes away the
   * files accepted calls wrote (downloads, targets), so each payload meets the same files.
   */
  restock(): void;
  /** What a refused call must leave as it was: every row of every table, and the files of the sandbox. */
  fingerprint(): string;
  close(): void;
}

const value = <T>(reply: Envelope<unknown>): T => {
  if (!reply.ok) throw new Error(`seeding failed: ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
};

/**
 * A register in a sandbox folder, seeded with one of everything a channel can name (two
 * requests linked, a document, a correspondence entry, one entry per directory, a saved view),
 * with files to attach and import, and a caller holding every role.
 */
export async function openFuzzFixture(): Promise<FuzzFixture> {
  const sandbox = fs.realpathSync(fs.mkdtempSync(path.join(fuzzTempRoot(), 'mla-desk-fuzz-')));
  const dataDir = path.join(sandbox, 'data');
  const inDir = path.join(sandbox, 'in');
  const outDir = path.join(sandbox, 'out');
  // confine() (values.ts) sends every other absolute path a payload names to sandbox/elsewhere.
  for (const dir of [dataDir, inDir, outDir, path.join(sandbox, 'elsewhere')]) fs.mkdirSync(dir, { recursive: true });
  const register = openSqliteRegister({
    file: path.join(dataDir, 'register.sqlite'),
    migrationsFolder: MIGRATIONS,
    create: true,
  });
  // Built on the shared test context, so a new field of the context or the caller comes with it.
  const base = testContext({ register });
  const ctx: HandlerContext = {
    ...base,
    files: fileAreasIn(dataDir),
    caller: { ...base.caller, name: 'Fuzz Operator', roles: [...ROLES] },
    // Signed in, and able to sign in again (accounts.createFirstAdministrator, accounts.signIn).
    session: {
      state: 'signedIn',
      begin: () => crypto.randomBytes(32).toString('base64url'),
      end: () => true,
      endAllOf: () => undefined,
    },
    now: () => NOW,
  };
  const logged: string[] = [];
  const call = (channel: unknown, input: unknown) =>
    dispatch(channel, input, ctx, (message, error) => logged.push(`${message}: ${String(error)}`));

  const inputs = {
    pdf: path.join(inDir, 'Rechtshilfeersuchen.pdf'),
    tinyCsv: path.join(inDir, 'tiny.csv'),
    registerCsv: path.join(inDir, 'register.csv'),
    registerXlsx: path.join(inDir, 'register.xlsx'),
  };
  fs.writeFileSync(inputs.pdf, PDF);
  fs.writeFileSync(inputs.tinyCsv, TINY_CSV);

  type Detail = { id: number; reference: string; links: { id: number }[] };
  const a = value<Detail>(
    await call('requests.register', {
      direction: 'incoming',
      kind: 'mla',
      counterpartCountry: 'FR',
      openedOn: '2026-03-02',
      summary: 'Bank records of Jean Dupont',
      assignedTo: 'Amina Clerk',
      domesticAuthority: 'Parquet national',
      parties: [{ role: 'suspect', name: 'Jean Dupont', birthDate: '1980-01-02', nationality: 'FR' }],
      identifiers: [{ type: 'ip_address', value: '192.0.2.1', fromAt: '2026-03-01T10:15+02:00' }],
    }),
  );
  const b = value<Detail>(
    await call('requests.register', {
      direction: 'outgoing',
      kind: 'preservation',
      counterpartCountry: 'US',
      serviceProvider: 'Example Mail Inc.',
    }),
  );
  const linked = value<Detail>(await call('requests.link', { id: a.id, otherReference: b.reference, kind: 'related' }));
  const document = value<{ id: number }>(
    await call('documents.attach', {
      requestId: a.id,
      source: { kind: 'path', path: inputs.pdf },
      type: 'request',
      direction: 'incoming',
      documentDate: '2026-03-02',
    }),
  );
  const correspondence = value<{ id: number }>(
    await call('correspondence.add', {
      requestId: a.id,
      onDate: '2026-03-03',
      direction: 'incoming',
      channel: 'email',
      summary: 'Request received by e-mail',
      documentIds: [document.id],
    }),
  );
  const counterpart = value<{ id: number }>(
    await call('directories.counterpartAuthorities.save', { country: 'FR', name: 'Bureau de l’entraide pénale' }),
  );
  const domestic = value<{ id: number }>(
    await call('directories.domesticAuthorities.save', { name: 'Parquet national', email: 'pn@justice.example' }),
  );
  const provider = value<{ id: number }>(
    await call('directories.serviceProviders.save', { name: 'Example Mail Inc.', country: 'US' }),
  );
  const view = value<{ id: number }>(await call('views.save', { name: 'Open French', query: { state: 'open' } }));
  await register.interchange.export(inputs.registerCsv, 'csv');
  await register.interchange.export(inputs.registerXlsx, 'xlsx');

  const ids: SeededIds = {
    requestA: a.id,
    requestB: b.id,
    referenceB: b.reference,
    linkId: linked.links[0]?.id ?? 1,
    documentId: document.id,
    correspondenceId: correspondence.id,
    counterpartAuthorityId: counterpart.id,
    domesticAuthorityId: domestic.id,
    serviceProviderId: provider.id,
    viewId: view.id,
  };

  const watch = watchRegister(register.location, sandbox);
  const settle = async (reply: Envelope<unknown>) => {
    // A channel may answer null (profiles.ofCountry for a state without a profile).
    const jobId = reply.ok ? (reply.value as { jobId?: unknown } | null)?.jobId : undefined;
    if (typeof jobId !== 'string') return;
    for (;;) {
      const job = await call('interchange.progress', { jobId });
      if (!job.ok || (job.value as { state: string }).state !== 'running') return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  /** An upload of the small CSV and one of the PDF, as the browser build would have sent them. */
  const uploads = { csv: 'ab'.repeat(16), pdf: 'cd'.repeat(16) };
  const written = [ctx.files.downloadsDir, outDir, path.join(sandbox, 'elsewhere')];
  const restock = () => {
    for (const dir of written) {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
    }
    fs.mkdirSync(ctx.files.uploadsDir, { recursive: true });
    const csv = path.join(ctx.files.uploadsDir, uploads.csv);
    const pdf = path.join(ctx.files.uploadsDir, uploads.pdf);
    if (!fs.existsSync(csv)) fs.writeFileSync(csv, TINY_CSV);
    if (!fs.existsSync(pdf)) fs.writeFileSync(pdf, PDF);
  };
  restock();
  const plausible: Plausible = {
    strings: [
      inputs.pdf,
      inputs.tinyCsv,
      inputs.registerCsv,
      inputs.registerXlsx,
      register.location,
      path.join(dataDir, 'documents'),
      path.join(outDir, 'target.csv'),
      path.join(outDir, 'backup.sqlite'),
      path.join(outDir, 'missing', 'deeper', 'x.pdf'),
      path.join(outDir, 'nul\u0000.csv'),
      inDir,
      uploads.csv,
      uploads.pdf,
      'f'.repeat(32),
      'FR',
      'us',
      '2026-03-02',
      '2026-03-10',
      '2026-03-11',
      '1900-01-01',
      '2026-03-01T10:15+02:00',
      'mla',
      'incoming',
      'open',
      'csv',
      'xlsx',
      'pdf',
      'download',
      'path',
      'upload',
      b.reference,
      a.reference,
      'Jean Dupont',
      'Amina Clerk',
      'Parquet national',
      'pn@justice.example',
      '+33 1 23 45 67 89',
      '{KIND}-{DIR}-{YYYY}-{SEQ:5}',
      'reference',
      'Rechtshilfeersuchen.pdf',
    ],
    numbers: [a.id, b.id, ids.linkId, document.id, correspondence.id, view.id, 1, 2, 3, 2024, 2025, 2026, 10, 30],
  };

  return {
    sandbox,
    dataDir,
    register,
    inputs,
    outDir,
    ids,
    plausible,
    logged,
    call,
    settle,
    restock,
    fingerprint: watch.fingerprint,
    close: () => {
      watch.close();
      register.close();
      fs.rmSync(sandbox, { recursive: true, force: true });
    },
  };
}
