import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASSISTANCE,
  CHANNELS,
  DIRECTIONS,
  ICCS_SECTIONS,
  KINDS,
  LEGAL_BASES,
  REFUSAL_GROUNDS,
  STATUSES,
  URGENCIES,
} from '../../contract/codes.ts';
import { INTERCHANGE_COLUMNS, type InterchangeColumn } from '../../contract/interchange.ts';
import { cellText } from '../../db/interchange/cells.ts';
import { quickValidRow } from '../../db/interchange/quick-row.ts';
import { type RowValues, validateRow } from '../../db/interchange/validate-row.ts';
import { seedRows, seedSpan } from '../../db/seed/rows.ts';

const TODAY = '2026-11-20';

/** A cell as the import hands it to validation: trimmed, null when empty (cellText). */
const cell = (arb: fc.Arbitrary<string>) => arb.map((text) => cellText(text));

/** Some characters that matter here: separators, spaces, case, digits, letters outside ASCII. */
const junk = fc.string({ unit: fc.constantFrom(...'aZ0 ;-_\tÉßé9', 'ı', 'ǅ'), maxLength: 14 });

const casings = (code: string) => fc.constantFrom(code, code.toUpperCase(), code[0]?.toUpperCase() + code.slice(1));

const codeCell = (codes: readonly string[]) =>
  cell(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...codes).chain(casings) }, { weight: 1, arbitrary: junk }));

const listCell = (codes: readonly string[]) =>
  cell(
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc
          .array(fc.constantFrom(...codes).chain(casings), { maxLength: codes.length + 2 })
          .chain((items) =>
            fc.constantFrom(items.join(';'), items.join(' ; '), `${items.join(';')};`, `;${items.join(';')}`),
          ),
      },
      { weight: 1, arbitrary: junk },
    ),
  );

const day = fc
  .date({ min: new Date('2014-12-25T00:00:00Z'), max: new Date('2026-12-10T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const dateCell = cell(
  fc.oneof(
    { weight: 8, arbitrary: day },
    { weight: 1, arbitrary: fc.constantFrom('2025-02-29', '2024-02-29', '2024-13-01', '24-01-01', '2024-1-01', '') },
    { weight: 1, arbitrary: junk },
  ),
);

/** Free text around the column's bound. */
const textCell = (max: number) =>
  cell(
    fc.oneof(
      { weight: 4, arbitrary: junk },
      { weight: 1, arbitrary: fc.integer({ min: max - 2, max: max + 2 }).map((n) => 'x'.repeat(Math.max(n, 0))) },
    ),
  );

const COLUMN_ARBS: Record<InterchangeColumn, fc.Arbitrary<string | null>> = {
  reference: textCell(120),
  direction: codeCell(DIRECTIONS),
  kind: codeCell(KINDS),
  status: codeCell(STATUSES),
  opened_on: dateCell,
  closed_on: dateCell,
  counterpart_country: codeCell(['fr', 'de', 'us', 'cn', 'xx', 'fra', 'uk']),
  counterpart_authority: textCell(300),
  counterpart_reference: textCell(120),
  domestic_authority: textCell(300),
  domestic_reference: textCell(120),
  service_provider: textCell(200),
  legal_basis: codeCell(LEGAL_BASES),
  legal_basis_detail: textCell(300),
  channel: codeCell(CHANNELS),
  offences: listCell(ICCS_SECTIONS),
  cyber_related: codeCell(['true', 'false', 'yes', '1']),
  offence_description: textCell(1000),
  assistance: listCell(ASSISTANCE),
  urgency: codeCell(URGENCIES),
  refusal_grounds: listCell(REFUSAL_GROUNDS),
  related_reference: textCell(120),
  assigned_to: textCell(120),
  summary: textCell(8000),
};

/** Each column random, or left out of the row (a file without that column). */
const randomRow: fc.Arbitrary<RowValues> = fc.record(COLUMN_ARBS, { requiredKeys: [] });

/** Valid rows of the seed, with a few of their cells replaced. */
const SEEDED = [...seedRows(500, 7, seedSpan(TODAY))];
const seededRow: fc.Arbitrary<RowValues> = fc
  .tuple(
    fc.nat(SEEDED.length - 1),
    fc.array(
      fc.constantFrom(...INTERCHANGE_COLUMNS).chain((c) => COLUMN_ARBS[c].map((v) => [c, v] as const)),
      {
        maxLength: 2,
      },
    ),
  )
  .map(([index, changes]) => {
    const values: RowValues = {};
    const source = SEEDED[index];
    for (const column of INTERCHANGE_COLUMNS) values[column] = cellText(source?.[column] ?? null);
    for (const [column, value] of changes) values[column] = value;
    return values;
  });

function agree(values: RowValues): boolean {
  const quick = quickValidRow(values, TODAY);
  const full = validateRow(values, 2, TODAY);
  // The quick path decides exactly as the full one, and a row it accepts comes out the same.
  expect(quick === null).toBe(Array.isArray(full));
  if (quick !== null) expect(quick).toEqual(full);
  return quick !== null;
}

describe('the quick validation path', () => {
  it('takes every row the seed makes, as the full path reads it', () => {
    for (const row of seedRows(2000, 3, seedSpan(TODAY))) {
      const values: RowValues = {};
      for (const column of INTERCHANGE_COLUMNS) values[column] = cellText(row[column]);
      expect(quickValidRow(values, TODAY)).toEqual(validateRow(values, 2, TODAY));
    }
  });

  it('agrees with the full path on rows of random cells', () => {
    fc.assert(
      fc.property(randomRow, (values) => void agree(values)),
      { numRuns: 3000 },
    );
  });

  it('agrees with the full path on valid rows with a few cells changed', () => {
    let accepted = 0;
    fc.assert(
      fc.property(seededRow, (values) => {
        if (agree(values)) accepted += 1;
      }),
      { numRuns: 3000 },
    );
    // Both outcomes were exercised.
    expect(accepted).toBeGreaterThan(500);
    expect(accepted).toBeLessThan(3000);
  });

  it('agrees on the edge cases of lists and codes', () => {
    const base: RowValues = {};
    const source = SEEDED[0];
    for (const column of INTERCHANGE_COLUMNS) base[column] = cellText(source?.[column] ?? null);
    const cases: Partial<RowValues>[] = [
      { offences: '07;07;07;07;07;07;07;07;07;07;07;07' }, // twelve entries: over the bound before duplicates go
      { offences: '07;07' },
      { offences: '11; 01 ;07' },
      { assistance: 'RECORDS;records' },
      { offences: ';' },
      { cyber_related: 'TRUE' },
      { cyber_related: 'True ' },
      { urgency: 'URGENT' },
      { counterpart_country: 'fr' },
      { reference: 'x'.repeat(120) },
      { reference: 'x'.repeat(121) },
      { related_reference: base.reference ?? null },
      { summary: 'x'.repeat(8001) },
    ];
    for (const change of cases) agree({ ...base, ...change });
  });
});
