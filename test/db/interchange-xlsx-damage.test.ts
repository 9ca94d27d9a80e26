import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { xlsxRows } from '../../db/interchange/read-xlsx.ts';
import { FileProblem } from '../../db/interchange/source.ts';
import { zipDamage } from '../../db/interchange/zip-check.ts';
import { importFile, problemLines } from '../helpers/interchange.ts';
import { tempDir, tempRegister } from '../helpers/temp-register.ts';
import { sheetXml, xlsx } from './fuzz/zip.ts';

// A workbook of 100 rows; its sheet's compressed bytes lie between offsets ~1000 and ~2550.
const rows = Array.from({ length: 100 }, (_, i) => [`MLA-IN-2025-${String(i).padStart(5, '0')}`, 'incoming', 'mla']);
const good = xlsx(sheetXml(rows));

const flipped = (at: number) => {
  const bytes = Buffer.from(good);
  bytes[at] = (bytes[at] ?? 0) ^ 0xff;
  return bytes;
};

function write(bytes: Buffer, name = 'register.xlsx'): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Reads every row, or the FileProblem that stopped it; never waits longer than `stallMs` for the reader. */
async function readAll(bytes: Buffer, stallMs: number): Promise<number | FileProblem> {
  let n = 0;
  try {
    for await (const _row of xlsxRows(Readable.from([bytes]), stallMs)) n += 1;
    return n;
  } catch (e) {
    if (e instanceof FileProblem) return e;
    throw e;
  }
}

describe('a damaged XLSX archive', () => {
  it('is whole when every entry inflates to its recorded size and CRC', async () => {
    expect(await zipDamage(write(good))).toBeNull();
  });

  it('is found damaged when cut short, its bytes flipped, or its headers lying', async () => {
    expect(await zipDamage(write(good.subarray(0, 2_000)))).toEqual({ kind: 'noDirectory' });
    for (const at of [1037, 1074, 1518, 2295])
      expect((await zipDamage(write(flipped(at))))?.kind, `flip at ${at}`).toMatch(/Damaged$/);
    // The sheet's local header says one size, the directory another: a streaming reader believes the first.
    const lying = Buffer.from(good);
    const sheetHeader = lying.indexOf('xl/worksheets/sheet1.xml') - 30;
    lying.writeUInt32LE(lying.readUInt32LE(sheetHeader + 22) + 1, sheetHeader + 22);
    expect(await zipDamage(write(lying))).toEqual({ kind: 'entryDisagrees', entry: 'xl/worksheets/sheet1.xml' });
  });

  it('is refused before inflating when its directory promises more than any register holds', async () => {
    const bomb = Buffer.from(good);
    const central = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(0xfffffff0, central + 24);
    expect(await zipDamage(write(bomb))).toEqual({ kind: 'tooLarge' });
  });

  it('stops inflating an entry that grows past its recorded size', async () => {
    const understated = Buffer.from(good);
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const local = understated.indexOf(name) - 30;
    const central = understated.indexOf(name, local + 30 + name.length) - 46;
    understated.writeUInt32LE(100, local + 22);
    understated.writeUInt32LE(100, central + 24);
    expect(await zipDamage(write(understated))).toEqual({ kind: 'entryDamaged', entry: 'xl/worksheets/sheet1.xml' });
  });

  it('does not leave the reader waiting for ever: a stalled read is reported', async () => {
    // These flips make exceljs's reader neither end nor fail (measured), so only the guard ends them.
    for (const at of [1037, 1074, 1518]) {
      const started = Date.now();
      const outcome = await readAll(flipped(at), 300);
      expect(outcome, `flip at ${at}`).toBeInstanceOf(FileProblem);
      expect((outcome as FileProblem).message).toMatch(/stopped making progress/);
      expect(Date.now() - started).toBeLessThan(5_000);
    }
    expect(await readAll(good, 300)).toBe(100);
  });

  it('is reported by the import at row 1, naming the damage, and nothing is written', async () => {
    const register = tempRegister();
    const report = await importFile(register, write(flipped(1037)));
    expect(report).toMatchObject({ ok: false, imported: 0 });
    expect(problemLines(report)).toEqual([
      expect.stringMatching(
        /^1::The file cannot be read as an XLSX workbook: the entry xl\/worksheets\/sheet1\.xml is damaged/,
      ),
    ]);
    const cut = await importFile(register, write(good.subarray(0, 1_500)));
    expect(problemLines(cut)).toEqual([expect.stringMatching(/^1::.*no ZIP directory at its end/)]);
  });
});
