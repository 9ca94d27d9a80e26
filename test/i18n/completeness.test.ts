import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language, localeOf } from '../../i18n/languages.ts';

/**
 * Issue 7: every string of the interface in each of the six languages. Each language has the
 * same files as English, the same keys (plural keys with exactly the forms the language's plural
 * rules have), the same placeholders, no empty string, and no string left in English unless
 * i18n/<lng>.identical.json says it is meant to be the same (PDF, SHA-256…).
 */
const ROOT = path.resolve(import.meta.dirname, '../../i18n');
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Leaves = Map<string, unknown>;

function jsonFiles(language: Language): string[] {
  const dir = path.join(ROOT, language);
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
}

/** Every string of a file by its dotted key. */
function leaves(value: unknown, prefix = '', into: Leaves = new Map()): Leaves {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) leaves(child, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix, value);
  }
  return into;
}

function read(language: Language, file: string): Leaves {
  return leaves(JSON.parse(fs.readFileSync(path.join(ROOT, language, file), 'utf8')));
}

const placeholders = (text: unknown): string[] =>
  typeof text === 'string'
    ? [...new Set([...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1] ?? ''))].sort()
    : [];

function identicalAllowed(language: Language): Set<string> {
  const file = path.join(ROOT, `${language}.identical.json`);
  if (!fs.existsSync(file)) return new Set();
  const list: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  return new Set(Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : []);
}

/** What is wrong with one language, one line per problem, against English. */
export function problemsOf(language: Language): string[] {
  const problems: string[] = [];
  const english = jsonFiles('en');
  const files = jsonFiles(language);
  for (const f of english.filter((f) => !files.includes(f))) problems.push(`${f}: the file is missing`);
  for (const f of files.filter((f) => !english.includes(f))) problems.push(`${f}: a file English does not have`);

  const categories = new Intl.PluralRules(localeOf(language)).resolvedOptions().pluralCategories;
  const same = identicalAllowed(language);
  for (const file of english.filter((f) => files.includes(f))) {
    const en = read('en', file);
    let ours: Leaves;
    try {
      ours = read(language, file);
    } catch (e) {
      problems.push(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    // The keys this language must have, each with the English text it stands for.
    const expected = new Map<string, { source: string; plural: boolean }>();
    const pluralBases = new Set([...en.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    for (const key of en.keys()) {
      // A key without a plural suffix is plain, even beside plural forms of the same name.
      if (!PLURAL.test(key) || !pluralBases.has(key.replace(PLURAL, ''))) {
        expected.set(key, { source: key, plural: false });
      }
    }
    for (const base of pluralBases) {
      for (const category of categories) {
        const source = en.has(`${base}_${category}`) ? `${base}_${category}` : `${base}_other`;
        expected.set(`${base}_${category}`, { source, plural: true });
      }
    }
    for (const [key, { source, plural }] of expected) {
      if (!ours.has(key)) {
        problems.push(`${file}: missing ${key}`);
        continue;
      }
      const value = ours.get(key);
      const english = en.get(source);
      if (typeof value !== 'string') {
        problems.push(`${file}: ${key} is not a string`);
        continue;
      }
      if (value.trim() === '') problems.push(`${file}: ${key} is empty`);
      // A plural form may say its number in words ("one", "two"): {{count}} is free there.
      const ignore = plural ? ['count'] : [];
      const want = placeholders(english).filter((p) => !ignore.includes(p));
      const got = placeholders(value).filter((p) => !ignore.includes(p));
      if (want.join() !== got.join()) {
        problems.push(`${file}: ${key} has placeholders {${got.join(', ')}}, English has {${want.join(', ')}}`);
      }
      if (language !== 'en' && value === english && !same.has(key.replace(PLURAL, '')) && !same.has(key)) {
        problems.push(`${file}: ${key} is still English ("${value}") and not in ${language}.identical.json`);
      }
    }
    for (const key of ours.keys()) {
      if (expected.has(key)) continue;
      problems.push(
        PLURAL.test(key) && pluralBases.has(key.replace(PLURAL, ''))
          ? `${file}: ${key} is a plural form ${language} does not have (it has ${categories.join(', ')})`
          : `${file}: ${key} is not an English key`,
      );
    }
  }
  return problems;
}

describe('the translation files', () => {
  it.each(LANGUAGES)('of %s are complete and consistent with English', (language) => {
    const problems = problemsOf(language);
    expect(problems, `${language}: ${problems.length} problem(s):\n${problems.slice(0, 60).join('\n')}`).toEqual([]);
  });
});
