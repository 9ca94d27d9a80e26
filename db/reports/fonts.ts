import fs from 'node:fs';
import path from 'node:path';

export interface ReportFonts {
  regular: string;
  bold: string;
  /** False: pdfkit's built-in Helvetica, which covers Western European letters only. */
  embedded: boolean;
}

const windowsFonts = path.join(process.env['WINDIR'] ?? 'C:\\Windows', 'Fonts');

/**
 * Fonts that cover Latin with its diacritics (Polish, Czech, Romanian, Turkish, Vietnamese…),
 * looked for where each system keeps them: Debian's fonts-noto-core and fonts-dejavu, other
 * Linux layouts, Windows and macOS. Arabic and Chinese need other fonts and shaping (later).
 */
const CANDIDATES: readonly [string, string][] = [
  ['/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf', '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf'],
  ['/usr/share/fonts/noto/NotoSans-Regular.ttf', '/usr/share/fonts/noto/NotoSans-Bold.ttf'],
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  ['/usr/share/fonts/dejavu/DejaVuSans.ttf', '/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf'],
  [path.join(windowsFonts, 'arial.ttf'), path.join(windowsFonts, 'arialbd.ttf')],
  ['/System/Library/Fonts/Supplemental/Arial.ttf', '/System/Library/Fonts/Supplemental/Arial Bold.ttf'],
];

export function findReportFonts(candidates: readonly [string, string][] = CANDIDATES): ReportFonts {
  for (const [regular, bold] of candidates) {
    if (fs.existsSync(regular) && fs.existsSync(bold)) return { regular, bold, embedded: true };
  }
  return { regular: 'Helvetica', bold: 'Helvetica-Bold', embedded: false };
}
