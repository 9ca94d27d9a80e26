import type { Session, WebContents, WebPreferences } from 'electron';
import { isAppUrl } from './app-protocol.ts';

/**
 * The web preferences of every MLA Desk window (Electron's security checklist): the page runs
 * sandboxed, isolated from the preload, with no Node.js, the same-origin policy kept, no
 * insecure content, experimental features or <webview>, nothing opened by dropping a file on
 * it, and DevTools only in development. The preload is the only bridge (electron/preload.ts).
 */
export function windowWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
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
    // A page that opens dialog after dialog gets a box to stop them.
    safeDialogs: true,
    devTools,
  };
}

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
 * our app:// origin: navigations (of the page or any frame in it) and redirects elsewhere are refused, new windows are denied
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
  // will-navigate sees the main frame only; a subframe (an <iframe> that slipped in) must not
  // leave either. Nothing is sent outside from here: a click in a subframe is not a person's choice.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) refuseLeaving(event, event.url, false);
  });
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
