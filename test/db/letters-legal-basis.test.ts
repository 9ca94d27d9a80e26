import { beforeEach, describe, expect, it } from 'vitest';
import { LEGAL_BASES, type LegalBasis } from '../../contract/codes.ts';
import { LETTER_CODES, LETTER_TEMPLATES, type GeneratedLetter, type LetterCode } from '../../contract/letters.ts';
import { saveCountryProfileSchema } from '../../contract/profiles.ts';
import { directionOf, LANGUAGES, type Language } from '../../i18n/languages.ts';
import { letterData } from '../../db/letters/data-model.ts';
import { renderTemplate } from '../../db/letters/engine.ts';
import { SAMPLE_LETTERHEAD, sampleRequest } from '../../db/letters/sample.ts';
import { defaultTemplate } from '../../db/letters/templates.ts';
import type { Register } from '../../db/register.ts';
import { labelsFor } from '../../db/reports/labels.ts';
import { completeFields } from '../helpers/drafting.ts';
import { docxText, pdfTextOf } from '../helpers/letters.ts';
import { ACTOR, CLOCK, newRequest } from '../helpers/requests.ts';
import { tempRegister } from '../helpers/temp-register.ts';

/*
 * Issue 8 follow-up: the letter of request cites the request's own legal basis (the convention,
 * the treaty the counterpart's country profile names, or reciprocity when there is none), not
 * UNTOC and UNCAC whatever the basis.
 */

const UNTOC = 'Transnational Organized Crime';
const UNCAC = 'Convention against Corruption';

async function readBack(register: Register, letter: GeneratedLetter) {
  const bytesOf = async (id: number) => {
    const chunks: Buffer[] = [];
    for await (const chunk of register.documents.read(await register.documents.locate(id)))
      chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const flat = (text: string) =>
    text
      .replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  return {
    word: flat(docxText(await bytesOf(letter.docxDocumentId)).body),
    pdf: flat(pdfTextOf(await bytesOf(letter.pdfDocumentId))),
  };
}

/** Germany's profile lists an unnamed bilateral entry before the named one: the named one is cited. */
async function withGermanProfile(register: Register) {
  await register.profiles.saveCountryProfile(
    saveCountryProfileSchema.parse({
      country: 'DE',
      treaties: [
        { legalBasis: 'untoc', inForceSince: '2005-07-14' },
        { legalBasis: 'bilateral_treaty' },
        {
          legalBasis: 'bilateral_treaty',
          name: 'Treaty between Examplestan and the Federal Republic of Germany on Mutual Assistance in Criminal Matters',
          inForceSince: '2004-07-01',
        },
      ],
    }),
    ACTOR,
    CLOCK,
  );
}

/** A fresh register with the office's name and Germany's profile, as every generated letter here needs. */
async function germanOffice(): Promise<Register> {
  const register = tempRegister();
  await register.updateSettings({ officeName: 'Central Authority of Examplestan' }, ACTOR, CLOCK);
  await withGermanProfile(register);
  return register;
}

describe('the legal basis a letter of request cites', { timeout: 120_000 }, () => {
  let register: Register;
  beforeEach(async () => {
    register = await germanOffice();
  });

  async function letterText(
    legalBasis: LegalBasis | null,
    legalBasisDetail: string | null,
    language: Language = 'en',
    counterpartCountry = 'DE',
  ) {
    const request = await register.requests.register(
      newRequest({
        direction: 'outgoing',
        kind: 'mla',
        counterpartCountry,
        counterpartAuthority: 'Bundesamt für Justiz',
        legalBasis: legalBasis ?? undefined,
        legalBasisDetail,
        ...completeFields('mla'),
      }),
      ACTOR,
      CLOCK,
    );
    const letter = await register.letters.generate(
      request,
      { code: 'letter_of_request', language },
      ACTOR,
      CLOCK,
      'Amina Clerk',
    );
    return readBack(register, letter);
  }

  it('cites UNCAC article 46 and its paragraph 15 for a request made under UNCAC, and not UNTOC', async () => {
    const { word, pdf } = await letterText('uncac', null);
    for (const text of [word, pdf]) {
      expect(text).toContain(
        'This request is made under the United Nations Convention against Corruption, article 46.',
      );
      expect(text).toContain('the information required by article 46, paragraph 15, of that Convention');
      expect(text).not.toContain(UNTOC);
    }
  });

  it('names the bilateral treaty as the counterpart’s profile lists it, with the article given', async () => {
    const { word, pdf } = await letterText('bilateral_treaty', 'Article 5');
    for (const text of [word, pdf]) {
      expect(text).toContain(
        'This request is made under the bilateral treaty on mutual legal assistance in criminal matters in force between our State and the requested State (Treaty between Examplestan and the Federal Republic of Germany on Mutual Assistance in Criminal Matters, in force since 1 July 2004), Article 5.',
      );
      expect(text).not.toContain(UNTOC);
      expect(text).not.toContain(UNCAC);
    }
  });

  it('says only "the bilateral treaty" when the counterpart has no profile naming it', async () => {
    const { word } = await letterText('bilateral_treaty', null, 'en', 'FR');
    // The sentence ends there; the next section's heading follows.
    expect(word).toContain('in force between our State and the requested State. Requesting authority');
    expect(word).not.toContain('Treaty between Examplestan');
  });

  it.each([
    ['reciprocity', 'reciprocity'],
    ['no legal basis recorded', null],
  ] as const)('rests on reciprocity and comity for %s, citing no convention', async (_, basis) => {
    const { word, pdf } = await letterText(basis, null);
    for (const text of [word, pdf]) {
      expect(text).toContain('This request is made on the basis of reciprocity and international comity.');
      expect(text).toContain('it would execute a comparable request from the requested State');
      expect(text).not.toContain(UNTOC);
      expect(text).not.toContain(UNCAC);
    }
  });

  it('cites the Budapest Convention in Russian, and the German treaty in French', async () => {
    const russian = await letterText('budapest', null, 'ru');
    for (const text of [russian.word, russian.pdf]) {
      expect(text).toContain(
        'Настоящая просьба направляется в соответствии с Конвенцией Совета Европы о киберпреступности (ETS № 185, Будапешт, 2001 год), глава III о международном сотрудничестве.',
      );
      expect(text).not.toContain('транснациональной организованной преступности');
    }
    const french = await letterText('bilateral_treaty', null, 'fr');
    for (const text of [french.word, french.pdf]) {
      expect(text).toContain(
        'en vertu du traité bilatéral d’entraide judiciaire en matière pénale en vigueur entre notre État et l’État requis (Treaty between Examplestan and the Federal Republic of Germany on Mutual Assistance in Criminal Matters, en vigueur depuis le 1 juillet 2004).',
      );
      expect(text).not.toContain('criminalité transnationale organisée');
    }
  });
});

/*
 * The seven other letters cite the basis inside a sentence. They once printed its label there
 * ("made under the Reciprocity", "под … Принцип взаимности"); each now words every code as a
 * clause of its own language, naming the profile's treaty when there is one.
 */

const GERMAN_TREATY =
  'Treaty between Examplestan and the Federal Republic of Germany on Mutual Assistance in Criminal Matters';
const OTHER_CODES = LETTER_CODES.filter((code) => code !== 'letter_of_request');

/** What each language's clause must say for three codes (the rest are checked for labels). */
const CLAUSES: Record<Language, { reciprocity: string; bilateral: string; untoc: string }> = {
  en: {
    reciprocity: 'on the basis of reciprocity and international comity',
    bilateral: `under the applicable bilateral treaty on mutual legal assistance in criminal matters (${GERMAN_TREATY})`,
    untoc: 'under the United Nations Convention against Transnational Organized Crime',
  },
  fr: {
    reciprocity: 'sur la base de la réciprocité et de la courtoisie internationale',
    bilateral: `en vertu du traité bilatéral d’entraide judiciaire en matière pénale applicable (${GERMAN_TREATY})`,
    untoc: 'en vertu de la Convention des Nations Unies contre la criminalité transnationale organisée',
  },
  es: {
    reciprocity: 'sobre la base de la reciprocidad y la cortesía internacional',
    bilateral: `con arreglo al tratado bilateral de asistencia judicial recíproca en materia penal aplicable (${GERMAN_TREATY})`,
    untoc: 'con arreglo a la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
  },
  ru: {
    reciprocity: 'на основе принципа взаимности и международной вежливости',
    bilateral: `в соответствии с применимым двусторонним договором о взаимной правовой помощи по уголовным делам (${GERMAN_TREATY})`,
    untoc:
      'в соответствии с Конвенцией Организации Объединённых Наций против транснациональной организованной преступности',
  },
  ar: {
    reciprocity: 'على أساس المعاملة بالمثل والمجاملة الدولية',
    bilateral: `بموجب المعاهدة الثنائية المنطبقة لتبادل المساعدة القانونية في المسائل الجنائية (${GERMAN_TREATY})`,
    untoc: 'بموجب اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية',
  },
  zh: {
    reciprocity: '在互惠和国际礼让基础上',
    bilateral: `根据适用的双边刑事司法协助条约（${GERMAN_TREATY}）`,
    untoc: '根据《联合国打击跨国有组织犯罪公约》',
  },
};

/** Codes whose label is a category ("Reciprocity"), never a title a sentence could name. */
const CATEGORY_CODES = ['bilateral_treaty', 'regional_treaty', 'reciprocity', 'domestic_law', 'other'] as const;

/** The default template rendered for a sample request of its kind, as plain text. */
function rendered(code: LetterCode, language: Language, legalBasis: LegalBasis | null, detail: string | null) {
  const spec = LETTER_TEMPLATES[code];
  const request = {
    ...sampleRequest(spec.directions[0] ?? 'outgoing', spec.kinds[0] ?? 'mla'),
    legalBasis,
    legalBasisDetail: detail,
  };
  const treaty = legalBasis === 'bilateral_treaty' ? { name: GERMAN_TREATY, inForceSince: '2004-07-01' } : null;
  const data = letterData(request, {
    code,
    language,
    today: '2026-03-10',
    letterhead: SAMPLE_LETTERHEAD,
    author: 'Amina Clerk',
    treaty,
  });
  const result = renderTemplate(defaultTemplate(code, language).body, data, directionOf(language));
  if (!result.ok) throw new Error(`${language}/${code}/${String(legalBasis)}: ${result.problem.detail}`);
  return result.markup.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '').replace(/\\(.)/g, '$1');
}

describe('the legal basis the other letters cite, in every language', () => {
  it.each(LANGUAGES)('words every code as a clause in %s, never as its label', (language) => {
    const labels = labelsFor(language).codes.legalBasis;
    for (const code of OTHER_CODES) {
      for (const basis of [...LEGAL_BASES, null]) {
        for (const detail of [null, 'Article 5']) {
          const text = rendered(code, language, basis, detail);
          const where = `${language}/${code}/${String(basis)}/${String(detail)}`;
          expect(text, where).not.toContain('{{');
          // A capitalised label ("Reciprocity", "Принцип взаимности") is the artefact; Arabic and
          // Chinese have no capitals, and their labels are bare nouns the clauses hold ("互惠").
          for (const category of CATEGORY_CODES) {
            const label = labels[category];
            if (label !== label.toLowerCase()) expect(text, where).not.toContain(label);
          }
          if (basis !== null && detail !== null) expect(text, where).toContain(detail);
        }
      }
      const clauses = CLAUSES[language];
      expect(rendered(code, language, 'reciprocity', null), `${language}/${code}`).toContain(clauses.reciprocity);
      expect(rendered(code, language, 'bilateral_treaty', null), `${language}/${code}`).toContain(clauses.bilateral);
      expect(rendered(code, language, 'untoc', null), `${language}/${code}`).toContain(clauses.untoc);
      // Without a basis the sentence is left out, as before.
      expect(rendered(code, language, null, null), `${language}/${code}`).not.toContain(clauses.reciprocity);
    }
  });
});

describe('an acknowledgement of a request made under national law', () => {
  // The clause already names the law; "in accordance with the law of our State" after it said it twice.
  const WORDS = {
    en: { basis: 'under national law', ours: 'in accordance with the law of our State' },
    fr: { basis: 'en vertu du droit national', ours: 'conformément au droit de notre État' },
    ar: { basis: 'بموجب القانون الوطني', ours: 'ووفقاً لقانون دولتنا' },
  } as const;
  it.each(Object.keys(WORDS) as (keyof typeof WORDS)[])('names the law once in %s', (language) => {
    const { basis, ours } = WORDS[language];
    const national = rendered('acknowledgement', language, 'domestic_law', null);
    expect(national).toContain(basis);
    expect(national).not.toContain(ours);
    expect(rendered('acknowledgement', language, 'untoc', null)).toContain(ours);
  });
});

describe('the legal basis in the generated DOCX of the other letters', { timeout: 300_000 }, () => {
  let register: Register;
  beforeEach(async () => {
    register = await germanOffice();
  });

  async function generated(code: LetterCode, legalBasis: LegalBasis, language: Language = 'en') {
    const spec = LETTER_TEMPLATES[code];
    const kind = spec.kinds[0] ?? 'mla';
    const request = await register.requests.register(
      newRequest({
        direction: spec.directions[0] ?? 'outgoing',
        kind,
        counterpartCountry: 'DE',
        counterpartAuthority: 'Bundesamt für Justiz',
        legalBasis,
        ...completeFields(kind),
      }),
      ACTOR,
      CLOCK,
    );
    const letter = await register.letters.generate(request, { code, language }, ACTOR, CLOCK, 'Amina Clerk');
    return (await readBack(register, letter)).word;
  }

  it.each(OTHER_CODES)('%s reads as a sentence for reciprocity, the German treaty and UNTOC', async (code) => {
    const artefacts = /under the (Reciprocity|Other)|the Bilateral treaty|the Other\b/;
    const reciprocity = await generated(code, 'reciprocity');
    expect(reciprocity).toContain(CLAUSES.en.reciprocity);
    const bilateral = await generated(code, 'bilateral_treaty');
    expect(bilateral).toContain(GERMAN_TREATY);
    const untoc = await generated(code, 'untoc');
    expect(untoc).toContain('United Nations Convention against Transnational Organized Crime');
    for (const text of [reciprocity, bilateral, untoc]) {
      expect(text).not.toMatch(artefacts);
      expect(text).not.toContain('Reciprocity');
      expect(text).not.toContain('Bilateral treaty');
    }
  });

  it('puts reciprocity in the Russian reminder in the case the sentence needs', async () => {
    const text = await generated('reminder', 'reciprocity', 'ru');
    expect(text).toContain('просьба направлена на основе принципа взаимности и международной вежливости.');
    expect(text).not.toContain('Принцип взаимности');
  });
});
