import path from 'node:path';
import { type BrowserWindow, dialog, type MessageBoxOptions } from 'electron';
import type { ChannelName } from '../contract/channels.ts';
import type { Envelope } from '../contract/errors.ts';
import type { Language } from '../i18n/languages.ts';
import { backUpRegister } from './menu.ts';
import { menuText } from './menu-text.ts';
import { aboutText } from './shell-dialogs.ts';

/** What the menu's About and Back up need, taken when the item is clicked. */
export interface MenuActionDeps {
  /** The window the menu acts for (its dialogs are attached to it), if any. */
  parent: BrowserWindow | null;
  language: Language;
  /** A call as the person signed in on that window. */
  call(channel: ChannelName, input: unknown): Promise<Envelope<unknown>>;
  appVersion: string;
  documentsDir: string;
}

async function showMessage(parent: BrowserWindow | null, options: MessageBoxOptions): Promise<void> {
  await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}

/** Help › About: this build, the register it has open, and what it runs on. */
export async function showAbout(deps: MenuActionDeps): Promise<void> {
  const info = await deps.call('app.info', {});
  const v = info.ok ? (info.value as { version: string; schemaVersion: number; databaseFile: string }) : null;
  const text = aboutText(deps.language, {
    appName: 'MLA Desk',
    version: v?.version ?? deps.appVersion,
    register: v,
    runtime: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
  });
  await showMessage(deps.parent, { type: 'info', ...text });
}

/** File › Back up register…: the native save dialog, then the register's own backup call (administrators'). */
export async function backUp(deps: MenuActionDeps): Promise<void> {
  const { parent, language } = deps;
  const t = menuText(language);
  await backUpRegister({
    language,
    defaultPath: path.join(deps.documentsDir, `MLA Desk register ${new Date().toISOString().slice(0, 10)}.sqlite`),
    chooseFile: async (defaultPath) => {
      const options = {
        title: t('menu.backupTitle'),
        defaultPath,
        filters: [{ name: t('menu.backupFilter'), extensions: ['sqlite'] }],
      };
      const result = await (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options));
      return result.canceled ? undefined : result.filePath;
    },
    call: (input) => deps.call('register.backup', input),
    report: (kind, message, detail) =>
      showMessage(parent, { type: kind, title: t('menu.backupTitle'), message, detail }),
  });
}
