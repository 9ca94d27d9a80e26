import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../contract/bridge.ts';
import type { Envelope } from '../contract/errors.ts';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/languages.ts';
import { formatBytes, menuText, shellMessage } from './menu-text.ts';

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
  /** The interface's language, which the renderer reports as it changes (English until then). */
  language?: Language;
}

/** The application menu as data, so its shape and words are testable without Electron. */
export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const { appName, isMac, isDev } = options;
  const t = menuText(options.language ?? DEFAULT_LANGUAGE);
  const app = { app: appName };
  // "&" marks the key that opens a top-level menu with Alt on Windows and Linux.
  const top = (key: string) => `&${t(key)}`;
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        { label: t('menu.about', app), click: () => actions.about() },
        { type: 'separator' },
        { role: 'services', label: t('menu.services') },
        { type: 'separator' },
        { role: 'hide', label: t('menu.hide', app) },
        { role: 'hideOthers', label: t('menu.hideOthers') },
        { role: 'unhide', label: t('menu.showAll') },
        { type: 'separator' },
        { role: 'quit', label: t('menu.quit') },
      ],
    });
  }
  template.push({
    label: top('menu.file'),
    submenu: [
      { label: t('nav.newRequest'), accelerator: 'CmdOrCtrl+N', click: () => actions.send('new-request') },
      { label: t('menu.save'), accelerator: 'CmdOrCtrl+S', click: () => actions.send('save') },
      { type: 'separator' },
      { label: t('menu.backUp'), click: () => actions.backUp() },
      { type: 'separator' },
      isMac ? { role: 'close', label: t('menu.close') } : { role: 'quit', label: t('menu.quit') },
    ],
  });
  template.push({
    label: top('menu.edit'),
    submenu: [
      { role: 'undo', label: t('menu.undo') },
      { role: 'redo', label: t('menu.redo') },
      { type: 'separator' },
      { role: 'cut', label: t('menu.cut') },
      { role: 'copy', label: t('menu.copy') },
      { role: 'paste', label: t('menu.paste') },
      ...(isMac ? ([{ role: 'pasteAndMatchStyle', label: t('menu.pasteAndMatchStyle') }] as const) : []),
      { role: 'delete', label: t('menu.delete') },
      { type: 'separator' },
      { role: 'selectAll', label: t('menu.selectAll') },
    ],
  });
  template.push({
    label: top('menu.view'),
    submenu: [
      { label: t('today.nav'), accelerator: 'CmdOrCtrl+1', click: () => actions.send('today') },
      { label: t('nav.register'), click: () => actions.send('open-register') },
      { label: t('menu.find'), accelerator: 'CmdOrCtrl+F', click: () => actions.send('focus-search') },
      { type: 'separator' },
      // Zoom stays in production: people who need larger text must be able to get it.
      { role: 'resetZoom', label: t('menu.resetZoom') },
      { role: 'zoomIn', label: t('menu.zoomIn') },
      { role: 'zoomOut', label: t('menu.zoomOut') },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t('menu.fullScreen') },
      ...(isDev
        ? ([
            { type: 'separator' },
            { role: 'reload', label: t('menu.reload') },
            { role: 'forceReload', label: t('menu.forceReload') },
            { role: 'toggleDevTools', label: t('menu.devTools') },
          ] as const)
        : []),
    ],
  });
  template.push({ role: 'windowMenu', label: top('menu.window') });
  template.push({
    label: top('menu.help'),
    role: 'help',
    submenu: [
      { label: t('shortcuts.title'), accelerator: 'F1', click: () => actions.send('show-shortcuts') },
      ...(isMac ? [] : [{ label: t('menu.about', app), click: () => actions.about() }]),
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
  /** The interface's language, for the report's words and the size (English when not given). */
  language?: Language;
}

/** File › Back up register…: ask where, let the database process copy, say how it went. */
export async function backUpRegister(deps: BackupDeps): Promise<void> {
  const file = await deps.chooseFile(deps.defaultPath);
  if (file === undefined || file === '') return;
  const language = deps.language ?? DEFAULT_LANGUAGE;
  const t = menuText(language);
  const reply = await deps.call({ file });
  if (reply.ok) {
    const value = reply.value as { file: string; bytes: number };
    const detail = t('menu.backupDetail', { file: value.file, size: formatBytes(value.bytes, language) });
    await deps.report('info', t('menu.backedUp'), detail);
  } else {
    await deps.report('error', t('menu.notBackedUp'), shellMessage(language, reply.error));
  }
}
