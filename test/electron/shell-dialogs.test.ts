import { describe, expect, it } from 'vitest';
import { localised } from '../../contract/messages.ts';
import { menuText, shellMessage } from '../../electron/menu-text.ts';
import { aboutText, failureText, nativeMissingText } from '../../electron/shell-dialogs.ts';
import { TRANSLATIONS } from '../../i18n/resources.ts';

const FACTS = {
  appName: 'MLA Desk',
  version: '1.4.0',
  register: { schemaVersion: 21, databaseFile: '/data/register.sqlite' },
  runtime: { electron: '38.1.0', chrome: '140.0', node: '22.19.0' },
};

describe('the shell’s own dialogs', () => {
  it('show About in the interface’s language, with the version, the register and the runtime', () => {
    const english = aboutText('en', FACTS);
    expect(english).toEqual({
      title: 'About MLA Desk',
      message: 'MLA Desk',
      detail:
        'Version 1.4.0\n\nRegister schema 21\n/data/register.sqlite\n\nElectron 38.1.0, Chromium 140.0, Node 22.19.0',
    });
    for (const language of ['ar', 'es', 'fr', 'ru', 'zh'] as const) {
      const said = aboutText(language, FACTS);
      expect(said.title, language).not.toBe(english.title);
      expect(said.detail, language).toContain('1.4.0');
      expect(said.detail, language).toContain('/data/register.sqlite');
      expect(said.detail, language).not.toContain('Register schema');
    }
    expect(aboutText('en', { ...FACTS, register: null }).detail).not.toContain('schema');
  });

  it('say why MLA Desk stops in the interface’s language, and that the file was not changed', () => {
    const said = localised('shell.stoppedTooOften', { count: 3, code: 1 });
    expect(failureText('en', 'mustClose', said)).toEqual({ title: 'MLA Desk has to close', message: said.message });
    const russian = failureText('ru', 'cannotOpen', localised('storage.missing', { file: '/d/r.sqlite' }), {
      fileUnchanged: true,
    });
    expect(russian.title).toBe(menuText('ru')('shell.cannotOpen'));
    expect(russian.message).toContain('/d/r.sqlite');
    expect(russian.message.endsWith(menuText('ru')('shell.fileUnchanged'))).toBe(true);
    expect(russian.message).not.toContain('There is no database');
    expect(nativeMissingText('zh', '/app/native.node').message).toContain('/app/native.node');
  });

  it('pick the plural form of the language, and keep the English of a message without a known key', () => {
    const ru = TRANSLATIONS.ru as { messages: { shell: Record<string, string> } };
    const few = ru.messages.shell['noAnswer_few'];
    const many = ru.messages.shell['noAnswer_many'];
    expect(few).toBeDefined();
    expect(shellMessage('ru', localised('shell.noAnswer', { count: 3 }))).toBe(few?.replace('{{count}}', '3'));
    expect(shellMessage('ru', localised('shell.noAnswer', { count: 30 }))).toBe(many?.replace('{{count}}', '30'));
    expect(shellMessage('fr', { message: 'disk gone' })).toBe('disk gone');
    expect(shellMessage('fr', { message: 'from a newer server', key: 'no.such.key' })).toBe('from a newer server');
  });
});
