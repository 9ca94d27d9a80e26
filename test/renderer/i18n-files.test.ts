import { describe, expect, it } from 'vitest';
import { PARTS } from '../../i18n/en/index.ts';

describe('translation files', () => {
  it('give each top-level key to exactly one file', () => {
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const [file, part] of Object.entries(PARTS)) {
      for (const key of Object.keys(part)) {
        const owner = owners.get(key);
        if (owner) clashes.push(`${key}: ${owner} and ${file}`);
        owners.set(key, file);
      }
    }
    expect(clashes).toEqual([]);
  });
});
