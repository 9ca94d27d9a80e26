import type { ChannelName } from './channels.ts';
import type { Envelope } from './errors.ts';

/** Prefix of the IPC channel names, so ours never collide with Electron's or a library's. */
export const IPC_PREFIX = 'mla:';
/** The one main → renderer event: a menu item or accelerator the renderer acts on. */
export const MENU_EVENT = 'mla-menu';

export const MENU_COMMANDS = [
  'new-request',
  'open-register',
  'focus-search',
  'today',
  // Forms subscribe to it (renderer/src/routing/shortcuts.ts); elsewhere it does nothing.
  'save',
  'show-shortcuts',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * The desktop's own file handling, done by the main process (native dialogs) or the preload
 * (paths of dropped files). The browser build uses <input type=file>, uploads and downloads.
 */
export interface ShellFiles {
  /** A native open dialog: absolute paths, empty when cancelled. */
  choose(options: { title: string; multiple: boolean; filters?: FileFilter[] }): Promise<string[]>;
  /** A native save dialog: the chosen path, or null when cancelled. */
  saveAs(options: { title: string; defaultName: string; filters?: FileFilter[] }): Promise<string | null>;
  /** The path of a file dropped on the window. */
  pathFor(file: object): string;
  /**
   * Opens a stored document in the application the system chooses: a private, read-only copy,
   * never the stored file itself (another application could change the evidence).
   */
  openDocument(documentId: number): Promise<Envelope<null>>;
}

/** Channels of the shell itself (main process), beside the database channels. */
export const SHELL_CHOOSE_FILES = 'mla-shell:choose-files';
export const SHELL_SAVE_AS = 'mla-shell:save-as';
export const SHELL_OPEN_DOCUMENT = 'mla-shell:open-document';
/** The renderer's language changed: the main process rebuilds the menu in it. */
export const SHELL_SET_LANGUAGE = 'mla-shell:set-language';

/**
 * What the preload exposes on `window.mlaDesk` (and nothing more): one function per declared
 * channel, a subscription to menu commands, and the shell's file dialogs. The web build has
 * no bridge and talks HTTP.
 */
export interface MlaDeskBridge {
  channels: { [C in ChannelName]: (input: unknown) => Promise<Envelope<unknown>> };
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  files: ShellFiles;
  /** Tells the shell the interface's language (one of the six codes), for the menu's labels. */
  setLanguage(language: string): void;
}
