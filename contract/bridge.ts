import type { ChannelName } from './channels.ts';
import type { Envelope } from './errors.ts';

/** Prefix of the IPC channel names, so ours never collide with Electron's or a library's. */
export const IPC_PREFIX = 'mla:';
/** The one main → renderer event: a menu item or accelerator the renderer acts on. */
export const MENU_EVENT = 'mla-menu';

export const MENU_COMMANDS = ['new-request', 'open-register', 'focus-search'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/**
 * What the preload exposes on `window.mlaDesk` (and nothing more): one function per declared
 * channel, and a subscription to menu commands. The web build has no bridge and talks HTTP.
 */
export interface MlaDeskBridge {
  channels: { [C in ChannelName]: (input: unknown) => Promise<Envelope<unknown>> };
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
