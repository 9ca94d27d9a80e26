import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '../../contract/roles.ts';
import { launchChromium, startWebProcess } from '../../scripts/web-process.ts';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = path.join(REPO, 'test-results', 'e2e');

/** Everyone in an end-to-end office shares this password. */
export const E2E_PASSWORD = 'correct horse battery staple';

/** One person per role; the administrator is created at first run and adds the others. */
export const E2E_PEOPLE = {
  administrator: { username: 'ada', displayName: 'Ada Admin' },
  clerk: { username: 'amina', displayName: 'Amina Clerk' },
  prosecutor: { username: 'paul', displayName: 'Paul Prosecutor', authority: 'Parquet de Paris' },
  manager: { username: 'marta', displayName: 'Marta Manager' },
} as const satisfies Record<Role, { username: string; displayName: string; authority?: string }>;

export interface WebApp {
  url: string;
  dataDir: string;
  /** Each role's signed-in session, for calls made from the test (empty when started without people). */
  sessions: Partial<Record<Role, string>>;
  stop(): Promise<void>;
}

/**
 * Starts `npm run web` on a free port with its own data folder; resolves with the page address.
 * Unless told `people: false` (a first run), the office's people are set up over HTTP first.
 */
export async function startWebApp(options: { people?: boolean } = {}): Promise<WebApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mla-desk-e2e-'));
  const server = await startWebProcess('npm', ['run', 'web', '--', '--port', '0'], {
    cwd: REPO,
    dataDir,
    timeoutMs: 90_000,
    name: 'npm run web',
  });
  const stop = async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const url = new URL(server.url);
    const token = /token=([0-9a-f]+)/.exec(url.hash)?.[1] ?? '';
    const sessions = options.people === false ? {} : await setUpPeople(url.origin, token);
    return { url: server.url, dataDir, sessions, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** One call over HTTP with the start token and, if given, a session; answers the envelope. */
async function post(
  base: string,
  token: string,
  channel: string,
  input: unknown,
  session?: string,
): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  const res = await fetch(`${base}/api/${channel}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(session ? { 'x-mla-session': session } : {}),
    },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
}

/**
 * First run over HTTP: the administrator, who adds a clerk, a prosecutor and a manager; each is
 * then signed in. Answers the sessions by role.
 */
export async function setUpPeople(base: string, token: string): Promise<Record<Role, string>> {
  const must = async (channel: string, input: unknown, session?: string) => {
    const envelope = await post(base, token, channel, input, session);
    if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
    return envelope.value as { token: string };
  };
  const { administrator, ...others } = E2E_PEOPLE;
  const admin = await must('accounts.createFirstAdministrator', { ...administrator, password: E2E_PASSWORD });
  const sessions = { administrator: admin.token } as Record<Role, string>;
  for (const [role, person] of Object.entries(others) as [Role, (typeof others)[keyof typeof others]][]) {
    await must('accounts.add', { ...person, role, password: E2E_PASSWORD }, admin.token);
    sessions[role] = (await must('accounts.signIn', { username: person.username, password: E2E_PASSWORD })).token;
  }
  return sessions;
}

/** Signs in on the page's sign-in screen as the person of `role`, and waits for the app. */
export async function signIn(page: Page, role: Role = 'clerk'): Promise<void> {
  const person = E2E_PEOPLE[role];
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Sign-in name').fill(person.username);
  await page.getByLabel(/^Password/).fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: `Account of ${person.displayName}` }).waitFor();
}

/** How a test's page is opened: its window, and whether it takes downloads. */
export interface PageOptions {
  viewport: { width: number; height: number };
  role?: Role;
  acceptDownloads?: boolean;
}

/**
 * A page of the web app signed in as the person of `role` (a clerk unless told), which keeps
 * the page's script errors in `errors` for the test to check, and answers file choosers.
 */
export async function openSignedInPage(
  browser: Browser,
  app: WebApp,
  options: PageOptions,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: options.viewport, acceptDownloads: options.acceptDownloads ?? false });
  page.setDefaultTimeout(20_000);
  interceptFileChoosers(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.url);
  await signIn(page, options.role ?? 'clerk');
  return { page, errors };
}

/**
 * For pages without the sign-in screen (a screen mounted on its own): the tab holds a session
 * before its scripts run, as it would after signing in.
 */
export async function holdSession(page: Page, session: string): Promise<void> {
  await page.addInitScript(`sessionStorage.setItem('mla-desk-session', ${JSON.stringify(session)});`);
}

/**
 * Keeps Chromium intercepting the page's file choosers from its creation on. Playwright turns
 * interception on only when a 'filechooser' listener is added, and does not wait for it: a key
 * press sent straight after `waitForEvent('filechooser')` can open a chooser that is not
 * intercepted, which headless Chromium cancels (the race of puppeteer#6040). With a listener
 * from the start, `waitForEvent` finds interception already on.
 */
export function interceptFileChoosers(page: Page): void {
  page.on('filechooser', () => undefined);
}

export { launchChromium };

export function screenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}

/** The web app and Chromium that a file's tests share: started before them, stopped after. */
export async function openWebApp(options: { people?: boolean } = {}): Promise<{ app: WebApp; browser: Browser }> {
  const app = await startWebApp(options);
  try {
    return { app, browser: await launchChromium() };
  } catch (e) {
    await app.stop();
    throw e;
  }
}

export async function closeWebApp(app: WebApp | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await app?.stop();
}

/** The web app's origin and the tab's token, from the address it printed. */
export function sessionOf(app: WebApp): { origin: string; token: string } {
  const url = new URL(app.url);
  return { origin: url.origin, token: /token=([0-9a-f]+)/.exec(url.hash)?.[1] ?? '' };
}

/** Calls the HTTP API as the page does, signed in as `as` (a clerk by default); answers the envelope as it came. */
export function apiEnvelope(
  app: WebApp,
  channel: string,
  input: unknown,
  as: Role = 'clerk',
): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  const { origin, token } = sessionOf(app);
  return post(origin, token, channel, input, app.sessions[as]);
}

/** Calls the HTTP API as the page does; a refusal fails the test with the register's words. */
export async function callApi<T>(app: WebApp, channel: string, input: unknown, as: Role = 'clerk'): Promise<T> {
  const envelope = await apiEnvelope(app, channel, input, as);
  if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}
