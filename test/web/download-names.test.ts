import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../contract/documents.ts';
import type { WrittenFile } from '../../contract/files.ts';
import { TOKEN, api, json, request, startTestServer } from '../helpers/web.ts';

/**
 * A document's original name as the browser build hands it back: the content route's and a
 * download's Content-Disposition offer one plain file name, whatever the name held (an upload
 * names its file itself, so anything the contract lets through arrives here).
 */
const HOSTILE = [
  ['invoice\u202Efdp.exe', 'invoice_fdp.exe'],
  ['../../etc/passwd', '.._.._etc_passwd'],
  ['CON', '_CON'],
  ['a"b;filename=evil.exe', 'a_b;filename=evil.exe'],
  ["it's (1)*.pdf", "it's (1)_.pdf"],
  ['trailing. . .', 'trailing'],
  ['\uD800.pdf', '\uFFFD\uFFFD\uFFFD.pdf'],
] as const;

/** The file name a browser takes from the header: the filename* parameter, decoded. */
const offered = (header: string | string[] | undefined) =>
  decodeURIComponent(/filename\*=UTF-8''([^;]*)$/.exec(String(header))?.[1] ?? '');

describe('names of documents leaving the web server', () => {
  it('offer the safe form of a hostile name in the content route and in a download', async () => {
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
    const headers = { authorization: `Bearer ${TOKEN}`, 'x-mla-session': t.session };
    for (const [name, safe] of HOSTILE) {
      const uploaded = await request(t.port, { method: 'POST', path: '/upload', headers, body: `%PDF-1.7\n${name}` });
      const upload = (json(uploaded).value as { id: string }).id;
      const attached = json(
        await api(t.port, 'documents.attach', {
          requestId,
          source: { kind: 'upload', id: upload },
          name,
          type: 'request',
          direction: 'incoming',
          documentDate: '2026-03-02',
        }),
      );
      expect(attached.ok, JSON.stringify(name)).toBe(true);
      const doc = attached.value as DocumentRecord;
      const content = await request(t.port, { path: `/documents/${doc.id}/content`, headers });
      expect(content.status).toBe(200);
      expect(content.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=/);
      expect(offered(content.headers['content-disposition'])).toBe(safe);
      const copy = json(await api(t.port, 'documents.saveCopy', { id: doc.id, target: { kind: 'download' } }));
      const download = await request(t.port, { path: `/download/${(copy.value as WrittenFile).downloadId}`, headers });
      expect(download.status).toBe(200);
      expect(offered(download.headers['content-disposition'])).toBe(safe);
    }
  });
});
