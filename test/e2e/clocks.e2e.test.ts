import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../contract/dates.ts';
import type { ClockSettings } from '../../contract/settings.ts';
import { callApi, closeWebApp, openWebApp, screenshotPath, openSignedInPage, type WebApp } from './harness.ts';

let app: WebApp;
let browser: Browser;
beforeAll(async () => ({ app, browser } = await openWebApp()));
afterAll(() => closeWebApp(app, browser));

const TODAY = localIsoDate();
const daysFrom = (days: number) => {
  const d = new Date(`${TODAY}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

type Saved = { id: number; version: number; reference: string };
const call = (channel: string, input: object) => callApi<Saved>(app, channel, input);

function openApp(role: 'clerk' | 'administrator'): Promise<{ page: Page; errors: string[] }> {
  return openSignedInPage(browser, app, { viewport: { width: 1366, height: 900 }, role });
}

describe('legal clocks: set in Settings, shown on the request and on Today', () => {
  it('lets the administrator set the office calendar and a clock’s length', async () => {
    const { page, errors } = await openApp('administrator');
    await page.evaluate("window.location.hash = '#/settings'");
    const form = page.getByRole('form', { name: 'Legal clocks' });
    const weekend = form.getByRole('group', { name: /Weekend days/ });
    await weekend.getByRole('checkbox', { name: 'Sunday' }).uncheck();
    await weekend.getByRole('checkbox', { name: 'Friday' }).check();
    await form.getByLabel('Holiday to add').fill(daysFrom(30));
    await form.getByRole('button', { name: 'Add the holiday' }).click();
    await form.getByRole('textbox', { name: 'European Production Order: Length' }).fill('12');
    await page.screenshot({ path: screenshotPath('30-settings-clocks'), fullPage: true });
    await form.getByRole('button', { name: 'Save the clocks' }).click();
    await page.getByText('Clock settings saved.').waitFor();
    const saved = await callApi<ClockSettings>(app, 'clocks.settings', {});
    expect(saved).toMatchObject({
      weekendDays: [5, 6],
      holidays: [daysFrom(30)],
      lengths: { epoProduction: { length: 12, unit: 'calendar_days' } },
    });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a request’s clocks beside it, and the overdue one on Today, which opens the request', async () => {
    // An EIO received 40 days ago and still under review: its 30 days to decide ran out.
    const eio = await call('requests.register', {
      direction: 'incoming',
      kind: 'mla',
      legalBasis: 'eu_eio',
      counterpartCountry: 'DE',
      counterpartReference: 'DE/EIO/26/9',
      openedOn: daysFrom(-40),
    });
    await call('requests.transition', {
      id: eio.id,
      to: 'under_review',
      on: daysFrom(-39),
      expectedVersion: eio.version,
    });
    // An emergency production order sent now: 8 hours to run.
    const epo = await call('requests.register', {
      direction: 'outgoing',
      kind: 'emergency_disclosure',
      legalBasis: 'eu_e_evidence',
      counterpartCountry: 'IE',
    });
    await call('requests.transition', {
      id: epo.id,
      to: 'sent',
      on: TODAY,
      expectedVersion: epo.version,
      overrideReason: 'Seeded for the clocks',
    });

    const { page, errors } = await openApp('clerk');
    const section = page.getByRole('region', { name: 'Legal clocks' });
    await section.getByText(/overdue, .* due soon/).waitFor();
    const list = section.getByRole('table', { name: /Legal clocks overdue or due soon/ });
    const late = list.getByRole('row', { name: /EIO: decision on recognition/ });
    await expect(late.textContent()).resolves.toMatch(/Overdue by \d+ days?/);
    await page.screenshot({ path: screenshotPath('31-today-clocks'), fullPage: true });

    await list.getByRole('link', { name: eio.reference }).click();
    const panel = page.getByRole('region', { name: 'Clocks' });
    const rows = panel.getByRole('table', { name: 'Clocks' });
    await rows
      .getByRole('row', { name: /EIO: decision on recognition/ })
      .getByText(/Overdue by/)
      .waitFor();
    await expect(rows.getByRole('row', { name: /EIO: execution/ }).textContent()).resolves.toContain(
      'Starts with the decision to execute',
    );
    await page.screenshot({ path: screenshotPath('32-request-clocks') });

    await page.evaluate(`window.location.hash = '#/requests/${epo.id}'`);
    const emergency = page.getByRole('table', { name: 'Clocks' }).getByRole('row', { name: /emergency/ });
    await expect(emergency.textContent()).resolves.toMatch(/(7|8) hours? left|\d+ minutes? left/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
