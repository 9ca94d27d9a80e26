import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

// Arabic as the translators deliver it, cut down to a few of the menu's words: the rest must
// fall back to English one by one, as the page does.
vi.mock('../../i18n/resources.ts', async () => {
  const { translation: en } = await import('../../i18n/en/index.ts');
  const ar = {
    menu: { file: 'ملف', edit: 'تحرير', view: 'عرض', help: 'مساعدة', save: 'حفظ', about: 'حول {{app}}' },
    nav: { newRequest: 'طلب جديد', register: 'السجل' },
    today: { nav: 'اليوم' },
    shortcuts: { title: 'اختصارات لوحة المفاتيح' },
  };
  return { TRANSLATIONS: { en, ar } };
});

const { buildMenuTemplate, backUpRegister } = await import('../../electron/menu.ts');

function labels(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.label ? [item.label] : []),
    ...(Array.isArray(item.submenu) ? labels(item.submenu) : []),
  ]);
}

const actions = () => ({ send: vi.fn(), backUp: vi.fn(), about: vi.fn() });

describe('the menu in the interface’s language', () => {
  it('reads English by default and Arabic when told, key by key from the translation files', () => {
    const english = buildMenuTemplate({ appName: 'MLA Desk', isMac: false, isDev: false }, actions());
    expect(english.map((t) => t.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    expect(labels(english)).toEqual(
      expect.arrayContaining(['New request', 'Save', 'Today', 'Register', 'Keyboard shortcuts', 'About MLA Desk']),
    );

    const a = actions();
    const arabic = buildMenuTemplate({ appName: 'MLA Desk', isMac: false, isDev: false, language: 'ar' }, a);
    // "Window" has no Arabic yet: it stays English rather than showing a key.
    expect(arabic.map((t) => t.label)).toEqual(['&ملف', '&تحرير', '&عرض', '&Window', '&مساعدة']);
    const all = labels(arabic);
    expect(all).toEqual(expect.arrayContaining(['طلب جديد', 'حفظ', 'اليوم', 'السجل', 'حول MLA Desk']));
    expect(all).toContain('Undo');
    expect(all.some((l) => l.includes('{{') || l.startsWith('menu.'))).toBe(false);

    // Same items, same commands and accelerators whatever the language.
    const item = (template: MenuItemConstructorOptions[], label: string) =>
      template.flatMap((t) => (Array.isArray(t.submenu) ? t.submenu : [])).find((i) => i.label === label);
    expect(item(arabic, 'طلب جديد')?.accelerator).toBe('CmdOrCtrl+N');
    (item(arabic, 'اليوم')?.click as () => void)();
    expect(a.send).toHaveBeenCalledWith('today');
  });

  it('labels Electron’s own items too, so none is left in the system’s language', () => {
    const template = buildMenuTemplate({ appName: 'MLA Desk', isMac: true, isDev: true, language: 'ar' }, actions());
    const unlabelled = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((i) => [
        ...(i.type !== 'separator' && !i.label ? [i] : []),
        ...(Array.isArray(i.submenu) ? unlabelled(i.submenu) : []),
      ]);
    expect(unlabelled(template)).toEqual([]);
  });

  it('reports a backup in the language, with its size in the language’s digits', async () => {
    const report = vi.fn(async () => undefined);
    await backUpRegister({
      defaultPath: '/tmp/register.sqlite',
      chooseFile: async (p) => p,
      call: async () => ({ ok: true, value: { file: '/tmp/register.sqlite', bytes: 3.5 * 1024 * 1024 } }),
      report,
      language: 'fr',
    });
    // French has no menu strings in this test: English words, French number.
    expect(report).toHaveBeenCalledWith('info', 'The register was backed up.', expect.stringMatching(/3,5\s?Mo/));
  });
});
