import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../i18n/languages.ts';
import { PART_NAMES } from '../../i18n/parts.ts';
import { TRANSLATIONS } from '../../i18n/resources.ts';

/**
 * The parts are named once (i18n/parts.ts) and each language's files.ts re-exports its JSON
 * file of each: a JSON file missing from the list would be translated and never shown.
 */
const ROOT = path.resolve(import.meta.dirname, '../../i18n');
const fileOf = (part: string) => `${part.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.json`;

describe('the parts of the translations', () => {
  it.each(LANGUAGES)('are in %s exactly the JSON files of its folder, each bundled whole', (language) => {
    const files = fs
      .readdirSync(path.join(ROOT, language))
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(PART_NAMES.map(fileOf).sort()).toEqual(files);
    const bundled = TRANSLATIONS[language];
    for (const file of files) {
      const json: Record<string, unknown> = JSON.parse(fs.readFileSync(path.join(ROOT, language, file), 'utf8'));
      for (const [key, value] of Object.entries(json))
        expect(bundled[key], `${language}/${file}: ${key}`).toEqual(value);
    }
  });
});
