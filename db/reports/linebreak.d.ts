// linebreak (pdfkit's own UAX #14 line breaker) ships no types.
declare module 'linebreak' {
  interface Break {
    /** The break comes before this UTF-16 index. */
    position: number;
    /** A mandatory break (a line feed), not just an opportunity. */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
