// fontkit (pdfkit's font reader) ships no types; the tests open a font to ask what it covers.
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function openSync(file: string): Font;
}
