import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { backUpRegister, buildMenuTemplate, type MenuActions } from '../../electron/menu.ts';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}
const byLabel = (template: MenuItemConstructorOptions[], label: string) =>
  items(template).find((i) => i.label === label);
const roles = (template: MenuItemConstructorOptions[]) =>
  items(template)
    .map((i) => i.role)
    .filter(Boolean);

function actions() {
  return {
    send: vi.fn<MenuActions['send']>(),
    backUp: vi.fn<MenuActions['backUp']>(),
    about: vi.fn<MenuActions['about']>(),
  };
}

describe('application menu', () => {
  it('sends the renderer its commands from File and View, with the accelerators', () => {
    const a = actions();
    const template = buildMenuTemplate({ appName: 'MLA Desk', isMac: false, isDev: false }, a);
    expect(template.map((t) => t.label ?? t.role)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    const click = (label: string) => (byLabel(template, label)?.click as () => void)();
    expect(byLabel(template, 'New request')?.accelerator).toBe('CmdOrCtrl+N');
    expect(byLabel(template, 'Find')?.accelerator).toBe('CmdOrCtrl+F');
    click('New request');
    click('Register');
    click('Find');
    expect(a.send.mock.calls).toEqual([['new-request'], ['open-register'], ['focus-search']]);
    click('Back up register…');
    expect(a.backUp).toHaveBeenCalledOnce();
    click('About MLA Desk');
    expect(a.about).toHaveBeenCalledOnce();
    expect(roles(template)).toEqual(
      expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
  });

  it('offers reload and developer tools only in development', () => {
    const prod = roles(buildMenuTemplate({ appName: 'MLA Desk', isMac: false, isDev: false }, actions()));
    expect(prod).not.toContain('reload');
    expect(prod).not.toContain('forceReload');
    expect(prod).not.toContain('toggleDevTools');
    const dev = roles(buildMenuTemplate({ appName: 'MLA Desk', isMac: false, isDev: true }, actions()));
    expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('follows macOS conventions: an app menu holding About and Quit', () => {
    const template = buildMenuTemplate({ appName: 'MLA Desk', isMac: true, isDev: false }, actions());
    expect(template[0]?.label).toBe('MLA Desk');
    const appMenu = items([template[0] ?? {}]);
    expect(appMenu.some((i) => i.role === 'quit')).toBe(true);
    expect(appMenu.some((i) => i.label === 'About MLA Desk')).toBe(true);
  });
});

describe('Back up register…', () => {
  const deps = () => ({
    defaultPath: '/home/me/Documents/MLA Desk register.sqlite',
    chooseFile: vi.fn(async (p: string): Promise<string | undefined> => p.replace('register', 'copy')),
    call: vi.fn(async (input: { file: string }) => ({
      ok: true as const,
      value: { file: input.file, bytes: 3 * 1024 * 1024 },
    })),
    report: vi.fn(async () => undefined),
  });

  it('asks where, has the database process copy the register, and reports the result', async () => {
    const d = deps();
    await backUpRegister(d);
    expect(d.chooseFile).toHaveBeenCalledWith('/home/me/Documents/MLA Desk register.sqlite');
    expect(d.call).toHaveBeenCalledWith({ file: '/home/me/Documents/MLA Desk copy.sqlite' });
    expect(d.report).toHaveBeenCalledWith('info', 'The register was backed up.', expect.stringContaining('3.0 MB'));
  });

  it('does nothing when the person cancels', async () => {
    const d = deps();
    d.chooseFile.mockResolvedValueOnce(undefined);
    await backUpRegister(d);
    expect(d.call).not.toHaveBeenCalled();
    expect(d.report).not.toHaveBeenCalled();
  });

  it('shows the error message when the backup fails', async () => {
    const d = deps();
    d.call.mockResolvedValueOnce({
      ok: false,
      error: { code: 'storage', message: 'already exists; choose another name.' },
    } as never);
    await backUpRegister(d);
    expect(d.report).toHaveBeenCalledWith(
      'error',
      'The register was not backed up.',
      'already exists; choose another name.',
    );
  });
});
