import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openedSessionToken, type Person, type SignedIn } from '../../contract/accounts.ts';
import { CHANNEL_NAMES, type ChannelName } from '../../contract/channels.ts';
import type { ImportJob } from '../../contract/channels/interchange.ts';
import { COUNTRY_CODES } from '../../contract/countries.ts';
import type { CorrespondenceEntry, DocumentRecord } from '../../contract/documents.ts';
import type { Envelope } from '../../contract/errors.ts';
import type { RequestDetail } from '../../contract/requests.ts';
import { ROLES, type Role } from '../../contract/roles.ts';
import { SAMPLE_CSV } from '../helpers/interchange.ts';
import { countRows } from '../helpers/sqlite-files.ts';
import { type Office, openOffice, PASSWORD, PROSECUTOR_AUTHORITY, type Who } from '../helpers/office.ts';

/**
 * Issue 6, part 2: every channel of the contract called as every role, and as nobody, through
 * the real API host (sessions, caller resolution, dispatch), against the matrix below.
 *
 * The matrix is written out here, not read from the contract: a role list changed by mistake
 * in contract/channels/*.ts fails this test. The channels come from the contract's table, so
 * a new channel fails it too until it has its row here and a valid input.
 */
const EVERYONE = 'anyone, signed in or not';
const SIGNED_IN = 'clerk prosecutor manager administrator';
const EXPECTED: Record<ChannelName, string> = {
  'accounts.status': EVERYONE,
  'accounts.createFirstAdministrator': EVERYONE,
  'accounts.signIn': EVERYONE,
  'accounts.signOut': EVERYONE,
  'accounts.changePassword': SIGNED_IN,
  'accounts.list': 'administrator',
  'accounts.names': SIGNED_IN,
  'accounts.add': 'administrator',
  'accounts.update': 'administrator',
  'accounts.resetPassword': 'administrator',
  'accounts.unlock': 'administrator',
  'accounts.setLanguage': SIGNED_IN,
  'app.info': SIGNED_IN,
  'app.integrity': SIGNED_IN,
  'settings.get': SIGNED_IN,
  'settings.update': 'administrator',
  'register.backup': 'administrator',
  'backups.list': 'administrator',
  'backups.create': 'administrator',
  'backups.verify': 'administrator',
  'backups.restore': 'administrator',
  'backups.retention': 'administrator',
  'security.status': 'administrator',
  'security.createRecoveryPassphrase': 'administrator',
  'requests.register': 'clerk',
  'requests.update': 'clerk',
  'requests.list': SIGNED_IN,
  'requests.get': SIGNED_IN,
  'requests.transition': 'clerk',
  'requests.recordEvent': 'clerk prosecutor',
  'requests.link': 'clerk',
  'requests.unlink': 'clerk',
  'requests.assign': 'clerk',
  'requests.facets': SIGNED_IN,
  'interchange.inspect': 'clerk administrator',
  'interchange.import': 'clerk administrator',
  'interchange.progress': 'clerk administrator',
  'interchange.export': 'clerk manager administrator',
  'dashboard.today': SIGNED_IN,
  'dashboard.clocks': SIGNED_IN,
  'clocks.settings': SIGNED_IN,
  'clocks.saveSettings': 'administrator',
  'clocks.ofRequest': SIGNED_IN,
  'views.list': SIGNED_IN,
  'views.save': SIGNED_IN,
  'views.delete': SIGNED_IN,
  'reports.status': SIGNED_IN,
  'reports.list': SIGNED_IN,
  'directories.counterpartAuthorities.list': SIGNED_IN,
  'directories.counterpartAuthorities.save': 'clerk administrator',
  'directories.counterpartAuthorities.delete': 'clerk administrator',
  'directories.domesticAuthorities.list': SIGNED_IN,
  'directories.domesticAuthorities.save': 'clerk administrator',
  'directories.domesticAuthorities.delete': 'clerk administrator',
  'directories.serviceProviders.list': SIGNED_IN,
  'directories.serviceProviders.save': 'clerk administrator',
  'directories.serviceProviders.delete': 'clerk administrator',
  'directories.suggest': SIGNED_IN,
  'profiles.list': SIGNED_IN,
  'profiles.ofCountry': SIGNED_IN,
  'profiles.save': 'clerk administrator',
  'profiles.delete': 'clerk administrator',
  'letters.templates': 'administrator',
  'letters.template': 'administrator',
  'letters.saveTemplate': 'administrator',
  'letters.restoreDefault': 'administrator',
  'letters.previewTemplate': 'administrator',
  'letters.letterhead': 'administrator',
  'letters.saveLetterhead': 'administrator',
  'letters.preview': 'clerk',
  'letters.generate': 'clerk',
  'letters.list': SIGNED_IN,
  'letters.markSent': 'clerk',
  'letters.caseSummary': SIGNED_IN,
  'documents.attach': 'clerk prosecutor',
  'documents.list': SIGNED_IN,
  'documents.verify': SIGNED_IN,
  'documents.saveCopy': SIGNED_IN,
  'correspondence.add': 'clerk',
  'correspondence.update': 'clerk',
  'correspondence.list': SIGNED_IN,
  'statistics.year': 'clerk manager administrator',
  'statistics.years': 'clerk manager administrator',
  'statistics.trend': 'clerk manager administrator',
  'statistics.export': 'clerk manager administrator',
  'statistics.freeze': 'manager',
  'statistics.snapshots': 'clerk manager administrator',
  'search.requests': SIGNED_IN,
};

const CALLERS: readonly Who[] = ['anonymous', ...ROLES];

function allowed(channel: ChannelName, who: Who): boolean {
  const row = EXPECTED[channel];
  return row === EVERYONE || (who !== 'anonymous' && row.split(' ').includes(who));
}

/**
 * Answers an allowed call may give other than ok, because its valid input cannot succeed in
 * this state: the first administrator exists already, and the test register is not encrypted
 * (so it has no key to make a recovery passphrase for). Anything else must be ok.
 */
const EXPECTED_REFUSALS: Partial<Record<ChannelName, string>> = {
  'accounts.createFirstAdministrator': 'stale',
  'security.createRecoveryPassphrase': 'storage',
};

let office: Office;
let request: RequestDetail;
let document: DocumentRecord;
let entry: CorrespondenceEntry;
let spare: Person;
let serial = 0;
let scratch: string;
let scratchFiles = 0;
/** A fresh path in this file's own folder (tempDir's are removed after each test). */
const fresh = (name: string) => path.join(scratch, `${++scratchFiles}-${name}`);
const TODAY = new Date().toISOString().slice(0, 10);
const YEAR = Number(TODAY.slice(0, 4));
let attachFile: string;

/** The request each call works on, as it stands now (its version moves as calls change it). */
const current = () => office.value<RequestDetail>('clerk', 'requests.get', { id: request.id });

/** A backup taken now, by the administrator: restoring it puts back the register as it is. */
async function backupName(): Promise<string> {
  return (await office.value<{ name: string }>('administrator', 'backups.create', {})).name;
}

async function importJob(): Promise<string> {
  const { jobId } = await office.value<{ jobId: string }>('clerk', 'interchange.import', {
    source: { kind: 'path', path: SAMPLE_CSV },
    fileName: 'sample.csv',
    dryRun: true,
  });
  await waitForImports(jobId);
  return jobId;
}

async function waitForImports(jobId: string): Promise<void> {
  for (;;) {
    const job = await office.value<ImportJob>('clerk', 'interchange.progress', { jobId });
    if (job.state !== 'running') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Each country-profile call names another state (one profile each). */
let profiled = 0;
const nextState = () => COUNTRY_CODES[profiled++ % COUNTRY_CODES.length];

/**
 * A valid input for each channel, made just before the call from the register as it is then
 * (so a version, a link or an entry to delete is always there). `who` is the caller.
 */
const VALID: Record<ChannelName, (who: Who) => unknown> = {
  'accounts.status': () => ({}),
  'accounts.createFirstAdministrator': () => ({ username: 'eve', displayName: 'Eve', password: PASSWORD }),
  'accounts.signIn': (who) => ({
    username: who === 'anonymous' ? 'amina' : office.people[who].username,
    password: PASSWORD,
  }),
  'accounts.signOut': () => ({}),
  'accounts.changePassword': () => ({ currentPassword: PASSWORD, newPassword: PASSWORD }),
  'accounts.list': () => ({}),
  'accounts.names': () => ({}),
  'accounts.add': () => ({
    username: `new${++serial}`,
    displayName: `New Person ${serial}`,
    role: 'clerk',
    password: PASSWORD,
  }),
  'accounts.update': () => ({ id: spare.id, displayName: `Sam Spare ${++serial}` }),
  'accounts.resetPassword': () => ({ id: spare.id, password: PASSWORD }),
  'accounts.unlock': () => ({ id: spare.id }),
  'accounts.setLanguage': () => ({ language: 'fr' }),
  'app.info': () => ({}),
  'app.integrity': () => ({}),
  'settings.get': () => ({}),
  'settings.update': () => ({ officeName: 'Central Authority' }),
  'register.backup': () => ({ file: fresh('backup.sqlite') }),
  'backups.list': () => ({}),
  'backups.create': () => ({}),
  'backups.verify': async () => ({ name: await backupName() }),
  'backups.restore': async () => {
    const name = await backupName();
    return { name, confirm: name };
  },
  'backups.retention': () => ({ keepOnDemand: 20 }),
  'security.status': () => ({}),
  'security.createRecoveryPassphrase': () => ({}),
  'requests.register': () => ({ direction: 'incoming', kind: 'mla', counterpartCountry: 'DE', openedOn: TODAY }),
  'requests.update': async () => {
    const r = await current();
    return {
      id: r.id,
      expectedVersion: r.version,
      fields: {
        counterpartCountry: r.counterpartCountry,
        domesticAuthority: r.domesticAuthority,
        assignedTo: r.assignedTo,
        summary: `Corrected ${++serial}`,
      },
    };
  },
  'requests.list': () => ({}),
  'requests.get': () => ({ id: request.id }),
  'requests.transition': async () => {
    const r = await current();
    const move = r.moves.find((m) => m.needs.length === 0 && !m.reopening);
    return { id: r.id, to: move?.to, on: TODAY, expectedVersion: r.version };
  },
  'requests.recordEvent': async () => {
    const r = await current();
    return { id: r.id, type: 'note', on: TODAY, note: `Note ${++serial}`, expectedVersion: r.version };
  },
  'requests.link': async () => {
    const other = await office.value<RequestDetail>('clerk', 'requests.register', {
      direction: 'outgoing',
      kind: 'mla',
      counterpartCountry: 'BE',
    });
    return { id: request.id, otherReference: other.reference, kind: 'related' };
  },
  'requests.unlink': async () => {
    let r = await current();
    if (r.links.length === 0) {
      const link = (await VALID['requests.link']('clerk')) as object;
      r = await office.value<RequestDetail>('clerk', 'requests.link', link);
    }
    return { id: r.id, linkId: r.links[0]?.id };
  },
  'requests.assign': async () => {
    const other = await office.value<RequestDetail>('clerk', 'requests.register', {
      direction: 'outgoing',
      kind: 'mla',
      counterpartCountry: 'IT',
    });
    return { ids: [other.id], assignedTo: 'Nadia Officer' };
  },
  'requests.facets': () => ({}),
  'interchange.inspect': () => ({ source: { kind: 'path', path: SAMPLE_CSV } }),
  'interchange.import': () => ({ source: { kind: 'path', path: SAMPLE_CSV }, fileName: 'sample.csv', dryRun: true }),
  'interchange.progress': async () => ({ jobId: await importJob() }),
  'interchange.export': () => ({ format: 'csv', target: { kind: 'download' } }),
  'dashboard.today': () => ({}),
  'dashboard.clocks': () => ({}),
  'clocks.settings': () => ({}),
  'clocks.saveSettings': () => ({ warningDays: 7, lengths: { eioDecision: { length: 30, unit: 'calendar_days' } } }),
  'clocks.ofRequest': () => ({ id: request.id }),
  'views.list': () => ({}),
  'views.save': () => ({ name: `View ${++serial}`, query: { state: 'open' } }),
  'views.delete': async (who) => {
    const owner = who === 'anonymous' ? 'clerk' : who;
    const view = await office.value<{ id: number }>(owner, 'views.save', { name: `Gone ${++serial}`, query: {} });
    return { id: view.id };
  },
  'reports.status': () => ({
    by: 'domesticAuthority',
    value: PROSECUTOR_AUTHORITY,
    format: 'xlsx',
    target: { kind: 'download' },
  }),
  'reports.list': () => ({ query: {}, columns: ['reference'], format: 'csv', target: { kind: 'download' } }),
  'directories.counterpartAuthorities.list': () => ({}),
  'directories.counterpartAuthorities.save': () => ({ country: 'FR', name: `Parquet ${++serial}` }),
  'directories.counterpartAuthorities.delete': async () => ({
    id: (
      await office.value<{ id: number }>('clerk', 'directories.counterpartAuthorities.save', {
        country: 'FR',
        name: `Gone ${++serial}`,
      })
    ).id,
  }),
  'directories.domesticAuthorities.list': () => ({}),
  'directories.domesticAuthorities.save': () => ({ name: `Authority ${++serial}` }),
  'directories.domesticAuthorities.delete': async () => ({
    id: (
      await office.value<{ id: number }>('clerk', 'directories.domesticAuthorities.save', {
        name: `Gone ${++serial}`,
      })
    ).id,
  }),
  'directories.serviceProviders.list': () => ({}),
  'directories.serviceProviders.save': () => ({ name: `Provider ${++serial}` }),
  'directories.serviceProviders.delete': async () => ({
    id: (
      await office.value<{ id: number }>('clerk', 'directories.serviceProviders.save', {
        name: `Gone ${++serial}`,
      })
    ).id,
  }),
  'directories.suggest': () => ({ field: 'domesticAuthority' }),
  'profiles.list': () => ({}),
  'profiles.ofCountry': () => ({ country: 'FR' }),
  // One profile per state: each call names another one.
  'profiles.save': () => ({ country: nextState(), languages: ['fr'] }),
  'profiles.delete': async () => ({
    id: (await office.value<{ id: number }>('clerk', 'profiles.save', { country: nextState() })).id,
  }),
  'letters.templates': () => ({}),
  'letters.template': () => ({ code: 'acknowledgement', language: 'en' }),
  'letters.saveTemplate': () => ({
    code: 'acknowledgement',
    language: 'en',
    body: '# Receipt\n\n{{ request.reference }}\n',
  }),
  'letters.restoreDefault': () => ({ code: 'acknowledgement', language: 'en' }),
  'letters.previewTemplate': () => ({ code: 'acknowledgement', language: 'en', body: '# A\n', requestId: request.id }),
  'letters.letterhead': () => ({}),
  'letters.saveLetterhead': () => ({ addressLines: ['1 Justice Square'], phone: '+1 555 0100' }),
  'letters.preview': () => ({ requestId: request.id, code: 'acknowledgement', language: 'en' }),
  'letters.generate': () => ({ requestId: request.id, code: 'acknowledgement', language: 'en' }),
  'letters.list': () => ({ requestId: request.id }),
  // A letter is sent once: each call sends one generated for it.
  'letters.markSent': async () => ({
    id: (
      await office.value<{ id: number }>('clerk', 'letters.generate', {
        requestId: request.id,
        code: 'acknowledgement',
        language: 'en',
      })
    ).id,
    onDate: TODAY,
    channel: 'email',
    summary: 'Acknowledgement sent',
  }),
  'letters.caseSummary': () => ({ requestId: request.id, language: 'en', target: { kind: 'download' } }),
  'documents.attach': () => ({
    requestId: request.id,
    source: { kind: 'path', path: attachFile },
    type: 'request',
    direction: 'incoming',
    documentDate: TODAY,
  }),
  'documents.list': () => ({ requestId: request.id }),
  'documents.verify': () => ({ id: document.id }),
  'documents.saveCopy': () => ({ id: document.id, target: { kind: 'download' } }),
  'correspondence.add': () => ({
    requestId: request.id,
    onDate: TODAY,
    direction: 'incoming',
    channel: 'email',
    summary: `Letter ${++serial}`,
  }),
  'correspondence.update': () => ({
    id: entry.id,
    onDate: TODAY,
    direction: 'incoming',
    channel: 'email',
    summary: `Corrected letter ${++serial}`,
  }),
  'correspondence.list': () => ({ requestId: request.id }),
  'statistics.year': () => ({ year: YEAR }),
  'statistics.years': () => ({}),
  'statistics.trend': () => ({ fromYear: YEAR - 1, toYear: YEAR, direction: 'incoming' }),
  'statistics.export': () => ({ year: YEAR, format: 'csv', target: { kind: 'download' } }),
  'statistics.freeze': () => ({ year: YEAR, label: `Report ${++serial}` }),
  'statistics.snapshots': () => ({ year: YEAR }),
  'search.requests': () => ({ text: 'Bank' }),
};

/** After a call that opened or ended a session, the caller is signed in again as before. */
async function keepSignedIn(who: Who, channel: ChannelName, reply: Envelope<unknown>): Promise<void> {
  if (who === 'anonymous') return;
  const opened = openedSessionToken(channel, reply);
  if (opened !== null) office.tokens[who] = opened;
  if (channel === 'accounts.signOut') {
    const again = await office.value<SignedIn>('anonymous', 'accounts.signIn', {
      username: office.people[who].username,
      password: PASSWORD,
    });
    office.tokens[who] = again.token;
  }
}

beforeAll(async () => {
  office = await openOffice();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mla-desk-matrix-'));
  attachFile = fresh('Ersuchen.pdf');
  fs.writeFileSync(attachFile, '%PDF-1.7\n%%EOF\n');
  // The request every request-scoped call works on: the prosecutor's (their authority's).
  request = await office.value<RequestDetail>('clerk', 'requests.register', {
    direction: 'incoming',
    kind: 'mla',
    counterpartCountry: 'FR',
    openedOn: TODAY,
    domesticAuthority: PROSECUTOR_AUTHORITY,
    summary: 'Bank records sought',
  });
  document = await office.value<DocumentRecord>('clerk', 'documents.attach', VALID['documents.attach']('clerk'));
  entry = await office.value<CorrespondenceEntry>('clerk', 'correspondence.add', VALID['correspondence.add']('clerk'));
  spare = await office.value<Person>('administrator', 'accounts.add', {
    username: 'sam',
    displayName: 'Sam Spare',
    role: 'clerk',
    password: PASSWORD,
  });
}, 60_000);

afterAll(() => {
  office?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

const checked: { channel: ChannelName; who: Who }[] = [];

describe('the role matrix: every channel as every role and as nobody', () => {
  it('has an expected row and a valid input for exactly the channels of the contract', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(Object.keys(VALID).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it.each(CHANNEL_NAMES.map((c) => [c]))('%s', { timeout: 60_000 }, async (channel) => {
    for (const who of CALLERS) {
      const input = await VALID[channel](who);
      const auditBefore = countRows(office.host.register.location, 'audit_log');
      const reply = await office.call(who, channel, input);
      if (channel === 'interchange.import' && reply.ok) await waitForImports((reply.value as { jobId: string }).jobId);
      checked.push({ channel, who });
      const outcome = reply.ok ? 'ok' : reply.error.code;
      if (allowed(channel, who)) {
        expect(outcome, `${channel} as ${who}: ${JSON.stringify(reply)}`).toBe(EXPECTED_REFUSALS[channel] ?? 'ok');
      } else {
        expect(outcome, `${channel} as ${who}`).toBe(who === 'anonymous' ? 'unauthenticated' : 'denied');
        // A refused call writes nothing (every write path records an audit entry).
        expect(countRows(office.host.register.location, 'audit_log'), `${channel} as ${who}`).toBe(auditBefore);
      }
      await keepSignedIn(who, channel, reply);
    }
  });

  it('checked every role and nobody on every channel', () => {
    const counts = { channels: CHANNEL_NAMES.length, callers: CALLERS.length, calls: checked.length };
    const denied = checked.filter(({ channel, who }) => !allowed(channel, who)).length;
    console.info(
      `roles × channels checked: ${counts.callers} callers (4 roles and anonymous) × ${counts.channels} channels = ` +
        `${counts.calls} calls, ${counts.calls - denied} allowed and ${denied} refused`,
    );
    expect(counts.calls).toBe(counts.channels * counts.callers);
  });
});

describe('the matrix is enforced by the roles, whoever the caller says they are', () => {
  it('refuses every non-public channel to a forged or ended session token', async () => {
    for (const channel of CHANNEL_NAMES.filter((c) => EXPECTED[c] !== EVERYONE)) {
      const forged = await office.host.handle(channel, await VALID[channel]('clerk'), 'not-a-session');
      expect(forged, channel).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }
  });

  it('follows a change of role on the next call, without signing in again', async () => {
    const roles = (r: Role) => ({ id: spare.id, role: r });
    const token = await office.value<SignedIn>('anonymous', 'accounts.signIn', { username: 'sam', password: PASSWORD });
    const asSam = (channel: ChannelName, input: unknown) => office.host.handle(channel, input, token.token);
    expect((await asSam('requests.register', VALID['requests.register']('clerk'))).ok).toBe(true);
    await office.value('administrator', 'accounts.update', roles('manager'));
    expect(await asSam('requests.register', VALID['requests.register']('clerk'))).toMatchObject({
      error: { code: 'denied' },
    });
    expect((await asSam('statistics.freeze', { year: YEAR, label: 'By Sam' })).ok).toBe(true);
    await office.value('administrator', 'accounts.update', { id: spare.id, disabled: true });
    expect(await asSam('requests.list', {})).toMatchObject({ error: { code: 'unauthenticated' } });
  });
});
