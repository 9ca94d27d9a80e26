type Doc = PDFKit.PDFDocument;

export interface Bar {
  label: string;
  value: number;
}

const ROW = 12;
const LABEL_WIDTH = 170;
const SIZE = 7.5;

/**
 * A horizontal bar chart drawn with vector graphics: one row per bar, the label left, a
 * solid bar (black, or grey for "other"), its number at its end. Black and white friendly:
 * no colour carries meaning, every number is printed. Returns where the chart ends.
 */
export function barChart(doc: Doc, x: number, y: number, width: number, title: string, bars: Bar[]): number {
  doc.fillColor('black').font('bold').fontSize(9).text(title, x, y, { width, lineBreak: false });
  let top = y + 14;
  if (bars.length === 0) {
    doc.font('body').fontSize(SIZE).fillColor('#404040').text('None in this year.', x, top, { width });
    return top + ROW + 6;
  }
  const max = Math.max(...bars.map((b) => b.value), 1);
  // Room on the right for the largest number printed after its bar.
  const plot = width - LABEL_WIDTH - 30;
  for (const bar of bars) {
    doc.font('body').fontSize(SIZE).fillColor('black');
    doc.text(bar.label, x, top + 2, { width: LABEL_WIDTH - 6, height: ROW, ellipsis: true, lineBreak: false });
    const length = Math.max((bar.value / max) * plot, bar.value > 0 ? 1 : 0);
    doc.rect(x + LABEL_WIDTH, top + 2, length, ROW - 4).fill(bar.label === 'Other' ? '#8c8c8c' : 'black');
    doc
      .fillColor('black')
      .font('bold')
      .fontSize(SIZE)
      .text(String(bar.value), x + LABEL_WIDTH + length + 3, top + 2, { lineBreak: false });
    top += ROW;
  }
  // The axis: a thin line where the bars start.
  doc
    .moveTo(x + LABEL_WIDTH, y + 14)
    .lineTo(x + LABEL_WIDTH, top)
    .lineWidth(0.5)
    .strokeColor('black')
    .stroke();
  return top + 8;
}

/** The first `limit` bars, the rest summed as "Other" (kept only when it is not zero). */
export function topWithOther(bars: Bar[], limit: number): Bar[] {
  const top = bars.slice(0, limit);
  const other = bars.slice(limit).reduce((n, b) => n + b.value, 0);
  return other > 0 ? [...top, { label: 'Other', value: other }] : top;
}
