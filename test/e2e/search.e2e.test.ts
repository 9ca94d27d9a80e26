import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../contract/dates.ts';
import { callApi, closeWebApp, openWebApp, screenshotPath, openSignedInPage, type WebApp } from './harness.ts';

let app: WebApp;
let browser: Browser;
beforeAll(async () => ({ app, browser } = await openWebApp()));
afterAll(() => closeWebApp(app, browser));

const call = (channel: string, input: object) => callApi<{ id: number; reference: string }>(app, channel, input);

function openApp(): Promise<{ page: Page; errors: string[] }> {
  return openSignedInPage(browser, app, { viewport: { width: 1366, height: 900 } });
}

describe('the search box in the header', () => {
  it('shows results while a name is typed and opens one with the keyboard', async () => {
    const incoming = { direction: 'incoming', kind: 'mla', openedOn: localIsoDate() };
    await call('requests.register', {
      ...incoming,
      counterpartCountry: 'DE',
      parties: [{ role: 'suspect', name: 'Jürgen Müller' }],
    });
    const second = await call('requests.register', {
      ...incoming,
      counterpartCountry: 'AT',
      summary: 'Fraud: investigation concerning Anna Müller and the company Alpen Handel GmbH',
    });
    await call('requests.register', { ...incoming, counterpartCountry: 'FR', summary: 'Theft by Marie Dubois' });
    const { page, errors } = await openApp();
    await page.getByRole('heading', { name: 'Today' }).waitFor();

    // Ctrl+F (Find) puts the cursor in the box; results come as the name is typed.
    await page.keyboard.press('Control+f');
    const box = page.getByRole('textbox', { name: 'Find by reference' });
    await page.keyboard.type('mull', { delay: 60 });
    expect(await box.inputValue()).toBe('mull');
    const results = page.getByRole('listbox', { name: 'Requests found' });
    await results.waitFor();
    const options = results.getByRole('option');
    await expect.poll(() => options.count()).toBe(3); // two requests, and "show every match"
    // The person's name outranks a mention in a summary; the match is marked.
    expect(await options.nth(0).innerText()).toContain('in persons and entities');
    expect(await options.nth(1).innerText()).toContain(second.reference);
    expect(await options.nth(1).locator('mark').innerText()).toBe('Müll');
    await page.screenshot({ path: screenshotPath('search-01-results-as-you-type') });

    // Down twice to the second request, Enter opens it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/requests/${second.id}$`));
    await page.getByRole('heading', { name: second.reference }).waitFor();
    await results.waitFor({ state: 'detached' });
    await page.screenshot({ path: screenshotPath('search-02-opened'), fullPage: true });

    // Enter with nothing chosen lists every match in the register.
    await box.fill('müller');
    await results.waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/register\?text=m%C3%BCller$/);
    await page.getByText('2 requests').waitFor();

    expect(errors).toEqual([]);
  });

  it('finds an outgoing draft by a phrase of its drafting and says where it matched', async () => {
    const draft = await call('requests.register', {
      direction: 'outgoing',
      kind: 'mla',
      openedOn: null,
      counterpartCountry: 'CY',
      proceedingsNature: 'Investigation into the laundering of the proceeds of a fraud',
      purpose: 'To trace the transfers to the Limassol trust',
    });
    const { page, errors } = await openApp();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('limassol trust', { delay: 30 });
    const options = page.getByRole('listbox', { name: 'Requests found' }).getByRole('option');
    await expect.poll(() => options.count()).toBe(2); // the draft, and "show every match"
    const hit = await options.nth(0).innerText();
    expect(hit).toContain(draft.reference);
    expect(hit).toContain('in request drafting (proceedings, purpose…)');
    expect(await options.nth(0).locator('mark').allInnerTexts()).toEqual(['Limassol', 'trust']);
    await page.screenshot({ path: screenshotPath('search-03-drafting-match') });
    expect(errors).toEqual([]);
  });
});
