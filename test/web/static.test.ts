import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../renderer/serving.ts';
import { INDEX_HTML, SECRET, TOKEN, request, startTestServer } from '../helpers/web.ts';

describe('web server: the page and its files', () => {
  it('serves index.html at / with the Content-Security-Policy and no caching', async () => {
    const t = await startTestServer();
    const reply = await request(t.port, { path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX_HTML);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('never puts the token in what it serves', async () => {
    const t = await startTestServer();
    expect((await request(t.port, { path: '/' })).body).not.toContain(TOKEN);
    expect(t.server.openUrl).toBe(`${t.server.url}/#token=${TOKEN}`);
    expect(t.server.url).toBe(`http://127.0.0.1:${t.port}`);
  });

  it('serves a file of the renderer folder with its type', async () => {
    const t = await startTestServer();
    const reply = await request(t.port, { path: '/assets/app.js?v=1' });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('console.log("app");');
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it.each(['/requests', '/requests/42', '/settings/office?tab=2'])(
    'answers the app route %s with index.html',
    async (path) => {
      const t = await startTestServer();
      const reply = await request(t.port, { path });
      expect(reply.status).toBe(200);
      expect(reply.body).toBe(INDEX_HTML);
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    },
  );

  it('answers a missing file that has an extension with 404', async () => {
    const t = await startTestServer();
    const reply = await request(t.port, { path: '/assets/missing.js' });
    expect(reply.status).toBe(404);
    expect(reply.body).not.toBe(INDEX_HTML);
  });

  it.each([
    '/../secret.txt',
    '/../package.json',
    '/assets/../../secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%2e%2e/package.json',
    '/..%2f..%2f..%2fsecret.txt',
    '/%2E%2E%2F%2E%2E%2Fpackage.json',
    '/..%5csecret.txt',
    '/secret.txt%00.html',
  ])('never serves a file outside the renderer folder for %s (404)', async (path) => {
    const t = await startTestServer();
    const reply = await request(t.port, { path });
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain(SECRET);
  });

  it('refuses an extensionless path that climbs out, rather than serving the file or the page', async () => {
    const t = await startTestServer();
    const reply = await request(t.port, { path: '/%2e%2e/%2e%2e/%2e%2e/etc/passwd' });
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('root:');
  });

  it('answers a page path with broken percent-encoding with 404', async () => {
    const t = await startTestServer();
    const reply = await request(t.port, { path: '/%E0%A4%A' });
    expect(reply.status).toBe(404);
  });

  it('refuses to POST to a page path with 405', async () => {
    const t = await startTestServer();
    const reply = await request(t.port, { method: 'POST', path: '/index.html', body: '{}' });
    expect(reply.status).toBe(405);
  });

  it('answers HEAD with the headers and no body', async () => {
    const t = await startTestServer();
    const reply = await request(t.port, { method: 'HEAD', path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.body).toBe('');
  });
});
