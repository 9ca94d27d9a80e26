import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  resolveAppRequest,
  serveAppRequest,
} from '../../electron/app-protocol.ts';
import { tempDir } from '../helpers/temp-register.ts';

function rendererRoot(): string {
  const root = path.join(tempDir(), 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>MLA Desk</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  // A secret beside the served folder, which no request may reach.
  fs.writeFileSync(path.join(root, '..', 'secret.txt'), 'secret');
  return root;
}

describe('app:// request guard', () => {
  const root = '/srv/app/dist/renderer';

  it('maps our URLs to files under the renderer folder', () => {
    expect(resolveAppRequest('GET', APP_ENTRY_URL, root)).toEqual({ ok: true, file: path.resolve(root, 'index.html') });
    expect(resolveAppRequest('GET', 'app://mla-desk/', root)).toEqual({
      ok: true,
      file: path.resolve(root, 'index.html'),
    });
    expect(resolveAppRequest('GET', 'app://mla-desk/assets/app.js?v=1#x', root)).toEqual({
      ok: true,
      file: path.resolve(root, 'assets/app.js'),
    });
  });

  it.each(['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'get'])('refuses %s', (method) => {
    expect(resolveAppRequest(method, APP_ENTRY_URL, root)).toMatchObject({ ok: false, status: 405 });
  });

  it.each([
    'app://mla-desk/..%2f..%2fsecret.txt',
    'app://mla-desk/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://mla-desk/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://mla-desk/%2fetc%2fpasswd/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
  ])('refuses traversal out of the folder: %s', (url) => {
    const target = resolveAppRequest('GET', url, root);
    expect(target.ok).toBe(false);
  });

  it('keeps dot segments the URL parser already resolved inside the folder', () => {
    const target = resolveAppRequest('GET', 'app://mla-desk/../../etc/passwd', root);
    // WHATWG URL turns this into /etc/passwd, which is looked up *inside* the renderer folder.
    expect(target).toEqual({ ok: true, file: path.resolve(root, 'etc/passwd') });
  });

  it.each(['app://mla-desk/..%5c..%5csecret.txt', 'app://mla-desk/index.html%00.png', 'app://mla-desk/%E0%A4%A'])(
    'refuses malformed paths: %s',
    (url) => {
      expect(resolveAppRequest('GET', url, root)).toMatchObject({ ok: false, status: 400 });
    },
  );

  it.each([
    'app://evil/index.html',
    'file:///etc/passwd',
    'https://mla-desk/index.html',
    'app://user@mla-desk/',
    'not a url',
  ])('refuses other origins: %s', (url) => {
    expect(resolveAppRequest('GET', url, root)).toMatchObject({ ok: false, status: 403 });
  });

  it('recognises only our origin as ours', () => {
    expect(isAppUrl('app://mla-desk/index.html')).toBe(true);
    expect(isAppUrl('app://mla-desk.evil.example/')).toBe(false);
    expect(isAppUrl('app://mla-desk:8080/')).toBe(false);
    expect(isAppUrl('http://mla-desk/')).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });
});

describe('serving app:// responses', () => {
  it('serves index.html with the strict CSP and a content type', async () => {
    const res = await serveAppRequest({ method: 'GET', url: APP_ENTRY_URL }, rendererRoot());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'none'",
    ]) {
      expect(csp.split('; ')).toContain(directive);
    }
    expect(csp).not.toContain("script-src 'self' 'unsafe");
    expect(await res.text()).toContain('<title>MLA Desk</title>');
  });

  it('serves assets with their type, 404s missing ones, and falls back to index.html for routes', async () => {
    const root = rendererRoot();
    const js = await serveAppRequest({ method: 'GET', url: 'app://mla-desk/assets/app.js' }, root);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await serveAppRequest({ method: 'GET', url: 'app://mla-desk/assets/missing.js' }, root)).status).toBe(404);
    const route = await serveAppRequest({ method: 'GET', url: 'app://mla-desk/requests' }, root);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('MLA Desk');
  });

  it('never serves the file beside the folder, and refuses POST with the CSP still set', async () => {
    const root = rendererRoot();
    const res = await serveAppRequest({ method: 'GET', url: 'app://mla-desk/..%2fsecret.txt' }, root);
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('secret');
    const post = await serveAppRequest({ method: 'POST', url: APP_ENTRY_URL }, root);
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
