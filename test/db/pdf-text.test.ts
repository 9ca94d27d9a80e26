import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FONT_SCRIPTS, fontFile, registerReportFonts } from '../../db/reports/fonts.ts';
import { type PdfText, type TextLine, pdfText } from '../../db/reports/pdf-text.ts';
import { SHARED, paragraph, visualRuns } from '../../db/reports/text-runs.ts';
import { pdfFonts, pdfText as extractText } from '../helpers/pdf-tools.ts';
import { tempDir } from '../helpers/temp-register.ts';

/** A document to measure on (nothing is written unless drawn). */
function writer(direction: 'ltr' | 'rtl'): { doc: PDFKit.PDFDocument; text: PdfText } {
  const doc = new PDFDocument({ size: 'A4', margin: 36 });
  registerReportFonts(doc);
  return { doc, text: pdfText(doc, direction) };
}

const lineText = (line: TextLine) => line.runs.map((r) => r.text).join('');

/** The stretches of one direction in a line, in the order a reader's eye meets them from the left. */
function visualWords(text: string, direction: 'ltr' | 'rtl'): string[] {
  const p = paragraph(text, direction);
  const stretches: { text: string; rtl: boolean }[] = [];
  for (const run of visualRuns(p, 0, p.text.length)) {
    const last = stretches.at(-1);
    if (last && last.rtl === run.rtl) last.text += run.text;
    else stretches.push({ text: run.text, rtl: run.rtl });
  }
  return stretches.map((s) => s.text.trim()).filter((t) => t !== '');
}

describe('line breaking', () => {
  it('breaks Chinese between characters, never past the column, losing no character', () => {
    const { text } = writer('ltr');
    const source =
      '请求保存IP地址10.0.0.7的访问日志，并提供该账户的用户资料、登录记录和支付信息，以便调查网络诈骗案件。';
    const lines = text.lines(source, 120, { size: 9 });
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(120.01);
    expect(lines.map(lineText).join('')).toBe(source);
    // A closing mark never starts a line (UAX #14), and the lines are full, not one word each.
    for (const line of lines.slice(1)) expect(lineText(line)).not.toMatch(/^[，。、）]/);
    expect(lines[0]?.width).toBeGreaterThan(100);
  });

  it('breaks Latin, Cyrillic and Arabic text at spaces', () => {
    const { text } = writer('ltr');
    const lines = text.lines('Запрос о сохранении журналов IP 203.0.113.5 и данных абонента', 110, { size: 9 });
    expect(lines.map((l) => lineText(l).trim())).toEqual([
      'Запрос о сохранении',
      'журналов IP 203.0.113.5',
      'и данных абонента',
    ]);
    const arabic = writer('rtl').text.lines('طُلب حفظ سجلات العنوان لدى مزود الخدمة', 80, { size: 9 });
    expect(arabic.length).toBeGreaterThan(1);
    for (const line of arabic) expect(line.width).toBeLessThanOrEqual(80.01);
  });

  it('cuts a word wider than the column between characters rather than overflowing', () => {
    const { text } = writer('ltr');
    const lines = text.lines('MLA-IN-2026-00001/ADDENDUM-0000000042', 40, { size: 8 });
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(40.01);
    expect(lines.map(lineText).join('')).toBe('MLA-IN-2026-00001/ADDENDUM-0000000042');
  });

  it('fits a label to one line with an ellipsis', () => {
    const { text } = writer('rtl');
    const cut = text.fit('الأفعال المفضية إلى الوفاة أو التي يُقصد بها التسبب في الوفاة', 90, { size: 8 });
    expect(cut.endsWith('…')).toBe(true);
    expect(text.width(cut, { size: 8 })).toBeLessThanOrEqual(90.01);
    expect(text.fit('Short', 90, { size: 8 })).toBe('Short');
  });
});

describe('direction (Unicode bidi algorithm)', () => {
  it('orders an Arabic line with a Latin reference and an IP address from the right, each kept whole', () => {
    expect(visualWords('الطلب MLA-IN-2026-00001 من 192.168.1.1', 'rtl')).toEqual([
      '192.168.1.1',
      'من',
      'MLA-IN-2026-00001',
      'الطلب',
    ]);
  });

  it('keeps a case number that starts with digits whole after an Arabic word', () => {
    // The algorithm alone makes these digits Arabic numbers and shows "0042-2026".
    expect(visualWords('رقم 2026-0042', 'rtl')).toEqual(['2026-0042', 'رقم']);
    expect(visualWords('العنوان 2001:db8::7 محظور', 'rtl')).toEqual(['محظور', '2001:db8::7', 'العنوان']);
  });

  it('sets an Arabic name inside English text right to left, one run for the shaper', () => {
    const p = paragraph('Officer: محمد بن عبد الله (MLA-IN-2026-00001)', 'ltr');
    const runs = visualRuns(p, 0, p.text.length);
    expect(runs.map((r) => r.text).join('')).toBe('Officer: محمد بن عبد الله (MLA-IN-2026-00001)');
    expect(runs.filter((r) => r.rtl)).toEqual([{ text: 'محمد بن عبد الله', script: 'arabic', rtl: true }]);
  });

  it('takes a paragraph’s direction from its first letter, the document’s when it has none', () => {
    expect(paragraph('MLA-IN-2026-00001', 'rtl').direction).toBe('ltr');
    expect(paragraph('الموظف المسؤول: Zofia', 'ltr').direction).toBe('rtl');
    expect(paragraph('2026-03-10', 'rtl').direction).toBe('rtl');
  });

  it('mirrors brackets on the right-to-left side', () => {
    const p = paragraph('(مرجعهم FR-2026/0042)', 'rtl');
    const runs = visualRuns(p, 0, p.text.length);
    // Leftmost: the closing bracket of the logical text, drawn as an opening one.
    expect(runs[0]?.text).toBe('(');
    expect(runs.map((r) => r.text.trim())).toContain('FR-2026/0042');
    expect(runs.at(-1)?.text.startsWith(')')).toBe(true);
  });
});

describe('fonts by script', () => {
  it('gives each script its font, and the Arabic font to spaces and digits inside Arabic', () => {
    const p = paragraph('Дмитрий 张伟 محمد 12', 'ltr');
    const at = (s: string) => p.scripts[p.text.indexOf(s)];
    expect(at('Д')).toBe('latin');
    expect(at('张')).toBe('cjk');
    expect(at('م')).toBe('arabic');
    expect(p.scripts[p.text.indexOf('12')]).toBe('arabic');
  });

  it('draws a sign its script’s font lacks with a font that has it', () => {
    const covers = (script: string, point: number) => !(script === 'latin' && point === 0x2192);
    const p = paragraph('Registered → Refused', 'ltr', covers);
    expect(p.scripts[p.text.indexOf('→')]).toBe('cjk');
  });

  it('finds the shared signs (spaces, digits, punctuation) in each of the three fonts', () => {
    const shared: number[] = [];
    for (let point = 0x20; point < 0x2100; point += 1) {
      if (SHARED.test(String.fromCodePoint(point))) shared.push(point);
    }
    expect(shared.length).toBeGreaterThan(40);
    for (const script of FONT_SCRIPTS) {
      const font = fontkit.openSync(fontFile(script, 'regular'));
      expect(
        shared.filter((point) => !font.hasGlyphForCodePoint(point)),
        script,
      ).toEqual([]);
    }
  });
});

describe('a drawn page', () => {
  it('embeds the fonts it uses and gives Arabic letters back as written, dots included', async () => {
    const file = path.join(tempDir(), 'mixed.pdf');
    const doc = new PDFDocument({ size: 'A4', margin: 36 });
    const out = fs.createWriteStream(file);
    doc.pipe(out);
    registerReportFonts(doc);
    const text = pdfText(doc, 'rtl');
    // ر/ز, ب/ت/ث/ن/ي and ح/ج/خ share their drawn base and differ by their dots.
    text.draw('تقرير الحالة: المركزية، بنت ثابت، حجز خزينة', 36, 36, 400, { size: 12 });
    text.draw('张伟 · Дмитрий Иванов · MLA-IN-2026-00001', 36, 80, 400, { size: 12 });
    doc.end();
    await finished(out);
    const fonts = pdfFonts(file);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'NotoSans-Regular',
      'NotoSansArabic-Regular',
      'NotoSansSC-Regular',
    ]);
    expect(fonts.every((f) => f.embedded && f.unicode)).toBe(true);
    const extracted = extractText(file);
    expect(extracted).toContain('تقرير الحالة');
    expect(extracted).toContain('المركزية');
    expect(extracted).toContain('بنت ثابت');
    expect(extracted).toContain('حجز خزينة');
    expect(extracted).toContain('MLA-IN-2026-00001');
    expect(extracted).toContain('Дмитрий Иванов');
  });
});
