import { createRequire } from 'node:module';

/**
 * The fonts every PDF embeds, shipped with the app (npm packages of Google's Noto fonts, SIL
 * Open Font License, pinned in package.json): Noto Sans for Latin, Greek and Cyrillic, Noto
 * Sans Arabic, and Noto Sans SC for Chinese (its full character set, not only GB 2312, as
 * names need). Never the system's: a report looks the same, and is complete, on every machine.
 */
export const FONT_SCRIPTS = ['latin', 'arabic', 'cjk'] as const;
export type FontScript = (typeof FONT_SCRIPTS)[number];
export type FontWeight = 'regular' | 'bold';

/** Module paths inside node_modules; build/electron-builder.config.cjs ships exactly these. */
export const FONT_FILES: Readonly<Record<FontScript, Readonly<Record<FontWeight, string>>>> = {
  latin: {
    regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  },
  arabic: {
    regular: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
  },
  cjk: {
    regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
};

// From the repository (tests, CLI) or from app.asar beside the bundle, as pdfkit itself is
// found (the database process bundle defines import.meta.url: scripts/build-electron.mjs).
const requireHere = createRequire(import.meta.url);

/** Where the font file is on this machine. */
export function fontFile(script: FontScript, weight: FontWeight): string {
  return requireHere.resolve(FONT_FILES[script][weight]);
}

/** The name a document knows the font by. */
export const fontName = (script: FontScript, weight: FontWeight) => `${script}-${weight}`;

/**
 * Makes the six fonts known to the document. pdfkit reads a file only when the document
 * first uses it, and embeds (a subset of) only the fonts a page shows.
 */
export function registerReportFonts(doc: PDFKit.PDFDocument): void {
  for (const script of FONT_SCRIPTS) {
    for (const weight of ['regular', 'bold'] as const)
      doc.registerFont(fontName(script, weight), fontFile(script, weight));
  }
}
