import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../contract/bridge.ts';
import type { Envelope } from '../contract/errors.ts';

export interface MenuActions {
  /** Sends a command to the focused window; the renderer acts on it. */
  send(command: MenuCommand): void;
  backUp(): void;
  about(): void;
}

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  /** Reload and developer tools exist only in development. */
  isDev: boolean;
}

/** The application menu as data, so its shape is testable without Electron. */
export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const { appName, isMac, isDev } = options;
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        { label: `About ${appName}`, click: () => actions.about() },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push({
    label: '&File',
    submenu: [
      { label: 'New request', accelerator: 'CmdOrCtrl+N', click: () => actions.send('new-request') },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => actions.send('save') },
      { type: 'separator' },
      { label: 'Back up register…', click: () => actions.backUp() },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  });
  template.push({
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? ([{ role: 'pasteAndMatchStyle' }] as const) : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  });
  template.push({
    label: '&View',
    submenu: [
      { label: 'Today', accelerator: 'CmdOrCtrl+1', click: () => actions.send('today') },
      { label: 'Register', click: () => actions.send('open-register') },
      { label: 'Find', accelerator: 'CmdOrCtrl+F', click: () => actions.send('focus-search') },
      { type: 'separator' },
      // Zoom stays in production: people who need larger text must be able to get it.
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(isDev
        ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] as const)
        : []),
    ],
  });
  template.push({ role: 'windowMenu' });
  template.push({
    label: '&Help',
    role: 'help',
    submenu: [
      { label: 'Keyboard shortcuts', accelerator: 'F1', click: () => actions.send('show-shortcuts') },
      ...(isMac ? [] : [{ label: `About ${appName}`, click: () => actions.about() }]),
    ],
  });
  return template;
}

export interface BackupDeps {
  /** Native save dialog; undefined when the person cancels. */
  chooseFile(defaultPath: string): Promise<string | undefined>;
  call(input: { file: string }): Promise<Envelope<unknown>>;
  report(kind: 'info' | 'error', message: string, detail: string): Promise<void>;
  defaultPath: string;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** File › Back up register…: ask where, let the database process copy, say how it went. */
export async function backUpRegister(deps: BackupDeps): Promise<void> {
  const file = await deps.chooseFile(deps.defaultPath);
  if (file === undefined || file === '') return;
  const reply = await deps.call({ file });
  if (reply.ok) {
    const value = reply.value as { file: string; bytes: number };
    await deps.report(
      'info',
      'The register was backed up.',
      `${value.file}\n${formatBytes(value.bytes)}, integrity checked.`,
    );
  } else {
    await deps.report('error', 'The register was not backed up.', reply.error.message);
  }
}
