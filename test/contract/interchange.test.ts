import { describe, expect, it } from 'vitest';
import { formatOfName, suggestMapping } from '../../contract/interchange.ts';
import { neutraliseCsvCell, restoreCsvCell } from '../../db/interchange/cells.ts';
import { parseReference } from '../../db/interchange/references.ts';

describe('the suggested column mapping', () => {
  it('matches our column names in any case or punctuation, then common synonyms, each column once', () => {
    expect(
      suggestMapping([
        'Reference',
        'OPENED ON',
        'Country',
        'Their ref',
        'Date received',
        'Notes',
        'counterpart-country',
      ]),
    ).toEqual({
      Reference: 'reference',
      'OPENED ON': 'opened_on',
      Country: null,
      'Their ref': 'counterpart_reference',
      'Date received': null,
      Notes: 'summary',
      'counterpart-country': 'counterpart_country',
    });
  });
});

describe('the format of a file name', () => {
  it('is csv or xlsx by the extension in any case, else none', () => {
    expect(['a.csv', 'B.XLSX', 'c.xls', 'd', 'e.csv.txt'].map(formatOfName)).toEqual(['csv', 'xlsx', null, null, null]);
  });
});

describe('reading a reference back into its parts', () => {
  it('inverts the pattern, padding included', () => {
    expect(parseReference('{KIND}-{DIR}-{YYYY}-{SEQ:5}', 'PRE-OUT-2025-00042')).toEqual({
      kind: 'preservation',
      direction: 'outgoing',
      year: 2025,
      seq: 42,
    });
    expect(parseReference('{YYYY}/{DIR}.{KIND}/{SEQ}', '2024/IN.EDR/7')).toMatchObject({
      kind: 'emergency_disclosure',
      seq: 7,
    });
  });

  it('refuses what the pattern could not have made', () => {
    const pattern = '{KIND}-{DIR}-{YYYY}-{SEQ:5}';
    expect(parseReference(pattern, 'MLA-IN-2025-42')).toBeNull();
    expect(parseReference(pattern, 'XYZ-IN-2025-00042')).toBeNull();
    expect(parseReference(pattern, 'FR/2025/00042')).toBeNull();
  });
});

describe('the CSV formula guard', () => {
  it('round-trips every value, guarding only those a spreadsheet would run', () => {
    const values = ['=1+1', '+33 1', '-5', '@SUM(A1)', '\tx', "'=x", "''@x", "'plain", 'plain', '', "it's"];
    expect(values.map(neutraliseCsvCell)).toEqual([
      "'=1+1",
      "'+33 1",
      "'-5",
      "'@SUM(A1)",
      "'\tx",
      "''=x",
      "'''@x",
      "'plain",
      'plain',
      '',
      "it's",
    ]);
    expect(values.map(neutraliseCsvCell).map(restoreCsvCell)).toEqual(values);
  });
});
