import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { YearFigures } from '../../contract/statistics.ts';
import { groupSheetName } from '../../db/statistics/export-xlsx.ts';
import { labelsFor } from '../../db/reports/labels.ts';
import { breakdowns, groupTitle, summaryColumns } from '../../db/statistics/layout.ts';
import type { Register } from '../../db/register.ts';
import { IMPORT_CLOCK, SAMPLE_CSV, importFile } from '../helpers/interchange.ts';
import { pdfPages } from '../helpers/pdf-text.ts';
import { normalised } from '../helpers/statistics.ts';
import { tempDir, tempRegister } from '../helpers/temp-register.ts';

type Loose = Record<string, unknown>;
const en = labelsFor('en');

/** Puts a number at a dotted place ("daysToClose.median", "byCountry.FR.opened"). */
function setAt(target: Loose, keys: string[], value: unknown): void {
  let at = target;
  keys.slice(0, -1).forEach((k) => {
    at = (at[k] ??= {}) as Loose;
  });
  at[keys.at(-1) ?? ''] = value;
}

/** A group as the exports hold it, before its breakdowns are filled in. */
const emptyGroup = (direction: string, kind: string): Loose => ({
  direction,
  kind,
  preservationFollowedUp: kind === 'preservation' ? 0 : null,
  daysToClose: { n: 0, mean: null, median: null, p90: null },
});

let register: Register;
let figures: YearFigures;
let dir: string;

// The register is closed after each test (temp-register.ts), so each test imports its own.
beforeEach(async () => {
  register = tempRegister();
  await importFile(register, SAMPLE_CSV, {}, IMPORT_CLOCK);
  figures = await register.statistics.year(2025);
  dir = tempDir();
});

const exported = async (format: 'csv' | 'xlsx' | 'pdf') => {
  const file = path.join(dir, `stats.${format}`);
  await register.statistics.exportYear(2025, format, file, '2026-11-20');
  return file;
};

describe('statistics exports', () => {
  it('writes a tidy CSV that parses back to the same figures as the JSON', async () => {
    const file = await exported('csv');
    // A byte-order mark first, so that Excel reads the names of providers as UTF-8.
    expect(fs.readFileSync(file).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(fs.readFileSync(file), { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual(['group_direction', 'group_kind', 'breakdown', 'key', 'figure']);
    const groups = new Map<string, Loose>();
    for (const r of rows) {
      const id = `${r['group_direction']}/${r['group_kind']}`;
      const g = groups.get(id) ?? emptyGroup(r['group_direction'] ?? '', r['group_kind'] ?? '');
      groups.set(id, g);
      const value = r['figure'] === '' ? null : Number(r['figure']);
      const [breakdown = '', field] = (r['breakdown'] ?? '').split('.');
      const key = r['key'] ?? '';
      if (breakdown === 'byCountry') setAt(g, ['byCountry', key, field ?? ''], value);
      else if (key !== '') setAt(g, [breakdown, key], value);
      else setAt(g, field ? [breakdown, field] : [breakdown], value);
    }
    const back = { year: 2025, groups: [...groups.values()] } as unknown as YearFigures;
    expect(normalised(back)).toEqual(normalised(figures));
    expect(rows).toContainEqual({
      group_direction: 'incoming',
      group_kind: 'mla',
      breakdown: 'opened',
      key: '',
      figure: '52',
    });
  });

  it('writes a workbook whose Summary and group sheets read back to the JSON', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await exported('xlsx'));
    const summary = workbook.getWorksheet('Summary');
    expect(summary?.getCell('A3').text).toContain('annual-statistics.md (2026)');
    expect(summary?.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    figures.groups.forEach((g, i) => {
      const row = summary?.getRow(6 + i).values as unknown[];
      const kind = g.kind === 'all' ? en.statistics.allKinds : en.codes.kind[g.kind];
      expect(row.slice(1)).toEqual([
        en.codes.direction[g.direction],
        kind,
        ...summaryColumns(en).map((c) => c.value(g)),
      ]);
    });
    const back: Loose[] = [];
    for (const g of figures.groups) {
      const sheet = workbook.getWorksheet(groupSheetName(en, g));
      expect(sheet, groupSheetName(en, g)).toBeDefined();
      const group = emptyGroup(g.direction, g.kind);
      let section = '';
      sheet?.eachRow((row, n) => {
        if (n <= 3) return;
        const [, a, , c, d, e] = row.values as unknown[];
        if (row.font?.bold && row.font.size === 12) {
          section = String(a);
          return;
        }
        if (row.getCell(1).font?.bold || typeof a !== 'string') return; // a table's header
        const breakdown = breakdowns(en).find((b) => b.title === section)?.key;
        if (section === 'Figures') setAt(group, a.split('.'), c ?? null);
        else if (section === en.statistics.country.title)
          setAt(group, ['byCountry', a], { opened: c, closed: d, pendingEnd: e });
        else if (breakdown) setAt(group, [breakdown, a], c);
      });
      expect(typeof c0(sheet)).toBe('number');
      back.push(group);
    }
    expect(normalised({ year: 2025, groups: back } as unknown as YearFigures)).toEqual(normalised(figures));
  });

  it('writes an A4 PDF with a first page of headline figures and one page per group', async () => {
    // pdf.js separates a label from its number by spacing items: one space is enough here.
    const pages = (await pdfPages(await exported('pdf'))).map((p) => p.replace(/\s+/g, ' '));
    expect(pages).toHaveLength(1 + figures.groups.length);
    expect(pages[0]).toContain('Annual statistics 2025');
    expect(pages[0]).toContain('annual-statistics.md (2026)');
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
    figures.groups.forEach((g, i) => {
      const page = pages[i + 1] ?? '';
      const title = groupTitle(en, g.direction, g.kind);
      expect(pages[0]).toContain(title);
      expect(page).toContain(title);
      expect(page).toContain(`Opened ${g.opened}`);
      expect(page).toContain(`Closed ${g.closed}`);
      expect(page).toContain(`Pending on 31 December ${g.pendingEnd}`);
      expect(page).toContain(`Page ${i + 2} of ${pages.length}`);
    });
  });

  it('leaves no file behind when the folder cannot be written', async () => {
    const missing = path.join(dir, 'no-such-folder', 'stats.pdf');
    await expect(register.statistics.exportYear(2025, 'pdf', missing, '2026-11-20')).rejects.toThrow();
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
  });
});

/** The "Opened" value of a group sheet's figures table: a number cell, not text. */
function c0(sheet: ExcelJS.Worksheet | undefined): unknown {
  let value: unknown;
  sheet?.eachRow((row) => {
    if (row.getCell(1).value === 'opened') value = row.getCell(3).value;
  });
  return value;
}
