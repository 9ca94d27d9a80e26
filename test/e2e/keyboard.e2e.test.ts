import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../contract/dates.ts';
import type { Role } from '../../contract/roles.ts';
import { makePdf } from './documents-steps.ts';
import { expectFocus, focused, pressTo, tabTo } from './keyboard-steps.ts';
import {
  callApi,
  closeWebApp,
  E2E_PASSWORD,
  E2E_PEOPLE,
  interceptFileChoosers,
  openWebApp,
  screenshotPath,
  type WebApp,
} from './harness.ts';

/*
 * The main flows with the keyboard alone: Tab and Shift+Tab, Enter, Space, the arrow keys,
 * Escape and typing; no click and no fill. The operating system's file chooser and downloads
 * are outside the app, so the test answers those (filechooser, download events). Outcomes are
 * read from the page and, where simpler, from the API.
 */

let app: WebApp;
let browser: Browser;
const TODAY = localIsoDate();
const YEAR = Number(TODAY.slice(0, 4));

beforeAll(async () => ({ app, browser } = await openWebApp()));
afterAll(() => closeWebApp(app, browser));

const call = <T>(channel: string, input: object, as: Role = 'clerk') => callApi<T>(app, channel, input, as);

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  page.setDefaultTimeout(20_000);
  interceptFileChoosers(page);
  return page;
}

/** Signs in on the sign-in screen by typing, as the person of `role`. */
async function signInByKeyboard(page: Page, role: Role): Promise<void> {
  await page.goto(app.url);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await tabTo(page, page.getByLabel('Sign-in name'));
  await page.keyboard.type(E2E_PEOPLE[role].username);
  await page.keyboard.press('Tab');
  await expectFocus(page.getByLabel(/^Password/), 'the password');
  await page.keyboard.type(E2E_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: `Account of ${E2E_PEOPLE[role].displayName}` }).waitFor();
}

const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`keyboard-${name}`) });

describe('the main flows by keyboard alone', () => {
  let page: Page;
  let requestId = 0;
  let reference = '';

  beforeAll(async () => {
    page = await newPage();
  });
  afterAll(() => page.close());

  it('signs in, then starts with a skip link, the header, the navigation and the screen', async () => {
    await signInByKeyboard(page, 'clerk');
    // As when the app is opened (the tab keeps its session): the keyboard starts from the top.
    await page.reload();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    const order: string[] = [];
    for (let i = 0; i < 11; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused(page));
      if (i === 0) await shot(page, '01-skip-link');
    }
    expect(order).toEqual([
      'Skip to main content',
      'Find by reference',
      'Account of Amina Clerk',
      'Today',
      'Register',
      'New request',
      'Import and export',
      'Directories',
      'Statistics',
      'Settings',
      'Register a request',
    ]);
    // The skip link goes straight to the screen.
    await tabTo(page, page.getByRole('link', { name: 'Skip to main content' }), { back: true });
    await page.keyboard.press('Enter');
    await expectFocus(page.getByRole('main'), 'the main content');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Register a request');
  });

  it('registers a request', async () => {
    await tabTo(page, page.getByRole('link', { name: 'New request' }), { back: true });
    await shot(page, '02-navigation');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'New request' }).waitFor();

    // Direction: the radio group's arrow keys.
    await tabTo(page, page.getByRole('radio', { name: 'Incoming' }));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('radio', { name: 'Outgoing' }).isChecked()).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByRole('radio', { name: 'Incoming' }).isChecked()).toBe(true);

    // Kind: open the list with the arrow key, choose with the arrows and Enter.
    const kind = page.getByRole('combobox', { name: /^Kind/ });
    await tabTo(page, kind);
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'Mutual legal assistance' }).waitFor();
    await page.keyboard.press('Enter');
    expect(await kind.inputValue()).toBe('Mutual legal assistance');

    // The day it was received: a date box typed month, day, year (Chromium's en-US order).
    const received = page.getByLabel(/^Received on/);
    await tabTo(page, received);
    await page.keyboard.type(`${TODAY.slice(5, 7)}${TODAY.slice(8, 10)}${TODAY.slice(0, 4)}`);
    expect(await received.inputValue()).toBe(TODAY);

    // The country: typed into the searchable list, chosen with Down and Enter.
    const country = page.getByRole('combobox', { name: /^Counterpart country/ });
    await tabTo(page, country);
    await page.keyboard.type('Franc');
    await page.getByRole('option', { name: /^France \(FR\)/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await country.inputValue()).toBe('France (FR)');
    await shot(page, '03-form-field');

    await tabTo(page, page.getByRole('textbox', { name: 'Their reference' }));
    await page.keyboard.type('FR/2026/0412');

    // A person concerned: the new card's first field takes the focus.
    await tabTo(page, page.getByRole('button', { name: 'Add a person or entity' }));
    await page.keyboard.press('Enter');
    await expectFocus(
      page.getByRole('group', { name: 'Person or entity 1' }).getByRole('combobox', { name: 'Role' }),
      'the new person’s role',
    );
    await page.keyboard.press('Tab');
    await page.keyboard.type('Jean Dupont-Keyboard');

    await tabTo(page, page.getByRole('button', { name: 'Register request' }));
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 2, name: /^MLA-IN-\d{4}-\d{5}$/ });
    await heading.waitFor();
    reference = await heading.innerText();
    requestId = Number(/#\/requests\/(\d+)$/.exec(page.url())?.[1]);
    const detail = await call<{ counterpartCountry: string; openedOn: string; parties: { name: string }[] }>(
      'requests.get',
      { id: requestId },
    );
    expect(detail).toMatchObject({
      counterpartCountry: 'FR',
      openedOn: TODAY,
      parties: [{ name: 'Jean Dupont-Keyboard' }],
    });
  });

  it('changes its status, and each dialog gives the focus back to what opened it', async () => {
    const underReview = page.getByRole('button', { name: 'Under review', exact: true });
    await tabTo(page, underReview);
    await shot(page, '04-next-step');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Move ${reference} to “Under review”` });
    await dialog.waitFor();
    await expectFocus(dialog.getByLabel(/^Date of the change/), 'the date of the change');

    // Escape closes the dialog and the focus is back on its button.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expectFocus(underReview, 'the “Under review” button');

    // Again, this time to the end: a note, then Confirm.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    // Tab goes through the date's month, day and year first, then to the note.
    await tabTo(page, dialog.getByRole('textbox', { name: 'Note' }));
    await page.keyboard.type('Complete; sent to the Paris prosecutor for execution.');
    await shot(page, '05-status-dialog');
    await tabTo(page, dialog.getByRole('button', { name: 'Confirm' }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.mantine-Badge-root', { hasText: 'Under review' }).first().waitFor();
    // The button is gone with the status it offered: the focus stays among the next steps.
    await expect
      .poll(() =>
        page.evaluate(
          `document.activeElement?.closest('.mantine-Paper-root')?.querySelector('h3')?.textContent ?? 'body'`,
        ),
      )
      .toBe('Next steps');
    expect((await call<{ status: string }>('requests.get', { id: requestId })).status).toBe('under_review');

    // A dialog opened from a menu gives the focus back to the menu's button.
    const record = page.getByRole('button', { name: 'Record an event' });
    await tabTo(page, record);
    await page.keyboard.press('Enter');
    await pressTo(page, 'ArrowDown', page.getByRole('menuitem', { name: 'Note' }));
    await shot(page, '06-menu');
    await page.keyboard.press('Enter');
    const note = page.getByRole('dialog', { name: `Note — ${reference}` });
    await note.waitFor();
    await page.keyboard.press('Escape');
    await note.waitFor({ state: 'detached' });
    await expectFocus(record, 'the “Record an event” button');
  });

  it('attaches a document', async () => {
    // The tabs: one Tab stop, the arrow keys move between them.
    const summary = page.getByRole('tab', { name: 'Summary' });
    await tabTo(page, summary);
    const documentsTab = page.getByRole('tab', { name: 'Documents' });
    await pressTo(page, 'ArrowRight', documentsTab);
    await expect.poll(() => documentsTab.getAttribute('aria-selected')).toBe('true');

    const attach = page.getByRole('button', { name: 'Attach files…' });
    await tabTo(page, attach);
    await shot(page, '07-attach-button');
    const file = path.join(app.dataDir, 'Demande d’entraide.pdf');
    await makePdf(file);
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(file);
    const dialog = page.getByRole('dialog', { name: 'Attach files' });
    await dialog.waitFor();
    await expectFocus(dialog.getByRole('combobox', { name: /^Type/ }), 'the document’s type');
    await tabTo(page, dialog.getByRole('textbox', { name: 'Note' }));
    await page.keyboard.type('Received by e-mail from the Paris prosecutor');
    await shot(page, '08-attach-dialog');
    await tabTo(page, dialog.getByRole('button', { name: 'Attach 1 file' }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('table', { name: `Documents of ${reference}` })
      .getByText('Demande d’entraide.pdf')
      .waitFor();
    await expectFocus(attach, 'the “Attach files…” button');
    const documents = await call<{ originalName: string; note: string }[]>('documents.list', { requestId });
    expect(documents).toMatchObject([
      { originalName: 'Demande d’entraide.pdf', note: 'Received by e-mail from the Paris prosecutor' },
    ]);
  });

  it('finds a request with the search box and opens it', async () => {
    const other = await call<{ id: number; reference: string }>('requests.register', {
      direction: 'incoming',
      kind: 'mla',
      openedOn: TODAY,
      counterpartCountry: 'PL',
      parties: [{ role: 'suspect', name: 'Żaneta Kowalska' }],
    });
    // Ctrl+F, as the shortcut list says; then the results with the arrow keys.
    await page.keyboard.press('Control+f');
    await expectFocus(page.getByRole('textbox', { name: 'Find by reference' }), 'the search box');
    await page.keyboard.type('Kowalska');
    const results = page.getByRole('listbox', { name: 'Requests found' });
    await results.getByRole('option', { name: new RegExp(other.reference) }).waitFor();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => results.getByRole('option').first().getAttribute('aria-selected')).toBe('true');
    await shot(page, '09-search');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/requests/${other.id}$`));
    await page.getByRole('heading', { level: 2, name: other.reference, exact: true }).waitFor();

    // And in the register's list: Ctrl+Shift+R, Tab into the list, the arrow keys, Enter.
    await page.keyboard.press('Control+Shift+R');
    const list = page.getByRole('table', { name: 'Register' });
    await list.getByRole('row', { name: new RegExp(reference) }).waitFor();
    await tabTo(page, page.locator('[aria-describedby]', { has: list }));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = list.locator('tbody tr[data-index="1"]');
    await expectFocus(second, 'the second row');
    await shot(page, '11-register-row');
    const opened = await second.innerText();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/requests\/\d+$/);
    const heading = await page.getByRole('heading', { level: 2, name: /^[A-Z]{3}-(IN|OUT)-\d{4}-\d{5}$/ }).innerText();
    expect(opened).toContain(heading);
  });
});

describe('a manager by keyboard alone', () => {
  it('exports the year’s statistics', async () => {
    // Figures for this year: requests received this year, one of them already executed.
    for (const country of ['DE', 'AT', 'CH']) {
      await call('requests.register', {
        direction: 'incoming',
        kind: 'mla',
        openedOn: TODAY,
        counterpartCountry: country,
      });
    }
    const page = await newPage();
    await signInByKeyboard(page, 'manager');
    await tabTo(page, page.getByRole('link', { name: 'Statistics' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Statistics' }).waitFor();

    // This year, chosen from the list of years with the arrow keys.
    const year = page.getByRole('combobox', { name: 'Year' });
    await tabTo(page, year);
    await page.keyboard.press('ArrowDown');
    const option = page.getByRole('option', { name: String(YEAR) });
    await option.waitFor();
    for (let i = 0; i < 10 && (await option.getAttribute('data-combobox-selected')) === null; i++) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    expect(await year.inputValue()).toBe(String(YEAR));
    await page.getByText(`Incoming, Mutual legal assistance, ${YEAR}`).waitFor();

    const xlsx = page
      .getByRole('group', { name: `Export the figures of ${YEAR}` })
      .getByRole('button', { name: 'XLSX' });
    await tabTo(page, xlsx);
    await shot(page, '10-statistics-export');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(new RegExp(`^statistics-${YEAR}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    const bytes = fs.readFileSync(await saved.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // an XLSX is a zip
    await page.getByText(`Saved ${saved.suggestedFilename()}.`).waitFor();
    await page.close();
  });
});
