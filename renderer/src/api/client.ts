import { openedSessionToken } from '../../../contract/accounts.ts';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../contract/channels.ts';
import type { MlaDeskBridge } from '../../../contract/bridge.ts';
import type { ApiError, Envelope } from '../../../contract/errors.ts';
import i18n from '../i18n/index.ts';

/** A refused call, carrying the envelope's error so screens can show its message and fields. */
export class ApiCallError extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.error = error;
  }
}

/** The typed client: the renderer's only way to the register. */
export interface ApiClient {
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
}

type Transport = (channel: ChannelName, input: unknown) => Promise<Envelope<unknown>>;

export function clientFromTransport(transport: Transport): ApiClient {
  return {
    async call(channel, input) {
      const envelope = await transport(channel, input);
      if (!envelope.ok) throw new ApiCallError(envelope.error);
      // The main process validated the value against the channel's output schema.
      return envelope.value as ChannelOutput<typeof channel>;
    },
  };
}

declare global {
  interface Window {
    mlaDesk?: MlaDeskBridge;
  }
}

const TOKEN_KEY = 'mla-desk-token';

/** The web build's token: handed over in the URL fragment once, then kept for this tab only. */
export function takeWebToken(): string {
  const match = /(?:^#|&)token=([0-9a-f]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const SESSION_KEY = 'mla-desk-session';

/**
 * What the web build sends with every private request: the per-start token, and the token of
 * the session signed in in this tab (kept, like the start token, for this tab only).
 */
export function webHeaders(): Record<string, string> {
  const session = sessionStorage.getItem(SESSION_KEY);
  return {
    authorization: `Bearer ${takeWebToken()}`,
    ...(session ? { 'x-mla-session': session } : {}),
  };
}

/** Keeps the token a sign-in hands over, and forgets it on signing out. */
function followSession(channel: ChannelName, envelope: Envelope<unknown>): void {
  const opened = openedSessionToken(channel, envelope);
  if (opened !== null) sessionStorage.setItem(SESSION_KEY, opened);
  if (channel === 'accounts.signOut') sessionStorage.removeItem(SESSION_KEY);
}

function httpTransport(): Transport {
  return async (channel, input) => {
    try {
      const res = await fetch(`api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...webHeaders() },
        body: JSON.stringify(input ?? {}),
      });
      const envelope = (await res.json()) as Envelope<unknown>;
      followSession(channel, envelope);
      return envelope;
    } catch {
      return { ok: false, error: { code: 'internal', message: i18n.t('errors.unreachable') } };
    }
  };
}

/**
 * Electron's preload bridge when present (the database process keeps the window's session),
 * otherwise the loopback HTTP API of `npm run web`.
 */
export function createDefaultClient(): ApiClient {
  const bridge = window.mlaDesk;
  if (bridge) return clientFromTransport((channel, input) => bridge.channels[channel](input));
  takeWebToken();
  return clientFromTransport(httpTransport());
}
