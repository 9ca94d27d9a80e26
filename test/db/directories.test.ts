import { describe, expect, it } from 'vitest';
import {
  saveCounterpartAuthoritySchema,
  saveDomesticAuthoritySchema,
  saveServiceProviderSchema,
  suggestSchema,
  type CounterpartAuthorityInput,
  type DomesticAuthorityInput,
  type ServiceProviderInput,
  type SuggestQuery,
} from '../../contract/directories.ts';
import { AppError } from '../../contract/errors.ts';
import type { Register } from '../../db/register.ts';
import { ACTOR, CLOCK, newRequest } from '../helpers/requests.ts';
import { withRaw } from '../helpers/sqlite-files.ts';
import { tempRegister } from '../helpers/temp-register.ts';

const counterpart = (input: CounterpartAuthorityInput) => saveCounterpartAuthoritySchema.parse(input);
const domestic = (input: DomesticAuthorityInput) => saveDomesticAuthoritySchema.parse(input);
const provider = (input: ServiceProviderInput) => saveServiceProviderSchema.parse(input);
const suggest = (register: Register, query: SuggestQuery) => register.directories.suggest(suggestSchema.parse(query));

interface AuditRow {
  action: string;
  entity: string;
  entity_id: number | null;
  actor: string;
  details: string;
}

function auditRows(register: Register): AuditRow[] {
  return withRaw(
    register.location,
    (db) =>
      db
        .prepare(
          "SELECT action, entity, entity_id, actor, details FROM audit_log WHERE entity <> 'request' ORDER BY id",
        )
        .all() as AuditRow[],
    true,
  );
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('counterpart authorities', () => {
  it('adds, corrects, lists by country and deletes, with the contacts as given', async () => {
    const register = tempRegister();
    const dirs = register.directories;
    const added = await dirs.saveCounterpartAuthority(
      counterpart({
        country: 'fr',
        name: 'Bureau de l’entraide pénale internationale',
        email: 'beppi@justice.example',
      }),
      ACTOR,
      CLOCK,
    );
    expect(added).toMatchObject({ country: 'FR', email: 'beppi@justice.example', phone: null, updatedAt: CLOCK.at });
    await dirs.saveCounterpartAuthority(counterpart({ country: 'DE', name: 'Bundesamt für Justiz' }), ACTOR, CLOCK);

    const later = { ...CLOCK, at: '2026-03-11T08:00:00.000Z' };
    const corrected = await dirs.saveCounterpartAuthority(
      counterpart({ id: added.id, country: 'FR', name: 'BEPPI', phone: '+33 1 44 77 61 15', notes: '' }),
      ACTOR,
      later,
    );
    expect(corrected).toMatchObject({ id: added.id, name: 'BEPPI', phone: '+33 1 44 77 61 15', email: null });
    expect(corrected.updatedAt).toBe(later.at);

    expect((await dirs.listCounterpartAuthorities('FR')).map((e) => e.name)).toEqual(['BEPPI']);
    expect((await dirs.listCounterpartAuthorities()).map((e) => e.country)).toEqual(['DE', 'FR']);

    await dirs.deleteCounterpartAuthority(added.id, ACTOR, CLOCK);
    expect(await dirs.listCounterpartAuthorities('FR')).toEqual([]);
  });

  it('refuses the same name twice in one country, whatever the case, naming the field', async () => {
    const register = tempRegister();
    const dirs = register.directories;
    await dirs.saveCounterpartAuthority(counterpart({ country: 'ES', name: 'Ministerio de Justicia' }), ACTOR, CLOCK);
    const error = await refusal(
      dirs.saveCounterpartAuthority(counterpart({ country: 'ES', name: ' MINISTERIO  de justicia' }), ACTOR, CLOCK),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('Ministerio de Justicia');
    expect(error.fields).toMatchObject([{ field: 'name', message: 'is already in the directory for this country' }]);
    // Another country's ministry may bear the same name.
    await dirs.saveCounterpartAuthority(counterpart({ country: 'MX', name: 'Ministerio de Justicia' }), ACTOR, CLOCK);
    expect(await dirs.listCounterpartAuthorities()).toHaveLength(2);
  });

  it('says so when the entry to correct or delete is gone', async () => {
    const register = tempRegister();
    const gone = await refusal(register.directories.deleteCounterpartAuthority(99, ACTOR, CLOCK));
    expect(gone.code).toBe('not_found');
    const stale = await refusal(
      register.directories.saveCounterpartAuthority(counterpart({ id: 99, country: 'FR', name: 'X' }), ACTOR, CLOCK),
    );
    expect(stale.code).toBe('not_found');
    expect(auditRows(register)).toEqual([]);
  });
});

describe('domestic authorities and service providers', () => {
  it('keep names unique, letting an entry keep its own name when corrected', async () => {
    const register = tempRegister();
    const dirs = register.directories;
    const office = await dirs.saveDomesticAuthority(domestic({ name: 'Prosecutor General’s Office' }), ACTOR, CLOCK);
    await dirs.saveDomesticAuthority(
      domestic({ id: office.id, name: 'Prosecutor General’s Office', email: 'pgo@justice.example' }),
      ACTOR,
      CLOCK,
    );
    const dup = await refusal(
      dirs.saveDomesticAuthority(domestic({ name: 'prosecutor general’s office' }), ACTOR, CLOCK),
    );
    expect(dup.fields).toMatchObject([{ field: 'name', message: 'is already in the directory' }]);

    const meta = await dirs.saveServiceProvider(
      provider({
        name: 'Meta Platforms',
        country: 'US',
        lawEnforcementContact: 'Law Enforcement Online Request System',
      }),
      ACTOR,
      CLOCK,
    );
    const clash = await dirs.saveServiceProvider(provider({ name: 'Google LLC' }), ACTOR, CLOCK);
    const renamed = await refusal(
      dirs.saveServiceProvider(provider({ id: clash.id, name: 'META PLATFORMS' }), ACTOR, CLOCK),
    );
    expect(renamed.message).toContain('Meta Platforms');
    expect(renamed.fields?.[0]?.field).toBe('name');
    expect((await dirs.listServiceProviders()).map((p) => [p.name, p.country])).toEqual([
      ['Google LLC', null],
      ['Meta Platforms', 'US'],
    ]);
    expect(meta.lawEnforcementContact).toBe('Law Enforcement Online Request System');
  });

  it('write one audit entry per change, with what was there before', async () => {
    const register = tempRegister();
    const dirs = register.directories;
    const added = await dirs.saveServiceProvider(provider({ name: 'Telegram' }), ACTOR, CLOCK);
    await dirs.saveServiceProvider(provider({ id: added.id, name: 'Telegram FZ-LLC', country: 'AE' }), ACTOR, CLOCK);
    // A refused write leaves nothing behind, in the directory or the log.
    await refusal(dirs.saveServiceProvider(provider({ name: 'telegram fz-llc' }), ACTOR, CLOCK));
    await dirs.deleteServiceProvider(added.id, ACTOR, CLOCK);

    const rows = auditRows(register);
    expect(rows.map((r) => [r.action, r.entity, r.entity_id, r.actor])).toEqual([
      ['service_provider.create', 'service_provider', added.id, ACTOR.name],
      ['service_provider.update', 'service_provider', added.id, ACTOR.name],
      ['service_provider.delete', 'service_provider', added.id, ACTOR.name],
    ]);
    const update = JSON.parse(rows[1]?.details ?? '{}') as { before: { name: string }; after: { country: string } };
    expect(update.before.name).toBe('Telegram');
    expect(update.after.country).toBe('AE');
    const deleted = JSON.parse(rows[2]?.details ?? '{}') as { before: { name: string } };
    expect(deleted.before.name).toBe('Telegram FZ-LLC');
  });

  it('delete an entry while the requests that name it keep the name', async () => {
    const register = tempRegister();
    const entry = await register.directories.saveDomesticAuthority(
      domestic({ name: 'Economic Crime Unit' }),
      ACTOR,
      CLOCK,
    );
    const request = await register.requests.register(
      newRequest({ domesticAuthority: 'Economic Crime Unit' }),
      ACTOR,
      CLOCK,
    );
    await register.directories.deleteDomesticAuthority(entry.id, ACTOR, CLOCK);
    expect((await register.requests.get(request.id)).domesticAuthority).toBe('Economic Crime Unit');
    expect(await suggest(register, { field: 'domesticAuthority' })).toEqual(['Economic Crime Unit']);
  });
});

describe('names for suggestions', () => {
  async function seeded(): Promise<Register> {
    const register = tempRegister();
    const dirs = register.directories;
    await dirs.saveCounterpartAuthority(counterpart({ country: 'FR', name: 'BEPPI' }), ACTOR, CLOCK);
    await dirs.saveCounterpartAuthority(counterpart({ country: 'DE', name: 'Bundesamt für Justiz' }), ACTOR, CLOCK);
    await dirs.saveServiceProvider(provider({ name: 'Meta Platforms' }), ACTOR, CLOCK);
    const requests = [
      { counterpartCountry: 'FR', counterpartAuthority: 'Parquet de Paris', serviceProvider: 'meta platforms' },
      { counterpartCountry: 'FR', counterpartAuthority: 'beppi', domesticAuthority: 'Cyber Unit' },
      { counterpartCountry: 'IT', counterpartAuthority: 'Procura di Milano', kind: 'preservation' as const },
      { counterpartCountry: 'IT', serviceProvider: 'Aruba S.p.A.', kind: 'preservation' as const },
    ];
    for (const r of requests) await register.requests.register(newRequest(r), ACTOR, CLOCK);
    return register;
  }

  it('merge the directory with the names requests already use, once each, in alphabetical order', async () => {
    const register = await seeded();
    expect(await suggest(register, { field: 'counterpartAuthority' })).toEqual([
      'BEPPI',
      'Bundesamt für Justiz',
      'Parquet de Paris',
      'Procura di Milano',
    ]);
    expect(await suggest(register, { field: 'serviceProvider' })).toEqual(['Aruba S.p.A.', 'Meta Platforms']);
    expect(await suggest(register, { field: 'domesticAuthority' })).toEqual(['Cyber Unit']);
  });

  it('offer only the counterpart authorities of the chosen country', async () => {
    const register = await seeded();
    expect(await suggest(register, { field: 'counterpartAuthority', country: 'fr' })).toEqual([
      'BEPPI',
      'Parquet de Paris',
    ]);
    expect(await suggest(register, { field: 'counterpartAuthority', country: 'IT' })).toEqual(['Procura di Milano']);
    expect(await suggest(register, { field: 'counterpartAuthority', country: 'JP' })).toEqual([]);
    // The country does not narrow the providers: a request to one state may concern another's provider.
    expect(await suggest(register, { field: 'serviceProvider', country: 'FR' })).toEqual([
      'Aruba S.p.A.',
      'Meta Platforms',
    ]);
  });
});
