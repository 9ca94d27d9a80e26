import { describe, expect, it } from 'vitest';
import { escapeValue, parseMarkup } from '../../db/letters/markup.ts';

const FSI = '\u2068';
const PDI = '\u2069';
const RLO = '\u202E';

describe('the letter markup', () => {
  it('reads titles, headings, items, labelled lines, end-aligned lines and paragraphs', () => {
    const blocks = parseMarkup(
      [
        '> Paris, 10 March 2026',
        '',
        '| Our reference | MLA-OUT-2026-00001',
        '| Your reference | FR/42 |',
        '# Request for assistance',
        'First line of a paragraph',
        'second line of the same paragraph',
        '',
        '## Persons',
        '- Jean Dupont\\',
        'Nationality: France',
        '- Marie Curie',
        '> Signed',
        '> The Central Authority',
      ].join('\n'),
    );
    expect(blocks).toEqual([
      { type: 'paragraph', lines: ['Paris, 10 March 2026'], align: 'end' },
      { type: 'row', label: ['Our reference'], value: ['MLA-OUT-2026-00001'] },
      { type: 'row', label: ['Your reference'], value: ['FR/42'] },
      { type: 'title', lines: ['Request for assistance'] },
      { type: 'paragraph', lines: ['First line of a paragraph', 'second line of the same paragraph'], align: 'start' },
      { type: 'heading', lines: ['Persons'] },
      { type: 'item', lines: ['Jean Dupont', 'Nationality: France'] },
      { type: 'item', lines: ['Marie Curie'] },
      { type: 'paragraph', lines: ['Signed', 'The Central Authority'], align: 'end' },
    ]);
  });

  it('prints every escaped character as it is', () => {
    expect(parseMarkup('\\# not a title \\| \\\\ \\- \\>')).toEqual([
      { type: 'paragraph', lines: ['# not a title | \\ - >'], align: 'start' },
    ]);
  });

  it.each([
    ['# Title', 'a title'],
    ['## Heading', 'a heading'],
    ['- item', 'an item'],
    ['> end', 'an end-aligned line'],
    ['| a | b', 'a labelled line'],
    ['**bold**', 'bold (the markup has none)'],
    ['{{ request.reference }} {% raw %}', 'Liquid'],
    ['a \\ b \\', 'backslashes'],
  ])('keeps a value that looks like %s (%s) as data, at the start of a line or after a marker', (value) => {
    const escaped = escapeValue(value, 'ltr');
    expect(parseMarkup(escaped)).toEqual([{ type: 'paragraph', lines: [value], align: 'start' }]);
    expect(parseMarkup(`- ${escaped}`)).toEqual([{ type: 'item', lines: [value] }]);
    expect(parseMarkup(`| Name | ${escaped}`)).toEqual([{ type: 'row', label: ['Name'], value: [value] }]);
  });

  it('keeps a value’s line breaks inside the block the template put it in', () => {
    const escaped = escapeValue('First paragraph\n\n# Not a title\n- not an item', 'ltr');
    expect(parseMarkup(`- ${escaped}\n- next`)).toEqual([
      { type: 'item', lines: ['First paragraph', '', '# Not a title', '- not an item'] },
      { type: 'item', lines: ['next'] },
    ]);
  });

  it('isolates a value holding right-to-left text or controls, and closes what it opens', () => {
    expect(escapeValue('أحمد', 'ltr')).toBe(`${FSI}أحمد${PDI}`);
    expect(escapeValue('Jean Dupont', 'rtl')).toBe(`${FSI}Jean Dupont${PDI}`);
    expect(escapeValue('Jean Dupont', 'ltr')).toBe('Jean Dupont');
    // An override left open is closed inside the value; a stray closer that would end the
    // isolate early is dropped.
    expect(escapeValue(`${RLO}evil`, 'ltr')).toBe(`${FSI}${RLO}evil\u202C${PDI}`);
    expect(escapeValue(`x${PDI}${RLO}y`, 'ltr')).toBe(`${FSI}x${RLO}y\u202C${PDI}`);
  });
});
