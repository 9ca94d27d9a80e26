import { IPC_PREFIX, MENU_COMMANDS, MENU_EVENT, type MenuCommand, type MlaDeskBridge } from '../contract/bridge.ts';
import { CHANNEL_NAMES, type ChannelName } from '../contract/channels.ts';
import type { Envelope } from '../contract/errors.ts';

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
export function createBridge(ipc: RendererIpc): MlaDeskBridge {
  const channels = {} as Record<ChannelName, (input: unknown) => Promise<Envelope<unknown>>>;
  for (const name of CHANNEL_NAMES) {
    channels[name] = async (input) => {
      try {
        // The main process always answers with an envelope; only transport failures reject.
        return (await ipc.invoke(IPC_PREFIX + name, input)) as Envelope<unknown>;
      } catch {
        return {
          ok: false,
          error: { code: 'internal', message: 'The request could not reach MLA Desk; nothing was saved.' },
        };
      }
    };
  }
  return Object.freeze({
    channels: Object.freeze(channels),
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
