import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-protocol.ts';

/** Links with these schemes open in the person's own browser or mail client; nothing else leaves. */
export const EXTERNAL_SCHEMES: readonly string[] = ['https:', 'http:', 'mailto:'];

export function isAllowedExternal(raw: string): boolean {
  try {
    return EXTERNAL_SCHEMES.includes(new URL(raw).protocol);
  } catch {
    return false;
  }
}

/** Requests the session cancels outright: the app has no remote content, so nothing may load it. */
export const BLOCKED_REQUEST_PATTERNS: readonly string[] = [
  'http://*/*',
  'https://*/*',
  'ws://*/*',
  'wss://*/*',
  'ftp://*/*',
  'file://*/*',
];

type OpenExternal = (url: string) => void;

/**
 * Hooks one web contents (window, devtools, anything Chromium creates) so it can never leave
 * our app:// origin: navigations and redirects elsewhere are refused, new windows are denied
 * (links a person clicked go to the system browser if their scheme is allowed), and <webview>
 * is refused before it attaches.
 */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  const refuseLeaving = (event: { preventDefault(): void }, url: string, sendOut: boolean): void => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    if (sendOut && isAllowedExternal(url)) openExternal(url);
  };
  contents.on('will-navigate', (event, url) => refuseLeaving(event, url, true));
  contents.on('will-redirect', (event, url) => refuseLeaving(event, url, false));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/**
 * Denies every permission (camera, notifications, clipboard read, USB...) whatever asks, and
 * cancels requests for remote or file:// content at the network layer, behind the CSP.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: [...BLOCKED_REQUEST_PATTERNS] }, (_details, callback) =>
    callback({ cancel: true }),
  );
}
