import fs from 'node:fs';
import path from 'node:path';
import type { WebContents } from 'electron';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { IPC_PREFIX, SHELL_CHOOSE_FILES, SHELL_OPEN_DOCUMENT, SHELL_SAVE_AS } from '../../contract/bridge.ts';
import { CHANNEL_NAMES } from '../../contract/channels.ts';
import { ERROR_CODES, type Envelope } from '../../contract/errors.ts';
import { validateInput } from '../../contract/validate.ts';
import { CONTENT_SECURITY_POLICY, isAppUrl, serveAppRequest } from '../../electron/app-protocol.ts';
import { isOwnFrame, registerIpcHandlers } from '../../electron/ipc.ts';
import {
  EXTERNAL_SCHEMES,
  hardenWebContents,
  isAllowedExternal,
  windowWebPreferences,
} from '../../electron/security.ts';
import { registerDocumentOpener, registerShellHandlers } from '../../electron/shell-ipc.ts';
import { anyValue, FUZZ_SEED, hostileString, randomPayload } from '../api/fuzz/values.ts';
import { tempDir } from '../helpers/temp-register.ts';

// Nothing here imports electron at run time (types only); vi.mock keeps it that way should an import change.
vi.mock('electron', () => ({}));

/**
 * Electron's security checklist (electronjs.org/docs/latest/tutorial/security), item by item
 * where the main-process code can be run without Electron: the window's preferences, the
 * navigation, window-opening and webview handlers, the openExternal allow-list, the CSP of
 * every app:// response, and the sender check of every IPC handler, each fed random input.
 */

const OUR_FRAME = { url: 'app://mla-desk/index.html', parent: null };

const urls = fc.oneof(
  hostileString,
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    'app://mla-desk/index.html',
    'app://mla-desk/requests/7',
    'APP://MLA-DESK/x',
    'app://mla-desk.evil.example/',
    'app://user:pw@mla-desk/',
    'app://mla-desk:99/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'blob:app://mla-desk/1234',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'mailto:a@b.c',
    'https://example.org/',
    'http://127.0.0.1:8080/',
    'smb://server/share',
    'ms-settings:',
    '\\\\server\\share',
  ),
);

describe('1-4, 6, 8-10: the window preferences', () => {
  it('sandboxes an isolated page with no Node.js, keeps web security, and allows nothing experimental', () => {
    for (const devTools of [true, false]) {
      const prefs = windowWebPreferences('/app/preload.cjs', devTools);
      expect(prefs).toEqual({
        preload: '/app/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        devTools,
      });
      expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    }
  });
});

/** Just enough of a WebContents to capture what the security module hooks. */
function fakeContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (event: string, listener: (...args: unknown[]) => void) => listeners.set(event, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  } as unknown as WebContents;
  const fire = (event: string, ...args: unknown[]) => {
    const listener = listeners.get(event);
    if (!listener) throw new Error(`no ${event} listener`);
    listener(...args);
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }), events: () => [...listeners.keys()] };
}

describe('11-15: navigation, redirects, new windows, <webview> and openExternal', () => {
  it('hooks every way of leaving the page', () => {
    const { contents, events } = fakeContents();
    hardenWebContents(contents, vi.fn());
    expect(events().sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
  });

  it('lets no URL but our own be navigated to, in the page or any frame, and sends out only allowed links', () => {
    fc.assert(
      fc.property(urls, fc.boolean(), (url, mainFrame) => {
        const openExternal = vi.fn();
        const { contents, fire, open } = fakeContents();
        hardenWebContents(contents, openExternal);
        const ours = isAppUrl(url);
        const navigate = { preventDefault: vi.fn() };
        fire('will-navigate', navigate, url);
        expect(navigate.preventDefault).toHaveBeenCalledTimes(ours ? 0 : 1);
        const redirect = { preventDefault: vi.fn() };
        fire('will-redirect', redirect, url);
        expect(redirect.preventDefault).toHaveBeenCalledTimes(ours ? 0 : 1);
        const frame = { preventDefault: vi.fn(), url, isMainFrame: mainFrame };
        fire('will-frame-navigate', frame);
        // The main frame's navigation is will-navigate's to decide (and to send out).
        expect(frame.preventDefault).toHaveBeenCalledTimes(ours || mainFrame ? 0 : 1);
        expect(open(url)).toEqual({ action: 'deny' });
        for (const [sent] of openExternal.mock.calls as [string][]) {
          expect(sent).toBe(url);
          expect(EXTERNAL_SCHEMES).toContain(new URL(sent).protocol);
        }
        expect(openExternal).toHaveBeenCalledTimes(!ours && isAllowedExternal(url) ? 2 : 0);
      }),
      { seed: FUZZ_SEED, numRuns: 1_000 },
    );
  });

  it('refuses every <webview> before it attaches', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, vi.fn());
    const event = { preventDefault: vi.fn() };
    fire('will-attach-webview', event, {}, { src: 'https://example.org/' });
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('allows outside only http(s) and mailto, whatever the spelling', () => {
    fc.assert(
      fc.property(urls, (url) => {
        if (!isAllowedExternal(url)) return;
        expect(EXTERNAL_SCHEMES).toContain(new URL(url).protocol);
      }),
      { seed: FUZZ_SEED, numRuns: 1_000 },
    );
    for (const url of [
      'javascript:alert(1)',
      ' JAVASCRIPT:x',
      'java\nscript:x',
      'file:///C:/x',
      'data:,x',
      'vbscript:x',
    ]) {
      expect(isAllowedExternal(url), url).toBe(false);
    }
  });
});

describe('7: a Content-Security-Policy on every app:// response', () => {
  it('answers any request, for the page or a document, with a CSP, and never fails to answer', async () => {
    const root = path.join(tempDir(), 'renderer');
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>MLA Desk</title>');
    const stored = path.join(tempDir(), 'blob');
    fs.writeFileSync(stored, '%PDF-1.7\n');
    const located = (value: unknown): Envelope<unknown> => ({ ok: true, value });
    const answers = fc.oneof(
      fc.constant(
        located({
          file: stored,
          sealed: false,
          document: { id: 1, sha256: 'ab'.repeat(32), mediaType: 'application/pdf', originalName: 'x.pdf', size: 9 },
        }),
      ),
      randomPayload.map(located),
      fc.constantFrom(...ERROR_CODES).map((code): Envelope<unknown> => ({ ok: false, error: { code, message: code } })),
      fc.constant('throw' as const),
    );
    const paths = fc.oneof(
      urls,
      fc.nat({ max: 20 }).map((id) => `app://mla-desk/documents/${id}/content`),
      hostileString.map((s) => `app://mla-desk/${encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, ''))}`),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'OPTIONS', 'get'),
        paths,
        answers,
        async (method, url, answer) => {
          const locate = async (): Promise<Envelope<unknown>> => {
            if (answer === 'throw') throw new Error('the database process is gone');
            return answer;
          };
          const res = await serveAppRequest({ method, url }, root, locate);
          const csp = res.headers.get('content-security-policy');
          expect(
            csp === CONTENT_SECURITY_POLICY || csp === "sandbox; default-src 'none'" || csp === "default-src 'none'",
          ).toBe(true);
          if (res.status === 200 && !url.includes('/documents/')) expect(csp).toBe(CONTENT_SECURITY_POLICY);
        },
      ),
      { seed: FUZZ_SEED, numRuns: 600 },
    );
  });
});

describe('17: the sender of every IPC message', () => {
  const frames = fc.oneof(
    fc.constant(OUR_FRAME),
    fc.constant(null),
    fc.constant(undefined),
    fc.record({ url: urls, parent: fc.oneof(fc.constant(null), fc.constant(OUR_FRAME), anyValue) }),
    fc.constant({ url: 'app://mla-desk/index.html', parent: OUR_FRAME }),
    fc.constant({
      get url(): string {
        throw new Error('Render frame was disposed');
      },
      parent: null,
    }),
  );

  it('answers every call with an envelope and forwards only valid input from our own page', async () => {
    const handlers = new Map<string, (event: unknown, input: unknown) => Promise<Envelope<unknown>>>();
    const forwarded: [string, unknown][] = [];
    registerIpcHandlers(
      { handle: (name: string, fn: never) => void handlers.set(name, fn), removeHandler: vi.fn() } as never,
      async (channel, input) => {
        forwarded.push([channel, input]);
        return { ok: true, value: null };
      },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNEL_NAMES), frames, randomPayload, async (channel, frame, input) => {
        forwarded.length = 0;
        const reply = await handlers.get(IPC_PREFIX + channel)?.({ senderFrame: frame, sender: { id: 1 } }, input);
        expect(typeof reply?.ok).toBe('boolean');
        const may = isOwnFrame(frame as never) && validateInput(channel, input).ok;
        expect(forwarded.length).toBe(may ? 1 : 0);
        if (!reply?.ok) expect(reply?.error.code).not.toBe('internal');
        if (!isOwnFrame(frame as never)) expect(reply).toMatchObject({ ok: false, error: { code: 'denied' } });
      }),
      { seed: FUZZ_SEED, numRuns: 1_500 },
    );
  });

  it('shows a dialog or opens a document only for our own page, with checked options', async () => {
    const handlers = new Map<string, (event: unknown, options: unknown) => Promise<unknown>>();
    const ipc = { handle: (name: string, fn: never) => void handlers.set(name, fn) } as never;
    const open = vi.fn(async () => ['/home/clerk/x.pdf']);
    const save = vi.fn(async () => '/home/clerk/x.csv');
    const openDocument = vi.fn(async (): Promise<Envelope<null>> => ({ ok: true, value: null }));
    registerShellHandlers(ipc, { open, save });
    registerDocumentOpener(ipc, openDocument);
    const options = fc.oneof(
      randomPayload,
      fc.record({ title: hostileString, multiple: fc.boolean() }),
      fc.record({ title: fc.string(), defaultName: hostileString }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(SHELL_CHOOSE_FILES, SHELL_SAVE_AS, SHELL_OPEN_DOCUMENT),
        frames,
        fc.oneof(options, fc.integer()),
        async (name, frame, given) => {
          for (const f of [open, save, openDocument]) f.mockClear();
          const reply = await handlers.get(name)?.({ senderFrame: frame, sender: { id: 1 } }, given);
          const calls = open.mock.calls.length + save.mock.calls.length + openDocument.mock.calls.length;
          if (!isOwnFrame(frame as never)) expect(calls).toBe(0);
          if (name === SHELL_OPEN_DOCUMENT && calls === 0) expect(reply).toMatchObject({ ok: false });
          for (const [saved] of save.mock.calls as unknown as [{ defaultName: string }][]) {
            expect(path.dirname(path.join('/home/clerk/Documents', saved.defaultName))).toBe('/home/clerk/Documents');
          }
        },
      ),
      { seed: FUZZ_SEED, numRuns: 1_000 },
    );
  });
});
