import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, detach } from '../../db/interchange/cells.ts';
import { CsvRecords, CsvSyntaxError } from '../../db/interchange/csv-records.ts';
import { csvRows } from '../../db/interchange/read-csv.ts';
import { FileProblem } from '../../db/interchange/source.ts';
import { tempDir } from '../helpers/temp-register.ts';

/** csv-parse with the options the import used before it read CSV itself. */
function reference(text: string): string[][] | 'error' {
  try {
    return parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch {
    return 'error';
  }
}

/** Ours, fed the text in the pieces given. */
function ours(pieces: readonly string[]): string[][] | 'error' {
  const parser = new CsvRecords();
  const out: string[][] = [];
  try {
    for (const piece of pieces) parser.write(piece, out);
    parser.end(out);
    return out;
  } catch (e) {
    if (e instanceof CsvSyntaxError) return 'error';
    throw e;
  }
}

/** Cut `text` at the given places (a chunk may end anywhere, even between CR and LF). */
function cut(text: string, places: readonly number[]): string[] {
  const at = [...new Set(places.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const p of at) {
    pieces.push(text.slice(from, p));
    from = p;
  }
  pieces.push(text.slice(from));
  return pieces;
}

// What CSV is made of, and what breaks it. (csv-parse takes a NUL after a closing quote for the
// end of the field, a quirk of its byte test; NUL is left out here.)
const text = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\r', '\n', ' ', 'é', '😀'), maxLength: 40 });

/** Well-formed CSV: fields quoted when they must be (and sometimes when not), any line break. */
const field = fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', 'é'), maxLength: 6 });
const wellFormed = fc
  .tuple(
    fc.array(fc.array(fc.tuple(field, fc.boolean()), { minLength: 1, maxLength: 4 }), { maxLength: 5 }),
    fc.constantFrom('\r\n', '\n', '\r'),
    fc.boolean(),
  )
  .map(([records, eol, last]) => {
    const lines = records.map((r) =>
      r.map(([f, quote]) => (quote || /[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(','),
    );
    return lines.join(eol) + (last ? eol : '');
  });

describe('reading CSV', () => {
  it('reads well-formed files exactly as csv-parse did, however the text arrives', () => {
    fc.assert(
      fc.property(wellFormed, fc.array(fc.nat(), { maxLength: 6 }), (csv, places) => {
        const expected = reference(csv);
        expect(ours([csv])).toEqual(expected);
        expect(ours(cut(csv, places))).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads any text as csv-parse did, refusing what it refused', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), (csv, places) => {
        const expected = reference(csv);
        expect(ours([csv])).toEqual(expected);
        expect(ours(cut(csv, places))).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('names the row where the quoting breaks, after reading the rows before it', async () => {
    const cases: [string, number, RegExp][] = [
      ['h1,h2\r\na,b\r\nc,"d\r\n', 3, /column B has no closing quote/],
      ['h1,h2\r\na,b\r\nc,d"e\r\n', 3, /column B has a quote inside its value/],
      ['h1,h2\r\n"a"x,b\r\n', 2, /quoted value in column A is followed by "x"/],
      // A quoted line break keeps the record whole: the third row starts on the fourth line.
      ['h1,h2\r\n"a\r\nb",c\r\nd,"e" \r\n', 3, /column B is followed by " "/],
    ];
    for (const [csv, row, message] of cases) {
      const file = path.join(tempDir(), 'broken.csv');
      fs.writeFileSync(file, csv);
      const rows: number[] = [];
      let problem: unknown = null;
      try {
        for await (const r of csvRows(fs.createReadStream(file))) rows.push(r.row);
      } catch (e) {
        problem = e;
      }
      expect(problem).toBeInstanceOf(FileProblem);
      expect(problem).toMatchObject({ row });
      expect((problem as Error).message).toMatch(/^The CSV file cannot be read here: /);
      expect((problem as Error).message).toMatch(message);
      expect(rows).toEqual(Array.from({ length: row - 1 }, (_, i) => i + 1));
    }
  });
});

describe('what the import keeps of a file', () => {
  it('does not hold the text of the file for the references it keeps', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const rows = Array.from({ length: 20_000 }, (_, i) => `REF-${String(i).padStart(12, '0')},${'x'.repeat(300)}`);
    const file = path.join(tempDir(), 'refs.csv');
    fs.writeFileSync(file, `reference,summary\r\n${rows.join('\r\n')}\r\n`);
    /** The heap the kept references hold: measured by letting them go. */
    const heldBy = async (keep: (text: string) => string) => {
      let kept: Set<string> | null = new Set<string>();
      for await (const { cells } of csvRows(fs.createReadStream(file, { highWaterMark: 64 * 1024 }))) {
        kept.add(keep(cellText(cells[0] ?? null) ?? ''));
      }
      const size = kept.size;
      gc();
      const withKept = process.memoryUsage().heapUsed;
      kept = null;
      gc();
      return { size, bytes: withKept - process.memoryUsage().heapUsed };
    };
    // As a slice, a reference keeps the whole chunk of text it was read from: about the file.
    const sliced = await heldBy((text) => text);
    const copied = await heldBy(detach);
    expect(sliced.size).toBe(20_001);
    expect(sliced.bytes).toBeGreaterThan(fs.statSync(file).size / 2);
    expect(copied.bytes).toBeLessThan(sliced.bytes / 3);
  });
});
