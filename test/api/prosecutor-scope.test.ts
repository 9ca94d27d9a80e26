import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorrespondenceEntry, DocumentRecord } from '../../contract/documents.ts';
import type { Today } from '../../contract/dashboard.ts';
import type { WrittenFile } from '../../contract/files.ts';
import type { ListResult, RequestDetail } from '../../contract/requests.ts';
import type { SearchResult } from '../../contract/search.ts';
import { type Office, openOffice, PROSECUTOR_AUTHORITY } from '../helpers/office.ts';

/**
 * Row-level rules (issue 6): a prosecutor reads, exports and annotates only the requests of
 * their domestic authority and those assigned to them by name, whatever they ask for.
 */
let office: Office;
let scratch: string;
let ofAuthority: RequestDetail;
let assignedByName: RequestDetail;
let elsewhere: RequestDetail;
let foreignDocument: DocumentRecord;
let foreignEntry: CorrespondenceEntry;
const TODAY = new Date().toISOString().slice(0, 10);

const register = (fields: Record<string, unknown>) =>
  office.value<RequestDetail>('clerk', 'requests.register', {
    direction: 'incoming',
    kind: 'mla',
    counterpartCountry: 'FR',
    openedOn: TODAY,
    ...fields,
  });

beforeAll(async () => {
  office = await openOffice();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mla-desk-scope-'));
  ofAuthority = await register({ domesticAuthority: PROSECUTOR_AUTHORITY, summary: 'Kovalenko bank records' });
  assignedByName = await register({
    domesticAuthority: 'Tribunal de Lyon',
    assignedTo: 'Paul Prosecutor',
    summary: 'Kovalenko phone records',
  });
  elsewhere = await register({
    domesticAuthority: 'Tribunal de Lyon',
    assignedTo: 'Nadia Officer',
    summary: 'Kovalenko house search',
  });
  const file = path.join(scratch, 'letter.pdf');
  fs.writeFileSync(file, '%PDF-1.7\n%%EOF\n');
  foreignDocument = await office.value<DocumentRecord>('clerk', 'documents.attach', {
    requestId: elsewhere.id,
    source: { kind: 'path', path: file },
    type: 'request',
    direction: 'incoming',
    documentDate: TODAY,
  });
  foreignEntry = await office.value<CorrespondenceEntry>('clerk', 'correspondence.add', {
    requestId: elsewhere.id,
    onDate: TODAY,
    direction: 'incoming',
    channel: 'email',
    summary: 'Kovalenko letter',
  });
  // Links from the prosecutor's request to one of theirs and to one that is not.
  await office.value('clerk', 'requests.link', {
    id: ofAuthority.id,
    otherReference: assignedByName.reference,
    kind: 'related',
  });
  await office.value('clerk', 'requests.link', {
    id: ofAuthority.id,
    otherReference: elsewhere.reference,
    kind: 'related',
  });
}, 60_000);

afterAll(() => {
  office?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

const mine = () => [ofAuthority.id, assignedByName.id].sort((a, b) => a - b);
const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
const denied = { ok: false, error: { code: 'denied' } };

describe('a prosecutor sees their own requests only', () => {
  it('in the register list, its counts and its pickers', async () => {
    const listed = await office.value<ListResult>('prosecutor', 'requests.list', {});
    expect(ids(listed.rows)).toEqual(mine());
    expect(listed.total).toBe(2);
    // Even when they filter for another authority's requests by name.
    const asked = await office.value<ListResult>('prosecutor', 'requests.list', {
      domesticAuthority: 'Tribunal de Lyon',
    });
    expect(ids(asked.rows)).toEqual([assignedByName.id]);
    const facets = await office.value<{ officers: string[]; domesticAuthorities: string[] }>(
      'prosecutor',
      'requests.facets',
      {},
    );
    expect(facets.officers).toEqual(['Paul Prosecutor']);
    expect(facets.officers).not.toContain('Nadia Officer');
    // The clerk sees all three.
    expect((await office.value<ListResult>('clerk', 'requests.list', {})).total).toBe(3);
  });

  it('on the Today dashboard, where "mine" is what is assigned to them by name', async () => {
    const today = await office.value<Today>('prosecutor', 'dashboard.today', {});
    expect(today.total).toBe(2);
    expect(today.me).toBe('Paul Prosecutor');
    expect(today.counts.mine).toBe(1);
    expect((await office.value<Today>('clerk', 'dashboard.today', {})).total).toBe(3);
  });

  it('in the search', async () => {
    const found = await office.value<SearchResult>('prosecutor', 'search.requests', { text: 'Kovalenko' });
    expect(ids(found.hits)).toEqual(mine());
    const byReference = await office.value<SearchResult>('prosecutor', 'search.requests', {
      text: elsewhere.reference,
    });
    expect(byReference.hits).toEqual([]);
    expect((await office.value<SearchResult>('clerk', 'search.requests', { text: 'Kovalenko' })).hits).toHaveLength(3);
  });

  it('when reading one request, its documents and its correspondence', async () => {
    expect((await office.call('prosecutor', 'requests.get', { id: assignedByName.id })).ok).toBe(true);
    expect(await office.call('prosecutor', 'requests.get', { id: elsewhere.id })).toMatchObject(denied);
    expect(await office.call('prosecutor', 'documents.list', { requestId: elsewhere.id })).toMatchObject(denied);
    expect(await office.call('prosecutor', 'documents.verify', { id: foreignDocument.id })).toMatchObject(denied);
    expect(
      await office.call('prosecutor', 'documents.saveCopy', { id: foreignDocument.id, target: { kind: 'download' } }),
    ).toMatchObject(denied);
    expect(await office.call('prosecutor', 'correspondence.list', { requestId: elsewhere.id })).toMatchObject(denied);
    expect(foreignEntry.requestId).toBe(elsewhere.id);
    // The stored file itself, as the transports' own routes ask for it.
    const located = await office.host.locateDocument(foreignDocument.id, office.tokens.prosecutor);
    expect(located).toMatchObject(denied);
    expect((await office.host.locateDocument(foreignDocument.id, office.tokens.clerk)).ok).toBe(true);
  });

  it('with only the links to requests they may open', async () => {
    const detail = await office.value<RequestDetail>('prosecutor', 'requests.get', { id: ofAuthority.id });
    expect(detail.links.map((l) => l.other.id)).toEqual([assignedByName.id]);
    const asClerk = await office.value<RequestDetail>('clerk', 'requests.get', { id: ofAuthority.id });
    expect(asClerk.links).toHaveLength(2);
  });

  it('in the exports of the list and the status reports', async () => {
    const exported = await office.value<WrittenFile>('prosecutor', 'reports.list', {
      query: {},
      columns: ['reference'],
      format: 'csv',
      target: { kind: 'download' },
    });
    const csv = fs.readFileSync(path.join(office.host.files.downloadsDir, exported.downloadId ?? ''), 'utf8');
    expect(csv).toContain(ofAuthority.reference);
    expect(csv).toContain(assignedByName.reference);
    expect(csv).not.toContain(elsewhere.reference);
    const report = await office.value<WrittenFile>('prosecutor', 'reports.status', {
      by: 'domesticAuthority',
      value: 'Tribunal de Lyon',
      format: 'xlsx',
      target: { kind: 'download' },
    });
    const asClerk = await office.value<WrittenFile>('clerk', 'reports.status', {
      by: 'domesticAuthority',
      value: 'Tribunal de Lyon',
      format: 'xlsx',
      target: { kind: 'download' },
    });
    // Lyon's report holds one request for the prosecutor (theirs by name) and two for the clerk.
    expect(report.bytes).toBeLessThan(asClerk.bytes);
    // The whole register's export is not theirs at all.
    expect(
      await office.call('prosecutor', 'interchange.export', { format: 'csv', target: { kind: 'download' } }),
    ).toMatchObject(denied);
  });
});

describe('a prosecutor annotates their own requests only', () => {
  const note = (r: RequestDetail, type = 'note') => ({
    id: r.id,
    type,
    on: TODAY,
    note: 'Checked with the investigating judge',
    expectedVersion: r.version,
  });

  it('adds a note to theirs, never to another authority’s, and no other event', async () => {
    const current = await office.value<RequestDetail>('clerk', 'requests.get', { id: ofAuthority.id });
    const noted = await office.value<RequestDetail>('prosecutor', 'requests.recordEvent', note(current));
    expect(noted.events.at(-1)).toMatchObject({ type: 'note', actor: 'paul' });
    // What they get back shows only the links they may follow.
    expect(noted.links.map((l) => l.other.id)).toEqual([assignedByName.id]);

    const other = await office.value<RequestDetail>('clerk', 'requests.get', { id: elsewhere.id });
    expect(await office.call('prosecutor', 'requests.recordEvent', note(other))).toMatchObject(denied);
    expect((await office.value<RequestDetail>('clerk', 'requests.get', { id: elsewhere.id })).events).toEqual([]);

    const again = await office.value<RequestDetail>('clerk', 'requests.get', { id: ofAuthority.id });
    expect(await office.call('prosecutor', 'requests.recordEvent', note(again, 'information_requested'))).toMatchObject(
      denied,
    );
  });

  it('attaches documents to theirs, never to another authority’s', async () => {
    const file = path.join(scratch, 'minutes.pdf');
    fs.writeFileSync(file, '%PDF-1.7\n% minutes\n%%EOF\n');
    const attach = (requestId: number) =>
      office.call('prosecutor', 'documents.attach', {
        requestId,
        source: { kind: 'path', path: file },
        type: 'execution_result',
        direction: 'internal',
        documentDate: TODAY,
      });
    expect((await attach(assignedByName.id)).ok).toBe(true);
    expect(await attach(elsewhere.id)).toMatchObject(denied);
    const documents = await office.value<DocumentRecord[]>('clerk', 'documents.list', { requestId: elsewhere.id });
    expect(documents.map((d) => d.id)).toEqual([foreignDocument.id]);
  });

  it('gets a request that does not exist as not found, as anyone does', async () => {
    expect(await office.call('prosecutor', 'requests.get', { id: 9999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
