import {
  IPC_PREFIX,
  MENU_COMMANDS,
  MENU_EVENT,
  type MenuCommand,
  type MlaDeskBridge,
  SHELL_CHOOSE_FILES,
  SHELL_OPEN_DOCUMENT,
  SHELL_SAVE_AS,
  SHELL_SET_LANGUAGE,
} from '../contract/bridge.ts';
import { CHANNEL_NAMES, type ChannelName } from '../contract/channels.ts';
import type { Envelope } from '../contract/errors.ts';
import { localised } from '../contract/messages.ts';

/** The three ipcRenderer methods the bridge uses; ipcRenderer itself never leaves the preload. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/**
 * Builds what the preload exposes as `window.mlaDesk`: one function per declared channel and
 * a menu-command subscription. Listeners get the command only, never the IPC event (which
 * carries the sender, i.e. ipcRenderer).
 */
export function createBridge(ipc: RendererIpc, pathForFile: (file: object) => string): MlaDeskBridge {
  const channels = {} as Record<ChannelName, (input: unknown) => Promise<Envelope<unknown>>>;
  for (const name of CHANNEL_NAMES) {
    channels[name] = async (input) => {
      try {
        // The main process always answers with an envelope; only transport failures reject.
        return (await ipc.invoke(IPC_PREFIX + name, input)) as Envelope<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', ...localised('shell.notReached') } };
      }
    };
  }
  const files: MlaDeskBridge['files'] = {
    choose: async (options) => {
      const paths = await ipc.invoke(SHELL_CHOOSE_FILES, options).catch(() => []);
      return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : [];
    },
    saveAs: async (options) => {
      const path = await ipc.invoke(SHELL_SAVE_AS, options).catch(() => null);
      return typeof path === 'string' ? path : null;
    },
    pathFor: (file) => pathForFile(file),
    openDocument: async (documentId) => {
      const reply = (await ipc.invoke(SHELL_OPEN_DOCUMENT, documentId).catch(() => null)) as Envelope<null> | null;
      return typeof reply?.ok === 'boolean'
        ? reply
        : { ok: false, error: { code: 'internal', ...localised('shell.documentNotOpened') } };
    },
  };
  return Object.freeze({
    channels: Object.freeze(channels),
    files: Object.freeze(files),
    setLanguage(language: string): void {
      // Fire and forget: a menu left in the last language is no reason to disturb the page.
      ipc.invoke(SHELL_SET_LANGUAGE, language).catch(() => undefined);
    },
    onMenuCommand(listener: (command: MenuCommand) => void): () => void {
      const wrapped = (_event: unknown, command: unknown): void => {
        if (isMenuCommand(command)) listener(command);
      };
      ipc.on(MENU_EVENT, wrapped);
      return () => {
        ipc.removeListener(MENU_EVENT, wrapped);
      };
    },
  });
}
