import { describe, expect, it } from 'vitest';
import {
  saveCounterpartAuthoritySchema,
  saveDomesticAuthoritySchema,
  saveServiceProviderSchema,
  suggestSchema,
} from '../../contract/directories.ts';
import { fieldProblems } from '../../contract/validate.ts';

function problems(result: { success: boolean; error?: Parameters<typeof fieldProblems>[0] }) {
  return result.error ? fieldProblems(result.error) : [];
}

describe('directory entries', () => {
  it('name each bad field with a message a clerk can act on', () => {
    const result = saveCounterpartAuthoritySchema.safeParse({
      country: 'XX',
      name: '  ',
      email: 'beppi at justice',
      phone: 'ask the desk',
    });
    expect(problems(result)).toMatchObject([
      { field: 'country', message: 'must be an ISO 3166-1 alpha-2 country code' },
      { field: 'name', message: 'is required' },
      { field: 'email', message: 'must be an e-mail address, e.g. mla@justice.example' },
      { field: 'phone', message: 'must contain a phone number' },
    ]);
  });

  it('store empty contacts as nothing, and trim and upper-case what is given', () => {
    expect(
      saveDomesticAuthoritySchema.parse({ name: ' Cyber Unit ', email: '', phone: ' ', address: '', notes: '' }),
    ).toEqual({ name: 'Cyber Unit', email: null, phone: null, address: null, notes: null });
    expect(saveServiceProviderSchema.parse({ name: 'Aruba', country: 'it' })).toMatchObject({ country: 'IT' });
    expect(saveServiceProviderSchema.parse({ name: 'Aruba', country: '' })).toMatchObject({ country: null });
  });

  it('bound every text, so a paste cannot bloat the register', () => {
    const result = saveServiceProviderSchema.safeParse({ name: 'x'.repeat(201), notes: 'y'.repeat(4001) });
    expect(problems(result)).toMatchObject([
      { field: 'name', message: 'must be at most 200 characters' },
      { field: 'notes', message: 'must be at most 4000 characters' },
    ]);
  });

  it('refuse fields the directory does not have', () => {
    expect(saveDomesticAuthoritySchema.safeParse({ name: 'A', country: 'FR' }).success).toBe(false);
  });
});

describe('suggestion queries', () => {
  it('accept only the three request fields that take directory names', () => {
    expect(suggestSchema.safeParse({ field: 'summary' }).success).toBe(false);
    expect(suggestSchema.parse({ field: 'counterpartAuthority', country: 'fr' })).toEqual({
      field: 'counterpartAuthority',
      country: 'FR',
    });
  });
});
