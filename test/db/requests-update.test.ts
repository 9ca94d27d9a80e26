import { describe, expect, it } from 'vitest';
import { requestFieldsSchema, type RequestDetail, type RequestFieldsInput } from '../../contract/requests.ts';
import type { Register } from '../../db/register.ts';
import { ACTOR, CLOCK, newRequest } from '../helpers/requests.ts';
import { countRows, withRaw } from '../helpers/sqlite-files.ts';
import { tempRegister } from '../helpers/temp-register.ts';

function fieldsOf(r: RequestDetail): RequestFieldsInput {
  const { counterpartCountry, counterpartAuthority, counterpartReference, domesticAuthority, domesticReference } = r;
  return {
    counterpartCountry,
    counterpartAuthority,
    counterpartReference,
    domesticAuthority,
    domesticReference,
    serviceProvider: r.serviceProvider,
    legalBasis: r.legalBasis,
    legalBasisDetail: r.legalBasisDetail,
    channel: r.channel,
    offences: r.offences,
    cyberRelated: r.cyberRelated,
    offenceDescription: r.offenceDescription,
    assistance: r.assistance,
    urgency: r.urgency,
    counterpartDeadline: r.counterpartDeadline,
    deadlineNote: r.deadlineNote,
    assignedTo: r.assignedTo,
    summary: r.summary,
    preservedUntil: r.preservedUntil,
    parties: r.parties,
    identifiers: r.identifiers,
  };
}

async function update(register: Register, r: RequestDetail, patch: Partial<RequestFieldsInput>, version = r.version) {
  const fields = requestFieldsSchema.parse({ ...fieldsOf(r), ...patch });
  return register.requests.update({ id: r.id, expectedVersion: version, fields }, ACTOR, CLOCK);
}

describe('correcting a request', () => {
  it('stores every part: offences, assistance, parties in order, identifiers with offsets', async () => {
    const register = tempRegister();
    const r = await register.requests.register(newRequest({ kind: 'disclosure' }), ACTOR, CLOCK);
    const saved = await update(register, r, {
      offences: ['07', '02'],
      assistance: ['subscriber_data', 'records'],
      cyberRelated: true,
      parties: [
        { role: 'suspect', name: 'Karim Haddad', nationality: 'lb', birthDate: '1984-02-29' },
        { role: 'company', name: '北京网络科技有限公司' },
      ],
      identifiers: [
        {
          type: 'ip_address',
          value: '203.0.113.7',
          fromAt: '2026-03-01T10:15+02:00',
          toAt: '2026-03-01T11:00+02:00',
          timeZone: 'Europe/Paris',
        },
      ],
    });
    expect(saved.version).toBe(2);
    expect(saved.offences).toEqual(['02', '07']);
    expect(saved.assistance).toEqual(['records', 'subscriber_data']);
    expect(saved.parties.map((p) => [p.role, p.name, p.nationality])).toEqual([
      ['suspect', 'Karim Haddad', 'LB'],
      ['company', '北京网络科技有限公司', null],
    ]);
    expect(saved.identifiers[0]).toMatchObject({ value: '203.0.113.7', fromAt: '2026-03-01T10:15+02:00' });
  });

  it('records each changed field, old and new, in the audit log, and nothing when nothing changed', async () => {
    const register = tempRegister();
    const r = await register.requests.register(newRequest(), ACTOR, CLOCK);
    const saved = await update(register, r, { assignedTo: 'Nadia Khoury', summary: 'Bank records' });
    const details = withRaw(register.location, (db) =>
      db.prepare("SELECT details FROM audit_log WHERE action = 'request.update'").pluck().all(),
    ) as string[];
    expect(details).toHaveLength(1);
    expect(JSON.parse(details[0] ?? '{}')).toEqual({
      assignedTo: { from: null, to: 'Nadia Khoury' },
      summary: { from: null, to: 'Bank records' },
    });
    const again = await update(register, saved, {});
    expect(again.version).toBe(saved.version);
    expect(countRows(register.location, 'audit_log')).toBe(2);
  });

  it('refuses a correction made on a version someone else has changed since', async () => {
    const register = tempRegister();
    const r = await register.requests.register(newRequest(), ACTOR, CLOCK);
    await update(register, r, { assignedTo: 'First' });
    await expect(update(register, r, { assignedTo: 'Second' }, 1)).rejects.toMatchObject({ code: 'stale' });
    expect((await register.requests.get(r.id)).assignedTo).toBe('First');
  });

  it('refuses a preserved-until date on a request that is not a preservation, writing nothing', async () => {
    const register = tempRegister();
    const r = await register.requests.register(newRequest(), ACTOR, CLOCK);
    await expect(update(register, r, { preservedUntil: '2026-06-01', summary: 'x' })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: [{ field: 'preservedUntil' }],
    });
    expect((await register.requests.get(r.id)).summary).toBeNull();
  });

  it('names a bad identifier period by its place in the list', () => {
    const parsed = requestFieldsSchema.safeParse({
      counterpartCountry: 'FR',
      identifiers: [
        { type: 'ip_address', value: '10.0.0.1', fromAt: '2026-03-01T10:15+02:00', toAt: '2026-03-01T09:00+02:00' },
      ],
      parties: [{ role: 'witness', name: '   ' }],
    });
    expect(parsed.success).toBe(false);
    const paths = parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['identifiers.0.toAt', 'parties.0.name']));
  });

  it('refuses an identifier time without its UTC offset', () => {
    const parsed = requestFieldsSchema.safeParse({
      counterpartCountry: 'FR',
      identifiers: [{ type: 'ip_address', value: '10.0.0.1', fromAt: '2026-03-01T10:15' }],
    });
    expect(parsed.success).toBe(false);
  });
});
