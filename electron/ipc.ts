import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_PREFIX } from '../contract/bridge.ts';
import { CHANNEL_NAMES, type ChannelName } from '../contract/channels.ts';
import type { Envelope } from '../contract/errors.ts';
import { localised } from '../contract/messages.ts';
import { validateInput } from '../contract/validate.ts';
import { isAppUrl } from './app-protocol.ts';

/**
 * Sends a checked call to the database process; resolves with its envelope. `seat` is the
 * calling window's webContents id: the database process keeps each window's session by it.
 */
export type Forward = (channel: ChannelName, input: unknown, seat: number) => Promise<Envelope<unknown>>;

/** What the handler needs to know about the frame that called. */
export interface SenderFrame {
  url: string;
  /** Null for a top-level frame. */
  parent: unknown;
}

/**
 * Our page is the top frame of a window showing app://mla-desk/. A subframe, a page that
 * navigated elsewhere, or a frame already gone (null) is not, whatever it sends.
 */
export function isOwnFrame(frame: SenderFrame | null | undefined): boolean {
  try {
    return frame != null && frame.parent == null && isAppUrl(frame.url);
  } catch {
    // Reading a frame that has been disposed throws in Electron: it is certainly not ours now.
    return false;
  }
}

/**
 * One IPC call: sender check, input validation, then forwarding. Always resolves with an
 * envelope, since a rejection would reach the renderer as an opaque Error string.
 */
export async function handleCall(
  channel: ChannelName,
  frame: SenderFrame | null | undefined,
  input: unknown,
  forward: Forward,
  seat: number,
): Promise<Envelope<unknown>> {
  if (!isOwnFrame(frame)) {
    return { ok: false, error: { code: 'denied', ...localised('shell.notOurWindow') } };
  }
  const checked = validateInput(channel, input);
  if (!checked.ok) return { ok: false, error: checked.error };
  try {
    // The raw input goes on, not the parsed one: the database process parses it again with the
    // same schema, and parsing an already-transformed value twice is not guaranteed to agree.
    return await forward(channel, input ?? {}, seat);
  } catch (e) {
    console.error(`IPC ${channel} failed`, e);
    return { ok: false, error: { code: 'internal', ...localised('shell.notPassedOn') } };
  }
}

/** Registers one handler per declared channel and returns a function that removes them. */
export function registerIpcHandlers(ipc: Pick<IpcMain, 'handle' | 'removeHandler'>, forward: Forward): () => void {
  for (const name of CHANNEL_NAMES) {
    ipc.handle(IPC_PREFIX + name, (event: IpcMainInvokeEvent, input: unknown) =>
      handleCall(name, event.senderFrame, input, forward, event.sender.id),
    );
  }
  return () => {
    for (const name of CHANNEL_NAMES) ipc.removeHandler(IPC_PREFIX + name);
  };
}
