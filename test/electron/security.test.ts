import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  BLOCKED_REQUEST_PATTERNS,
  hardenSession,
  hardenWebContents,
  isAllowedExternal,
} from '../../electron/security.ts';

type Listener = (...args: unknown[]) => void;

/** Just enough of a WebContents to capture what the security module hooks. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  };
  const emit = (event: string, url?: string) => {
    const e = { preventDefault: vi.fn() };
    const listener = listeners.get(event);
    if (!listener) throw new Error(`no ${event} listener`);
    listener(e, url);
    return e.preventDefault;
  };
  return { contents: contents as unknown as WebContents, emit, open: (url: string) => openHandler?.({ url }) };
}

describe('web contents hardening', () => {
  it('lets navigation stay on app://mla-desk and refuses everything else', () => {
    const openExternal = vi.fn();
    const { contents, emit } = fakeContents();
    hardenWebContents(contents, openExternal);
    expect(emit('will-navigate', 'app://mla-desk/index.html')).not.toHaveBeenCalled();
    for (const url of [
      'https://example.org/',
      'file:///etc/passwd',
      'app://other/',
      'javascript:alert(1)',
      'data:text/html,x',
    ]) {
      expect(emit('will-navigate', url)).toHaveBeenCalledOnce();
    }
    // A clicked web link goes to the system browser; file:, javascript: and data: go nowhere.
    expect(openExternal.mock.calls).toEqual([['https://example.org/']]);
  });

  it('refuses redirects away from our origin without opening anything', () => {
    const openExternal = vi.fn();
    const { contents, emit } = fakeContents();
    hardenWebContents(contents, openExternal);
    expect(emit('will-redirect', 'https://example.org/')).toHaveBeenCalledOnce();
    expect(emit('will-redirect', 'app://mla-desk/index.html')).not.toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window and sends only allowed schemes outside', () => {
    const openExternal = vi.fn();
    const { contents, open } = fakeContents();
    hardenWebContents(contents, openExternal);
    for (const url of [
      'https://e.org',
      'http://e.org',
      'mailto:a@b.c',
      'file:///x',
      'app://mla-desk/',
      'smb://server/share',
      'ms-settings:',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls.map(([u]) => u)).toEqual(['https://e.org', 'http://e.org', 'mailto:a@b.c']);
  });

  it('blocks <webview> before it attaches', () => {
    const { contents, emit } = fakeContents();
    hardenWebContents(contents, vi.fn());
    expect(emit('will-attach-webview')).toHaveBeenCalledOnce();
  });

  it('allows only http, https and mailto outside', () => {
    expect(isAllowedExternal('https://x.org')).toBe(true);
    expect(isAllowedExternal('mailto:x@y.z')).toBe(true);
    expect(isAllowedExternal('file:///C:/x')).toBe(false);
    expect(isAllowedExternal('vbscript:x')).toBe(false);
    expect(isAllowedExternal('not a url')).toBe(false);
  });
});

describe('session hardening', () => {
  it('denies every permission request and check, and cancels remote requests', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn() },
    };
    hardenSession(session as unknown as Session);

    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      wc: unknown,
      permission: string,
      cb: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...a: unknown[]) => boolean;
    expect(check(null, 'clipboard-sanitized-write', 'app://mla-desk', {})).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as (...a: unknown[]) => boolean;
    expect(device({})).toBe(false);

    const [filter, listener] = session.webRequest.onBeforeRequest.mock.calls[0] as [
      { urls: string[] },
      (details: unknown, cb: (r: { cancel: boolean }) => void) => void,
    ];
    expect(filter.urls).toEqual([...BLOCKED_REQUEST_PATTERNS]);
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'file://*/*']));
    const cb = vi.fn();
    listener({ url: 'https://tracker.example/' }, cb);
    expect(cb).toHaveBeenCalledWith({ cancel: true });
  });
});
