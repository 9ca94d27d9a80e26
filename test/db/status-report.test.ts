import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import { awaitedOf } from '../../db/reports/awaited.ts';
import { labelsFor } from '../../db/reports/labels.ts';
import { statusReport } from '../../db/reports/status-model.ts';
import { writeStatusPdf } from '../../db/reports/status-pdf.ts';
import type { Register } from '../../db/register.ts';
import { pdfPages } from '../helpers/pdf-text.ts';
import { seedRequest } from '../helpers/register-seed.ts';
import { ACTOR, CLOCK } from '../helpers/requests.ts';
import { tempDir, tempRegister, testContext } from '../helpers/temp-register.ts';

const PARIS = 'Parquet de Paris';
let register: Register;
let dir: string;

beforeEach(async () => {
  register = tempRegister();
  dir = tempDir();
  await register.updateSettings({ officeName: 'Autorité centrale — Ministère de la Justice' }, ACTOR, CLOCK);
});

/** `n` open requests of the Paris prosecutor's office, handled by an officer with a diacritic. */
async function seedParis(n: number) {
  for (let i = 0; i < n; i += 1) {
    await seedRequest(register, {
      domesticAuthority: PARIS,
      assignedTo: 'Zofia Wiśniewska',
      counterpartReference: `FR-${i}`,
      openedOn: '2026-02-01',
    });
  }
}

const report = (input: { value?: string; includeClosed?: boolean; format: 'pdf' | 'xlsx' }, name: string) =>
  register.reports.statusReport(
    {
      by: 'domesticAuthority',
      value: input.value ?? PARIS,
      includeClosed: input.includeClosed ?? false,
      format: input.format,
    },
    path.join(dir, name),
    CLOCK.today,
  );

describe('status report as PDF', () => {
  it('writes an A4 PDF with the office, the title, the date and every request, on one page when few', async () => {
    await seedParis(3);
    expect(await report({ format: 'pdf' }, 'r.pdf')).toEqual({ count: 3 });
    const file = path.join(dir, 'r.pdf');
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPages(file);
    expect(pages).toHaveLength(1);
    const [text = ''] = pages;
    for (const expected of [
      'Autorité centrale — Ministère de la Justice',
      'Status report: Parquet de Paris',
      'Produced on 10 March 2026 · 3 requests',
      'MLA-IN-2026-00001',
      'MLA-IN-2026-00003',
      'Zofia Wiśniewska',
      'Review by the central authority',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('repeats the table header and numbers each page when the requests fill several', async () => {
    await seedParis(40);
    await report({ format: 'pdf' }, 'r.pdf');
    const pages = await pdfPages(path.join(dir, 'r.pdf'));
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((text, i) => {
      expect(text).toContain('Reference');
      expect(text).toContain('Awaited');
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    // Every request exactly once: none lost or doubled at a page break.
    const all = pages.join(' ');
    for (let n = 1; n <= 40; n += 1) {
      expect(all.split(`MLA-IN-2026-${String(n).padStart(5, '0')}`)).toHaveLength(2);
    }
  });

  it('says so when nothing matches', async () => {
    const empty = statusReport(
      [],
      { by: 'assignedTo', value: 'Nobody', includeClosed: false, officeName: '', today: CLOCK.today },
      labelsFor('en'),
    );
    await writeStatusPdf(path.join(dir, 'empty.pdf'), empty);
    const [text = ''] = await pdfPages(path.join(dir, 'empty.pdf'));
    expect(text).toContain('Status report: requests handled by Nobody');
    expect(text).toContain('No request matches.');
  });
});

describe('what the status report says of each request', () => {
  it('leaves out closed requests unless asked for them, open ones first', async () => {
    await seedParis(2);
    await seedRequest(register, { domesticAuthority: PARIS }, [['refused', '2026-03-04']]);
    await seedRequest(register, { domesticAuthority: 'Tribunal de Lyon' });
    expect(await report({ format: 'xlsx' }, 'open.xlsx')).toEqual({ count: 2 });
    expect(await report({ format: 'xlsx', includeClosed: true }, 'all.xlsx')).toEqual({ count: 3 });
  });

  it('shows the later of the last status change and the last event', async () => {
    const moved = await seedRequest(register, { domesticAuthority: PARIS, openedOn: '2026-02-01' }, [
      ['under_review', '2026-02-03'],
    ]);
    await register.requests.recordEvent(
      {
        id: moved.id,
        type: 'information_requested',
        on: '2026-02-05',
        note: 'Ask for the bank’s name',
        preservedUntil: null,
        expectedVersion: moved.version,
      },
      ACTOR,
      CLOCK,
    );
    await seedRequest(register, { domesticAuthority: PARIS, openedOn: '2026-02-01' }, [['under_review', '2026-02-04']]);
    await report({ format: 'pdf' }, 'r.pdf');
    const [text = ''] = await pdfPages(path.join(dir, 'r.pdf'));
    expect(text).toContain('Additional information requested: Ask for the bank’s name');
    expect(text).toContain('Moved from Registered to Under review');
  });

  it('derives what is awaited from the status, the direction and who holds the request', () => {
    const row = { counterpartCountry: 'FR', domesticAuthority: PARIS, serviceProvider: null } as const;
    const en = labelsFor('en');
    const awaited = (r: Parameters<typeof awaitedOf>[0]) => awaitedOf(r, en);
    expect(awaited({ ...row, direction: 'incoming', status: 'awaiting_information' })).toBe(
      'Additional information from the requesting state (France)',
    );
    expect(awaited({ ...row, direction: 'outgoing', status: 'awaiting_information' })).toBe(
      'Our reply to France’s request for more information',
    );
    expect(awaited({ ...row, direction: 'outgoing', status: 'sent' })).toBe('Acknowledgement and execution by France');
    expect(awaited({ ...row, direction: 'incoming', status: 'in_execution' })).toBe('Execution by Parquet de Paris');
    expect(awaited({ ...row, domesticAuthority: null, direction: 'incoming', status: 'in_execution' })).toBe(
      'Execution by the executing authority',
    );
    expect(
      awaited({ ...row, serviceProvider: 'Example Mail Inc.', direction: 'outgoing', status: 'in_execution' }),
    ).toBe('Execution by Example Mail Inc. (France)');
    expect(awaited({ ...row, direction: 'incoming', status: 'executed' })).toBe('Nothing (closed)');
  });
});

describe('status report as XLSX', () => {
  it('keeps numbers as numbers and dates as dates, under a frozen header row', async () => {
    await seedParis(2);
    await report({ format: 'xlsx' }, 'r.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'r.xlsx'));
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell('A1').value).toBe('Status report: Parquet de Paris');
    expect(sheet.getCell('A2').value).toBe('Autorité centrale — Ministère de la Justice');
    const header = (sheet.getRow(4).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['Reference', 'Direction', 'Kind', 'Counterpart country']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    const row = sheet.getRow(5);
    const cell = (name: string) => row.getCell(header.indexOf(name) + 1).value;
    expect(cell('Reference')).toBe('MLA-IN-2026-00001');
    expect(cell('Opened')).toEqual(new Date('2026-02-01T00:00:00Z'));
    expect(cell('Days open')).toBe(37);
    expect(typeof cell('Days since last event')).toBe('number');
    expect(cell('Officer')).toBe('Zofia Wiśniewska');
    expect(cell('Their deadline')).toBeNull();
    expect(row.getCell(header.indexOf('Opened') + 1).numFmt).toBe('yyyy-mm-dd');
  });
});

describe('the reports.status channel', () => {
  it('writes the report for download under a name that says what it is', async () => {
    await seedParis(1);
    const ctx = testContext({ register });
    const reply = await dispatch(
      'reports.status',
      { by: 'domesticAuthority', value: PARIS, format: 'pdf', target: { kind: 'download' } },
      ctx,
    );
    expect(reply).toMatchObject({
      ok: true,
      value: { name: 'status-report-Parquet-de-Paris-2026-03-10.pdf', path: null },
    });
    const id = reply.ok ? (reply.value as { downloadId: string }).downloadId : '';
    expect(fs.readFileSync(path.join(ctx.files.downloadsDir, id)).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('names the missing value', async () => {
    const reply = await dispatch(
      'reports.status',
      { by: 'assignedTo', value: ' ', format: 'xlsx', target: { kind: 'download' } },
      testContext({ register }),
    );
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: [{ field: 'value', message: 'is required' }] },
    });
  });
});
