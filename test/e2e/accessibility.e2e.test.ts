import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Language } from '../../i18n/languages.ts';
import { addPeople, faultyFile, SAMPLE, seedRegister } from './accessibility-seed.ts';
import { screenSteps } from './accessibility-steps.ts';
import { closeWebApp, E2E_PASSWORD, E2E_PEOPLE, launchChromium, startWebApp, type WebApp } from './harness.ts';
import { switchLanguage } from './language-steps.ts';

/*
 * axe-core on every screen and main dialog, as each role sees it, in English and in Arabic
 * (right to left): no serious or critical violation of WCAG 2.1 A/AA or of axe's best
 * practices. Each screen is checked with expect.soft, so one run lists every screen that fails
 * and what to fix there. One app per language; each role signs in once. The screens before
 * sign-in follow the browser's language; after it, each person switches through Settings.
 */
const LANGUAGES: readonly Language[] = ['en', 'ar'];

describe.each(LANGUAGES)('every screen passes axe-core (%s)', (language) => {
  let app: WebApp;
  let browser: Browser;
  let disclosure = 0;
  /** Moderate and minor findings: printed for the record, not failed on. */
  const notes: string[] = [];

  beforeAll(async () => {
    app = await startWebApp({ people: false });
    browser = await launchChromium();
  });
  afterAll(async () => {
    if (notes.length > 0) console.info(`axe, moderate and minor (${language}):\n${notes.join('\n')}`);
    await closeWebApp(app, browser);
  });

  const { ui, startingWith, check, newPage, accountButton, signInAs, openAs, nav, button, dismiss } = screenSteps(
    language,
    { app: () => app, browser: () => browser },
    notes,
  );

  it('first run: the administrator’s account, then the recovery passphrase', async () => {
    const page = await newPage(true);
    await page.goto(app.url);
    await page.getByRole('heading', { name: ui('firstRun.title') }).waitFor();
    await check(page, 'first run');
    // A failed attempt shows its messages beside the fields.
    await button(page, 'firstRun.submit').click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    await check(page, 'first run, with errors');

    const admin = E2E_PEOPLE.administrator;
    await page.locator('input[autocomplete="username"]').fill(admin.username);
    await page.locator('input[autocomplete="name"]').fill(admin.displayName);
    await page.locator('input[autocomplete="new-password"]').nth(0).fill(E2E_PASSWORD);
    await page.locator('input[autocomplete="new-password"]').nth(1).fill(E2E_PASSWORD);
    await button(page, 'firstRun.submit').click();
    await button(page, 'security.makePassphrase').waitFor();
    await check(page, 'recovery passphrase, before');
    await button(page, 'security.makePassphrase').click();
    await page.getByTestId('recovery-passphrase').waitFor();
    await check(page, 'recovery passphrase, shown');
    await page.getByRole('checkbox', { name: ui('security.writtenDown') }).check();
    await button(page, 'security.setupContinue').click();
    await accountButton(page, 'administrator').waitFor();
    await page.close();

    await addPeople(app);
    disclosure = await seedRegister(app);
  });

  it('sign-in and the lock screen', async () => {
    const page = await newPage(true);
    await page.goto(app.url);
    await page.getByRole('heading', { name: ui('signIn.title') }).waitFor();
    await check(page, 'sign-in');
    await page.locator('input[autocomplete="username"]').fill('nobody');
    await page.locator('input[autocomplete="current-password"]').fill('not the password');
    await button(page, 'signIn.submit').click();
    await page.getByRole('alert').waitFor();
    await check(page, 'sign-in, refused');
    await signInAs(page, 'clerk');
    await switchLanguage(page, language);
    await accountButton(page, 'clerk').click();
    await check(page, 'account menu');
    await page.getByRole('menuitem', { name: ui('session.changePassword') }).click();
    await page.getByRole('dialog', { name: ui('session.changePassword') }).waitFor();
    await check(page, 'change-password dialog');
    await dismiss(page);
    await accountButton(page, 'clerk').click();
    await page.getByRole('menuitem', { name: ui('session.lock') }).click();
    await button(page, 'lock.unlock').waitFor();
    await check(page, 'lock screen');
    await page.close();
  });

  it('a clerk’s screens: Today, the register, a request and its dialogs, new request, import, directories', async () => {
    const page = await openAs('clerk');
    await nav(page, 'today.nav').click();
    await page.getByRole('link', { name: startingWith('today.cards.unreviewed.title') }).waitFor();
    await check(page, 'Today');

    // The register, with rows, its panels and menus.
    await nav(page, 'nav.register').click();
    const register = page.getByRole('table', { name: ui('register.title') });
    await register.locator('tbody tr').first().waitFor();
    await check(page, 'register');
    await button(page, 'register.moreFilters').click();
    await page.getByRole('combobox', { name: ui('register.offence'), exact: true }).waitFor();
    await check(page, 'register, every filter');
    await page.getByRole('combobox', { name: ui('register.status'), exact: true }).click();
    await page.getByRole('listbox').first().waitFor();
    await check(page, 'register, a filter’s options');
    await page.keyboard.press('Escape');
    await button(page, 'register.chooseColumns').click();
    await page.getByRole('checkbox', { name: ui('register.columns.reference'), exact: true }).waitFor();
    await check(page, 'register, columns menu');
    await page.keyboard.press('Escape');
    await button(page, 'register.views.button').click();
    await page.getByRole('textbox', { name: ui('register.views.name') }).waitFor();
    await check(page, 'register, views menu');
    await page.keyboard.press('Escape');
    await button(page, 'reports.export.button').click();
    await page.getByRole('menuitem').first().waitFor();
    await check(page, 'register, export menu');
    await page.keyboard.press('Escape');
    await register.locator('tbody input[type="checkbox"]').nth(1).check();
    await button(page, 'register.assign.button').click();
    await page.getByRole('dialog').waitFor();
    await check(page, 'register, assign dialog');
    await dismiss(page);
    await button(page, 'reports.status.button').click();
    await page.getByRole('dialog', { name: ui('reports.status.dialogTitle') }).waitFor();
    await check(page, 'register, status report dialog');
    await dismiss(page);

    // The search box's results.
    const search = page.getByRole('textbox', { name: ui('nav.search') });
    await search.fill('Kowalsk');
    await page.getByRole('listbox', { name: ui('search.results') }).waitFor();
    await check(page, 'search results');
    await page.keyboard.press('Escape');
    await search.fill('');

    // A request, each tab, and its dialogs.
    await page.evaluate(`window.location.hash = '#/requests/${disclosure}'`);
    await page.getByRole('heading', { level: 2, name: /^DIS-OUT-/ }).waitFor();
    await check(page, 'request, summary');
    const tabs = ['parties', 'eEvidence', 'documents', 'correspondence', 'history', 'links'];
    for (const tab of tabs) {
      await page.getByRole('tab', { name: startingWith(`requestTabs.${tab}`) }).click();
      await page.getByRole('tabpanel').waitFor();
      if (tab === 'documents' || tab === 'correspondence' || tab === 'history') {
        await page.getByRole('tabpanel').getByRole('table').waitFor();
      }
      await check(page, `request, ${tab}`);
    }
    await page.getByRole('tab', { name: startingWith('requestTabs.documents') }).click();
    await button(page, 'documents.checkAll').click();
    await page.getByText(ui('documents.intact'), { exact: true }).first().waitFor();
    await check(page, 'request, documents checked');
    const chooser = page.waitForEvent('filechooser');
    await button(page, 'documents.attach').click();
    await (await chooser).setFiles(SAMPLE);
    await page.getByRole('dialog', { name: ui('documents.attachTitle') }).waitFor();
    await check(page, 'attach-document dialog');
    await dismiss(page);
    await page.getByRole('tab', { name: startingWith('requestTabs.correspondence') }).click();
    await button(page, 'correspondence.add').click();
    await page.getByRole('dialog', { name: ui('correspondence.addTitle') }).waitFor();
    await check(page, 'correspondence dialog');
    await dismiss(page);
    await button(page, 'status.executed').click();
    await page.getByRole('dialog').waitFor();
    await check(page, 'change-status dialog');
    await dismiss(page);
    await button(page, 'requestTabs.recordLabel').click();
    await check(page, 'record-event menu');
    await page.getByRole('menuitem', { name: ui('eventType.note') }).click();
    await page.getByRole('dialog').waitFor();
    await check(page, 'event dialog');
    await dismiss(page);
    await button(page, 'requestForm.edit').click();
    await button(page, 'requestForm.saveChanges').waitFor();
    await check(page, 'request, editing');
    await button(page, 'requestForm.cancelEdit').click();

    // A new request: empty, then after a save that failed.
    await nav(page, 'nav.newRequest').click();
    await page.getByRole('heading', { name: ui('form.title') }).waitFor();
    await check(page, 'new request');
    await button(page, 'form.save').click();
    await page.getByText(ui('form.fixErrors')).waitFor();
    await check(page, 'new request, with errors');

    // Import and export: the wizard's mapping and preview, and the problems of a faulty file.
    await nav(page, 'interchange.nav').click();
    await page.getByRole('heading', { name: ui('interchange.title') }).waitFor();
    await check(page, 'import, choose a file');
    const sample = page.waitForEvent('filechooser');
    await button(page, 'interchange.file.choose').click();
    await (await sample).setFiles(SAMPLE);
    await button(page, 'interchange.next').waitFor();
    await check(page, 'import, mapping');
    await button(page, 'interchange.next').click();
    await button(page, 'interchange.check.run').waitFor();
    await check(page, 'import, preview');
    await button(page, 'interchange.back').click();
    await button(page, 'interchange.back').click();
    const faulty = page.waitForEvent('filechooser');
    await button(page, 'interchange.file.choose').click();
    await (await faulty).setFiles(faultyFile(app));
    await button(page, 'interchange.next').click();
    await button(page, 'interchange.check.run').click();
    await page.getByRole('table', { name: ui('interchange.check.caption') }).waitFor();
    await check(page, 'import, problems');

    // Directories: each tab and the entry dialog.
    await nav(page, 'directories.nav').click();
    for (const tab of ['counterpart', 'domestic', 'provider']) {
      await page.getByRole('tab', { name: ui(`directories.tabs.${tab}`) }).click();
      await page.getByRole('table', { name: ui(`directories.tabs.${tab}`) }).waitFor();
      await check(page, `directories, ${tab}`);
    }
    await button(page, 'directories.provider.add').click();
    await page.getByRole('dialog', { name: ui('directories.provider.addTitle') }).waitFor();
    await check(page, 'directory entry dialog');
    await dismiss(page);

    // The settings a clerk sees (read only), and the list of shortcuts.
    await nav(page, 'settings.nav').click();
    await page.getByRole('heading', { name: ui('settings.title'), level: 2 }).waitFor();
    await check(page, 'settings, as a clerk');
    await page.getByRole('heading', { name: ui('settings.title'), level: 2 }).click();
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: ui('shortcuts.title') }).waitFor();
    await check(page, 'shortcuts help');
    await page.close();
  });

  it('a manager’s statistics, with figures and charts', async () => {
    const page = await openAs('manager');
    await nav(page, 'statistics.nav').click();
    await page.getByTestId('headline').waitFor();
    await page.getByTestId('chart').first().waitFor();
    await check(page, 'statistics');
    await button(page, 'statistics.snapshots.freeze').click();
    await page.getByRole('dialog').waitFor();
    await check(page, 'freeze dialog');
    await page.close();
  });

  it('the administrator’s settings: every panel and the person dialog', async () => {
    const page = await openAs('administrator');
    await nav(page, 'settings.nav').click();
    await page.getByRole('table', { name: ui('people.title') }).waitFor();
    await button(page, 'backups.create').click();
    const backups = page.getByRole('table', { name: ui('backups.table') });
    await backups.waitFor();
    await check(page, 'settings, as the administrator');
    await button(page, 'people.add').click();
    await page.getByRole('dialog').waitFor();
    await check(page, 'person dialog');
    await dismiss(page);
    // A row's second button restores that backup.
    await backups.locator('tbody tr').first().getByRole('button').nth(1).click();
    await page.getByRole('dialog', { name: ui('backups.restoreTitle') }).waitFor();
    await check(page, 'restore dialog');
    await dismiss(page);
    await button(page, 'security.makeNewPassphrase').click();
    await page.getByRole('dialog', { name: ui('security.confirmTitle') }).waitFor();
    await check(page, 'new passphrase dialog');
    await page.close();
  });
});
