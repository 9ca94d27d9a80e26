import fs from 'node:fs';
import path from 'node:path';
import { callApi, E2E_PASSWORD, E2E_PEOPLE, REPO, sessionOf, type WebApp } from './harness.ts';

/*
 * The office and register the accessibility test looks at: people of every role, the sample's
 * 400 requests (statistics of past years), and one disclosure with something in every tab.
 */

export const SAMPLE = path.join(REPO, 'test', 'fixtures', 'register-sample.csv');

/**
 * The administrator made on the first-run screen signs in over HTTP and adds the others; each
 * is signed in. Each sign-in goes without a session: one sent along is the one signed in again.
 */
export async function addPeople(app: WebApp): Promise<void> {
  const signIn = async (role: keyof typeof E2E_PEOPLE) => {
    const { username } = E2E_PEOPLE[role];
    const signedIn = await callApi<{ token: string }>(
      app,
      'accounts.signIn',
      { username, password: E2E_PASSWORD },
      role,
    );
    app.sessions[role] = signedIn.token;
  };
  await signIn('administrator');
  for (const role of ['clerk', 'prosecutor', 'manager'] as const) {
    await callApi(app, 'accounts.add', { ...E2E_PEOPLE[role], role, password: E2E_PASSWORD }, 'administrator');
    await signIn(role);
  }
}

async function upload(app: WebApp, bytes: Buffer): Promise<string> {
  const { origin, token } = sessionOf(app);
  const res = await fetch(`${origin}/upload`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'x-mla-session': app.sessions.clerk ?? '',
      'content-type': 'application/octet-stream',
    },
    body: bytes,
  });
  const envelope = (await res.json()) as { ok: boolean; value?: { id: string }; error?: unknown };
  if (!envelope.value) throw new Error(`upload: ${JSON.stringify(envelope.error)}`);
  return envelope.value.id;
}

/** Answers the id of the disclosure whose tabs all hold something. */
export async function seedRegister(app: WebApp): Promise<number> {
  const year = new Date().getFullYear();
  const call = <T>(channel: string, input: object) => callApi<T>(app, channel, input);
  const { jobId } = await call<{ jobId: string }>('interchange.import', {
    source: { kind: 'upload', id: await upload(app, fs.readFileSync(SAMPLE)) },
    fileName: 'register-sample.csv',
  });
  for (let i = 0; ; i++) {
    const job = await call<{ state: string; error: string | null }>('interchange.progress', { jobId });
    if (job.state === 'done') break;
    if (job.state === 'failed' || i > 600) throw new Error(`the import did not finish: ${job.error}`);
    await new Promise((r) => setTimeout(r, 100));
  }

  const preservation = await call<{ reference: string }>('requests.register', {
    direction: 'outgoing',
    kind: 'preservation',
    counterpartCountry: 'US',
    serviceProvider: 'Example Mail Inc.',
  });
  const disclosure = await call<{ id: number; version: number }>('requests.register', {
    direction: 'outgoing',
    kind: 'disclosure',
    counterpartCountry: 'IE',
    urgency: 'urgent',
    serviceProvider: 'Example Mail Inc.',
    summary: 'Subscriber and traffic data of an account used in a fraud.',
    assistance: ['subscriber_data', 'traffic_data'],
    offences: ['07'],
    parties: [
      { role: 'suspect', name: 'Żaneta Kowalska', nationality: 'PL', birthDate: '1984-02-29' },
      { role: 'victim', name: 'محمد الأحمد' },
    ],
    domesticAuthority: 'Parquet de Paris',
    identifiers: [
      {
        type: 'email',
        value: 'erika@example.org',
        fromAt: '2026-03-01T10:15+01:00',
        toAt: '2026-03-31T23:59+02:00',
        timeZone: 'Europe/Paris',
      },
    ],
  });
  await call('requests.link', { id: disclosure.id, otherReference: preservation.reference, kind: 'follow_up' });
  await call('requests.transition', {
    id: disclosure.id,
    to: 'sent',
    on: `${year}-01-02`,
    note: 'Sent to the provider.',
    expectedVersion: disclosure.version,
  });
  const doc = await call<{ id: number }>('documents.attach', {
    requestId: disclosure.id,
    source: { kind: 'upload', id: await upload(app, Buffer.from('%PDF-1.4\n% a stand-in\n')) },
    name: 'Order to disclose.pdf',
    type: 'request',
    direction: 'outgoing',
    documentDate: `${year}-01-02`,
    note: 'Signed by the prosecutor',
  });
  await call('correspondence.add', {
    requestId: disclosure.id,
    onDate: `${year}-01-03`,
    direction: 'outgoing',
    channel: 'email',
    summary: 'Order sent to the provider’s law enforcement portal.',
    documentIds: [doc.id],
  });
  await call('directories.serviceProviders.save', { name: 'Example Mail Inc.', country: 'US' });
  await call('directories.domesticAuthorities.save', { name: 'Parquet de Paris' });
  await call('directories.counterpartAuthorities.save', { country: 'IE', name: 'Department of Justice' });
  return disclosure.id;
}

/** A copy of the sample whose second data row has an unknown direction. */
export function faultyFile(app: WebApp): string {
  const file = path.join(app.dataDir, 'faulty.csv');
  const [header = '', first = '', second = ''] = fs.readFileSync(SAMPLE, 'utf8').split('\r\n');
  const broken = second.replace(/^([^,]*),outgoing,/, '$1,sideways,');
  fs.writeFileSync(file, `${header}\r\n${first}\r\n${broken}\r\n`);
  return file;
}
