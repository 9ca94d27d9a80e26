import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../contract/documents.ts';
import { contentDisposition } from '../../api/document-headers.ts';
import { tempDir } from '../helpers/temp-register.ts';
import { SECRET, TOKEN, api, json, request, startTestServer } from '../helpers/web.ts';

const PDF = '%PDF-1.7\n% evidence\n%%EOF\n';

async function withDocument(name = 'Rechtshilfeersuchen «Köln».pdf', content = PDF) {
  const t = await startTestServer();
  const registered = json(
    await api(t.port, 'requests.register', {
      direction: 'incoming',
      kind: 'mla',
      counterpartCountry: 'DE',
      openedOn: '2026-03-02',
    }),
  );
  const requestId = (registered.value as { id: number }).id;
  const file = path.join(tempDir(), 'source.bin');
  fs.writeFileSync(file, content);
  const attached = json(
    await api(t.port, 'documents.attach', {
      requestId,
      source: { kind: 'path', path: file },
      name,
      type: 'request',
      direction: 'incoming',
      documentDate: '2026-03-02',
    }),
  );
  expect(attached.ok).toBe(true);
  return { ...t, doc: attached.value as DocumentRecord };
}

const auth = { authorization: `Bearer ${TOKEN}` };
/** The start token and a signed-in session: what our page sends for a document. */
const withSession = (session: string) => ({ ...auth, 'x-mla-session': session });

describe('GET /documents/<id>/content', () => {
  it('streams the stored bytes with their type and a safe attachment name', async () => {
    const { port, doc, session } = await withDocument();
    const reply = await request(port, { path: `/documents/${doc.id}/content`, headers: withSession(session) });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(PDF);
    expect(reply.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(PDF.length),
      'content-disposition': `attachment; filename="Rechtshilfeersuchen _K_ln_.pdf"; filename*=UTF-8''Rechtshilfeersuchen%20%C2%ABK%C3%B6ln%C2%BB.pdf`,
      'content-security-policy': "sandbox; default-src 'none'",
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
  });

  it('needs the session token and our own origin and host', async () => {
    const { port, doc, session } = await withDocument();
    const url = `/documents/${doc.id}/content`;
    expect((await request(port, { path: url })).status).toBe(401);
    expect((await request(port, { path: url, headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await request(port, { path: `${url}?token=${TOKEN}` })).status).toBe(401);
    expect((await request(port, { path: url, headers: { ...auth, origin: 'http://evil.example' } })).status).toBe(403);
    expect((await request(port, { path: url, headers: { ...auth, host: 'evil.example' } })).status).toBe(421);
    expect((await request(port, { method: 'POST', path: url, headers: auth })).status).toBe(405);
    // The start token alone is not enough: a signed-in session must ask for it.
    expect((await request(port, { path: url, headers: auth })).status).toBe(401);
    expect((await request(port, { path: url, headers: withSession('forged') })).status).toBe(401);
    expect((await request(port, { path: url, headers: withSession(session) })).status).toBe(200);
  });

  it.each([
    '/documents/../../secret.txt/content',
    '/documents/..%2f..%2fsecret.txt/content',
    '/documents/%2e%2e%2f%2e%2e%2fsecret.txt/content',
    '/documents/1%2f..%2f..%2fsecret.txt/content',
    '/documents/1/../../../secret.txt',
    '/documents/1/content/../../../../secret.txt',
    '/documents/-1/content',
    '/documents/1e3/content',
    '/documents/99999999999999999999/content',
  ])('serves nothing from outside the store for %s', async (url) => {
    const { port, session } = await withDocument();
    const reply = await request(port, { path: url, headers: withSession(session) });
    expect(reply.body).not.toContain(SECRET);
    expect(reply.body).not.toContain('%PDF');
    expect([400, 404]).toContain(reply.status);
  });

  it('answers 404 for an unknown document or a stored file gone from the data folder', async () => {
    const { port, doc, databaseFile, session } = await withDocument();
    expect((await request(port, { path: '/documents/999/content', headers: withSession(session) })).status).toBe(404);
    const stored = path.join(path.dirname(databaseFile), 'documents', doc.sha256.slice(0, 2), doc.sha256);
    fs.chmodSync(stored, 0o644);
    fs.rmSync(stored);
    const reply = await request(port, { path: `/documents/${doc.id}/content`, headers: withSession(session) });
    expect(reply.status).toBe(404);
    expect(json(reply).error?.message).toContain('missing');
  });

  it('serves an HTML document as an inert, sandboxed attachment', async () => {
    const { port, doc, session } = await withDocument('page.html', '<script>alert(document.cookie)</script>');
    const reply = await request(port, { path: `/documents/${doc.id}/content`, headers: withSession(session) });
    expect(reply.headers['content-type']).toBe('text/html');
    expect(reply.headers['content-disposition']).toMatch(/^attachment;/);
    expect(reply.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
  });
});

describe('contentDisposition', () => {
  it.each([
    ['plain.pdf', `attachment; filename="plain.pdf"; filename*=UTF-8''plain.pdf`],
    ['a"b\\c.pdf', `attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`],
    ["it's (1)*.pdf", `attachment; filename="it's (1)*.pdf"; filename*=UTF-8''it%27s%20%281%29%2A.pdf`],
    [
      'x\r\nSet-Cookie: a=b',
      `attachment; filename="x__Set-Cookie: a=b"; filename*=UTF-8''x%0D%0ASet-Cookie%3A%20a%3Db`,
    ],
    ['طلب.pdf', `attachment; filename="___.pdf"; filename*=UTF-8''%D8%B7%D9%84%D8%A8.pdf`],
  ])('encodes %j', (name, header) => {
    expect(contentDisposition(name)).toBe(header);
  });
});
