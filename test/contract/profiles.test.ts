import { describe, expect, it } from 'vitest';
import { LEGAL_BASES } from '../../contract/codes.ts';
import { LANGUAGE_CODES, isLanguageCode } from '../../contract/language-codes.ts';
import { NON_TREATY_BASES, TREATY_BASES, saveCountryProfileSchema } from '../../contract/profiles.ts';
import { fieldProblems } from '../../contract/validate.ts';

const problems = (input: unknown) => {
  const parsed = saveCountryProfileSchema.safeParse(input);
  return parsed.success ? [] : fieldProblems(parsed.error).map((p) => p.field);
};

describe('the country profile schema', () => {
  it('fills what is not given and tidies what is: codes in their case, lists without repeats', () => {
    expect(saveCountryProfileSchema.parse({ country: ' fr ' })).toEqual({
      country: 'FR',
      centralAuthorityId: null,
      languages: [],
      channels: [],
      dualCriminality: 'unknown',
      dualCriminalityScope: null,
      treaties: [],
      notes: null,
    });
    const tidy = saveCountryProfileSchema.parse({
      country: 'DE',
      languages: [' DE', 'en', 'de'],
      channels: ['judicial_network', 'central_authority', 'judicial_network'],
      treaties: [{ legalBasis: 'budapest', name: '  ', inForceSince: null }],
      notes: '  ',
    });
    expect(tidy).toMatchObject({
      languages: ['de', 'en'],
      channels: ['central_authority', 'judicial_network'],
      treaties: [{ legalBasis: 'budapest', name: null, inForceSince: null }],
      notes: null,
    });
  });

  it('names each bad field, down to the treaty and language that is wrong', () => {
    expect(problems({ country: 'XX' })).toEqual(['country']);
    expect(problems({ country: 'FR', languages: ['fr', 'french', 'qq'] })).toEqual(['languages.1', 'languages.2']);
    expect(problems({ country: 'FR', channels: ['email'] })).toEqual(['channels.0']);
    expect(problems({ country: 'FR', dualCriminality: 'sometimes' })).toEqual(['dualCriminality']);
    expect(problems({ country: 'FR', centralAuthorityId: -1 })).toEqual(['centralAuthorityId']);
    expect(
      problems({
        country: 'FR',
        treaties: [
          { legalBasis: 'reciprocity' },
          { legalBasis: 'untoc', inForceSince: '2002-02-30' },
          { legalBasis: 'bilateral_treaty', name: 'x'.repeat(301) },
        ],
      }),
    ).toEqual(['treaties.0.legalBasis', 'treaties.1.inForceSince', 'treaties.2.name']);
    expect(problems({ country: 'FR', surprise: true })).toEqual(['(input)']);
  });

  it('refuse one instrument listed twice, on the second', () => {
    const parsed = saveCountryProfileSchema.safeParse({
      country: 'FR',
      treaties: [
        { legalBasis: 'bilateral_treaty', name: 'Treaty of 1994' },
        { legalBasis: 'bilateral_treaty', name: 'Treaty of 2010' },
        { legalBasis: 'bilateral_treaty', name: 'treaty of 1994' },
      ],
    });
    expect(parsed.success ? [] : fieldProblems(parsed.error)).toEqual([
      { field: 'treaties.2.name', message: 'is already listed', key: 'profile.field.alreadyListed' },
    ]);
  });

  it('bound the lists so a paste cannot bloat the register', () => {
    const many = LANGUAGE_CODES.slice(0, 21);
    expect(problems({ country: 'FR', languages: many })).toEqual(['languages']);
    const treaties = Array.from({ length: 51 }, (_, i) => ({ legalBasis: 'other', name: `Treaty ${i}` }));
    expect(problems({ country: 'FR', treaties })).toEqual(['treaties']);
  });

  it('split the legal bases into treaties and the two bases that need none', () => {
    expect([...TREATY_BASES, ...NON_TREATY_BASES].sort()).toEqual([...LEGAL_BASES].sort());
  });

  it('know the ISO 639-1 languages and nothing else', () => {
    expect(LANGUAGE_CODES).toHaveLength(183);
    expect(['ar', 'en', 'es', 'fr', 'ru', 'zh', 'sw'].every(isLanguageCode)).toBe(true);
    expect(['sh', 'bh', 'EN', 'eng', ''].some(isLanguageCode)).toBe(false);
  });
});
