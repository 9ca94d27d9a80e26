import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../contract/dates.ts';
import type { Role } from '../../contract/roles.ts';
import type { Language } from '../../i18n/languages.ts';
import {
  callApi,
  closeWebApp,
  E2E_PASSWORD,
  E2E_PEOPLE,
  openWebApp,
  REPO,
  screenshotPath,
  sessionOf,
  type WebApp,
} from './harness.ts';
import { pageLanguage, switchLanguage, uiText } from './language-steps.ts';

/*
 * Issue 7: the interface in Arabic, right to left, and in English; each person's language kept
 * on their account. Every main screen is photographed in both (test-results/e2e/lang-*.png).
 */

const SAMPLE = path.join(REPO, 'test', 'fixtures', 'register-sample.csv');
/** An Arabic name beside Latin references and an IP address: the mixed text bidi must not scramble. */
const ARABIC_NAME = 'أحمد بن علي الحسيني';
const IP = '203.0.113.42';
const COUNTERPART_REFERENCE = '2026/0412-B';

let app: WebApp;
let browser: Browser;
let requestId: number;
let reference: string;

beforeAll(async () => {
  ({ app, browser } = await openWebApp());
  await importSample();
  const registered = await callApi<{ id: number; reference: string }>(app, 'requests.register', {
    direction: 'incoming',
    kind: 'preservation',
    counterpartCountry: 'EG',
    openedOn: localIsoDate(),
    counterpartAuthority: 'النيابة العامة، القاهرة',
    counterpartReference: COUNTERPART_REFERENCE,
    serviceProvider: 'Example Mail Ltd',
    summary: `حفظ بيانات الحساب المرتبط بعنوان IP ${IP} (${COUNTERPART_REFERENCE}).`,
    parties: [{ role: 'suspect', name: ARABIC_NAME, nationality: 'EG', identifiers: 'passport A1234567' }],
    identifiers: [
      {
        type: 'ip_address',
        value: IP,
        fromAt: '2026-02-01T08:00:00+02:00',
        toAt: '2026-02-01T09:30:00+02:00',
        timeZone: 'Africa/Cairo',
      },
    ],
  });
  ({ id: requestId, reference } = registered);
  await callApi(app, 'directories.counterpartAuthorities.save', {
    country: 'EG',
    name: 'النيابة العامة، القاهرة',
    email: 'mla@justice.example.eg',
    phone: '+20 2 2574 1234',
    address: 'شارع النيل ١٥، القاهرة',
  });
  await callApi(app, 'correspondence.add', {
    requestId: registered.id,
    onDate: localIsoDate(),
    direction: 'incoming',
    channel: 'email',
    summary: `طلب حفظ البيانات المرتبطة بعنوان IP ${IP}`,
    documentIds: [],
  });
  // The manager already reads MLA Desk in French: signing in after the clerk must not change that.
  await callApi(app, 'accounts.setLanguage', { language: 'fr' }, 'manager');
});

afterAll(() => closeWebApp(app, browser));

/** The sample register, imported as the browser's wizard does, so that every screen has data. */
async function importSample(): Promise<void> {
  const { origin, token } = sessionOf(app);
  const res = await fetch(`${origin}/upload`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'x-mla-session': app.sessions.clerk ?? '',
      'content-type': 'application/octet-stream',
    },
    body: fs.readFileSync(SAMPLE),
  });
  const upload = (await res.json()) as { value: { id: string } };
  const { jobId } = await callApi<{ jobId: string }>(app, 'interchange.import', {
    source: { kind: 'upload', id: upload.value.id },
    fileName: 'register-sample.csv',
  });
  for (let i = 0; i < 600; i++) {
    const job = await callApi<{ state: string; error: string | null }>(app, 'interchange.progress', { jobId });
    if (job.state === 'done') return;
    if (job.state === 'failed') throw new Error(`the import failed: ${job.error}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the import did not finish');
}

/** Signs in on the sign-in screen in whatever language it shows. */
async function signInAs(page: Page, role: Role): Promise<void> {
  const language = await pageLanguage(page);
  const person = E2E_PEOPLE[role];
  await page.getByRole('heading', { name: uiText(language, 'signIn.title') }).waitFor();
  await page.getByLabel(new RegExp(`^${escape(uiText(language, 'signIn.username'))}`)).fill(person.username);
  await page.getByLabel(new RegExp(`^${escape(uiText(language, 'signIn.password'))}`)).fill(E2E_PASSWORD);
  await page.getByRole('button', { name: uiText(language, 'signIn.submit') }).click();
  await accountButton(page, role).waitFor();
}

/** The header's account menu of the person of `role`, named in the page's language. */
function accountButton(page: Page, role: Role) {
  return page.locator('header button[aria-label]', { hasText: E2E_PEOPLE[role].displayName });
}

async function signOut(page: Page, role: Role): Promise<void> {
  const language = await pageLanguage(page);
  await accountButton(page, role).click();
  await page.getByRole('menuitem', { name: uiText(language, 'session.signOut') }).click();
  await page.getByRole('heading', { name: uiText(language, 'signIn.title') }).waitFor();
}

/** Waits for the screen's data and the end of transitions, then photographs the whole page. */
async function shoot(page: Page, language: Language, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  // The "language saved" message fades by itself; the screen is photographed without it.
  await page
    .locator('.mantine-Notification-root')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => {});
  await page
    .locator('.mantine-Loader-root')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => {});
  await page.waitForTimeout(250);
  await page.screenshot({ path: screenshotPath(`lang-${language}-${name}`), fullPage: true });
}

const TABS = [
  ['summary', 'requestTabs.summary'],
  ['parties', 'requestTabs.parties'],
  ['e-evidence', 'requestTabs.eEvidence'],
  ['documents', 'requestTabs.documents'],
  ['correspondence', 'requestTabs.correspondence'],
  ['history', 'requestTabs.history'],
  ['links', 'requestTabs.links'],
] as const;

/** Every main screen, photographed in the page's language. */
async function photographScreens(page: Page): Promise<void> {
  const language = await pageLanguage(page);
  const screens: [string, string][] = [
    ['today', '#/today'],
    ['register', '#/register'],
    ['new-request', '#/new'],
    ['statistics', '#/statistics'],
    ['import-export', '#/import'],
    ['directories', '#/directories'],
    ['settings', '#/settings'],
  ];
  for (const [name, href] of screens) {
    await page.locator(`nav a[href="${href}"]`).click();
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    if (name === 'statistics') await page.getByTestId('headline').waitFor();
    if (name === 'register') await page.locator('[role="row"][data-index="0"] a').waitFor();
    await shoot(page, language, name);
  }
  await page.goto(`${app.url.split('#')[0]}#/requests/${requestId}`);
  await page.getByRole('heading', { name: reference, level: 2 }).waitFor();
  for (const [name, key] of TABS) {
    await page.getByRole('tab', { name: new RegExp(`^${escape(uiText(language, key))}`) }).click();
    await shoot(page, language, `request-${name}`);
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the interface in Arabic and in English', () => {
  it('switches to right-to-left Arabic in Settings, keeps it per person, and shows every screen in both', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    page.setDefaultTimeout(20_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(app.url);

    // Nobody has signed in on this computer: the browser's language decides.
    await page.locator('html[lang="en"][dir="ltr"]').waitFor();
    await signInAs(page, 'clerk');
    await photographScreens(page);

    await switchLanguage(page, 'ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    // The navigation sits on the right, the work area on its left.
    const nav = await page.locator('nav').first().boundingBox();
    const main = await page.locator('main').first().boundingBox();
    if (!nav || !main) throw new Error('no navigation or main area');
    expect(nav.x).toBeGreaterThan(main.x);
    expect(nav.x + nav.width).toBeCloseTo(1440, -1);
    await photographScreens(page);

    // The request's header and its people: the Arabic name whole, the references and the IP
    // address left to right inside the right-to-left page.
    await page.getByRole('tab', { name: new RegExp(`^${escape(uiText('ar', 'requestTabs.parties'))}`) }).click();
    await page.getByText(ARABIC_NAME).waitFor();
    await page.getByRole('tab', { name: uiText('ar', 'requestTabs.eEvidence') }).click();
    const ip = page.locator('bdi[dir="ltr"]', { hasText: IP });
    await ip.first().waitFor();

    // Signed out and in again: still Arabic, before and after signing in.
    await signOut(page, 'clerk');
    expect(await pageLanguage(page)).toBe('ar');
    await page.locator('html[dir="rtl"]').waitFor();
    await shoot(page, 'ar', 'sign-in');
    await signInAs(page, 'clerk');
    expect(await pageLanguage(page)).toBe('ar');

    // Another person keeps their own language (French), and the sign-in screen then shows theirs.
    await signOut(page, 'clerk');
    await signInAs(page, 'manager');
    await page.locator('html[lang="fr"][dir="ltr"]').waitFor();
    await signOut(page, 'manager');
    expect(await pageLanguage(page)).toBe('fr');

    // The clerk's Arabic came back from their account, not from this computer.
    await signInAs(page, 'clerk');
    await page.locator('html[lang="ar"][dir="rtl"]').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
