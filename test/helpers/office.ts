import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ApiHost, createApiHost } from '../../api/host.ts';
import type { Person, SignedIn } from '../../contract/accounts.ts';
import type { ChannelName } from '../../contract/channels.ts';
import type { Envelope } from '../../contract/errors.ts';
import type { Role } from '../../contract/roles.ts';
import { MIGRATIONS } from './temp-register.ts';

/** Everyone in a test office shares this password. */
export const PASSWORD = 'correct horse battery staple';

/** The prosecutor belongs to this domestic authority. */
export const PROSECUTOR_AUTHORITY = 'Parquet de Paris';

export const PEOPLE = {
  administrator: { username: 'ada', displayName: 'Ada Admin', role: 'administrator' },
  clerk: { username: 'amina', displayName: 'Amina Clerk', role: 'clerk' },
  prosecutor: { username: 'paul', displayName: 'Paul Prosecutor', role: 'prosecutor', authority: PROSECUTOR_AUTHORITY },
  manager: { username: 'marta', displayName: 'Marta Manager', role: 'manager' },
} as const satisfies Record<Role, { username: string; displayName: string; role: Role; authority?: string }>;

/** Who calls: a signed-in person of each role, or nobody. */
export type Who = Role | 'anonymous';

export interface Office {
  host: ApiHost;
  people: Record<Role, Person>;
  /** Each role's current session token (replaced when a call opens a new one). */
  tokens: Record<Role, string>;
  /** A call through the API host, as `who`, on their session. */
  call(who: Who, channel: ChannelName, input: unknown): Promise<Envelope<unknown>>;
  /** The same, failing the test with the register's words if refused. */
  value<T>(who: Who, channel: ChannelName, input: unknown): Promise<T>;
  close(): void;
}

/**
 * A register behind a real API host (sessions and all), with one signed-in person per role:
 * the administrator created at first run, the others added by them, each then signed in.
 * Its folder lives until close(), so a file's tests can share one office (beforeAll/afterAll).
 */
export async function openOffice(options: { now?: () => Date } = {}): Promise<Office> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mla-desk-office-'));
  const host = createApiHost({
    databaseFile: path.join(dir, 'register.sqlite'),
    migrationsFolder: MIGRATIONS,
    app: { name: 'MLA Desk', version: '0.0.0-test' },
    ...(options.now ? { now: options.now } : {}),
    log: () => undefined,
  });
  const tokens = {} as Record<Role, string>;
  const call = (who: Who, channel: ChannelName, input: unknown) =>
    host.handle(channel, input, who === 'anonymous' ? null : tokens[who]);
  async function value<T>(who: Who, channel: ChannelName, input: unknown): Promise<T> {
    const reply = await call(who, channel, input);
    if (!reply.ok) throw new Error(`${channel} as ${who}: ${JSON.stringify(reply.error)}`);
    return reply.value as T;
  }
  const { administrator, ...others } = PEOPLE;
  const first = await value<SignedIn>('anonymous', 'accounts.createFirstAdministrator', {
    username: administrator.username,
    displayName: administrator.displayName,
    password: PASSWORD,
  });
  tokens.administrator = first.token;
  for (const person of Object.values(others)) {
    await value('administrator', 'accounts.add', { ...person, password: PASSWORD });
    const signedIn = await value<SignedIn>('anonymous', 'accounts.signIn', {
      username: person.username,
      password: PASSWORD,
    });
    tokens[person.role] = signedIn.token;
  }
  const list = await value<Person[]>('administrator', 'accounts.list', {});
  const people = Object.fromEntries(list.map((p) => [p.role, p])) as Record<Role, Person>;
  const close = () => {
    host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { host, people, tokens, call, value, close };
}
