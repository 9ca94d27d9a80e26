import type { Labels } from '../reports/labels.ts';
import type { PdfText } from '../reports/pdf-text.ts';

type Doc = PDFKit.PDFDocument;

export interface Bar {
  label: string;
  value: number;
  /** The sum of the bars left out, drawn grey. */
  other?: boolean;
}

const ROW = 12;
const LABEL_WIDTH = 170;
const SIZE = 7.5;
const GAP = 3;

/**
 * A horizontal bar chart drawn with vector graphics: one row per bar, the label at the
 * start of the line, a solid bar (black, or grey for "other") growing away from it, its
 * number at its end. In Arabic the chart is mirrored: labels on the right, bars growing
 * leftwards. Black and white friendly: no colour carries meaning, every number is printed.
 * Returns where the chart ends.
 */
export function barChart(
  doc: Doc,
  text: PdfText,
  labels: Labels,
  box: { x: number; y: number; width: number },
  title: string,
  bars: Bar[],
): number {
  const { x, y, width } = box;
  const rtl = text.direction === 'rtl';
  doc.fillColor('black');
  text.draw(text.fit(title, width, { size: 9, bold: true }), x, y, width, { size: 9, bold: true });
  let top = y + 14;
  if (bars.length === 0) {
    doc.fillColor('#404040');
    text.draw(labels.statistics.document.none, x, top, width, { size: SIZE });
    return top + ROW + 6;
  }
  const max = Math.max(...bars.map((b) => b.value), 1);
  // Room at the far end for the largest number printed after its bar.
  const plot = width - LABEL_WIDTH - 30;
  // The axis: where the bars start, just past the labels.
  const axis = rtl ? x + width - LABEL_WIDTH : x + LABEL_WIDTH;
  const labelLeft = rtl ? axis + 6 : x;
  for (const bar of bars) {
    doc.fillColor('black');
    const style = { size: SIZE };
    text.draw(text.fit(bar.label, LABEL_WIDTH - 6, style), labelLeft, top, LABEL_WIDTH - 6, style);
    const length = Math.max((bar.value / max) * plot, bar.value > 0 ? 1 : 0);
    doc.rect(rtl ? axis - length : axis, top + 2, length, ROW - 4).fill(bar.other ? '#8c8c8c' : 'black');
    const number = labels.number(bar.value);
    const numberStyle = { size: SIZE, bold: true };
    const numberWidth = text.width(number, numberStyle);
    doc.fillColor('black');
    const numberLeft = rtl ? axis - length - GAP - numberWidth : axis + length + GAP;
    text.draw(number, numberLeft, top, numberWidth + 1, { ...numberStyle, align: rtl ? 'end' : 'start' });
    top += ROW;
  }
  doc
    .moveTo(axis, y + 14)
    .lineTo(axis, top)
    .lineWidth(0.5)
    .strokeColor('black')
    .stroke();
  return top + 8;
}

/** The first `limit` bars, the rest summed as one grey bar (kept only when it is not zero). */
export function topWithOther(bars: Bar[], limit: number, otherLabel: (count: number) => string): Bar[] {
  const top = bars.slice(0, limit);
  const rest = bars.slice(limit);
  const other = rest.reduce((n, b) => n + b.value, 0);
  return other > 0 ? [...top, { label: otherLabel(rest.length), value: other, other: true }] : top;
}
