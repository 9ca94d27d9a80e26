import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../../i18n/languages.ts';
import { formatNumber, languageOf } from '../../i18n/format.ts';

export interface ChartDirection {
  rtl: boolean;
  dir: 'ltr' | 'rtl';
  /** Margins with the wider one on the side the bars grow towards (their labels sit there). */
  margin(narrow: number, wide: number): { top: number; right: number; bottom: number; left: number };
  /** Axis ticks, bar labels and tooltips in the language's digits. */
  number(value: unknown): string;
  /** A category's name on the axis, laid out right to left in Arabic. */
  label(value: unknown): string;
  /** For the tooltip (HTML over the SVG): the language's direction. */
  htmlStyle: CSSProperties;
}

/**
 * recharts draws in SVG coordinates and places its tick labels with text-anchor, which an
 * inherited right-to-left direction turns around (labels end up over the bars). So charts
 * are drawn left to right and mirrored through their props for Arabic: the category axis
 * runs right to left (reversed), the value axis stands on the right, bar labels on the left,
 * legends and tooltips read right to left.
 */
export function useChartDirection(): ChartDirection {
  const { i18n } = useTranslation();
  const language = languageOf(i18n.language);
  const rtl = directionOf(language) === 'rtl';
  return {
    rtl,
    dir: rtl ? 'rtl' : 'ltr',
    margin: (narrow, wide) =>
      rtl
        ? { top: narrow, right: narrow, bottom: narrow, left: wide }
        : { top: narrow, right: wide, bottom: narrow, left: narrow },
    number: (value) => (typeof value === 'number' ? formatNumber(value, language) : String(value ?? '')),
    // Inside a left-to-right SVG, a right-to-left isolate (RLI … PDI) keeps "01 Homicide" as
    // an Arabic reader expects it: the code on the right.
    label: (value) => (rtl ? `\u2067${String(value)}\u2069` : String(value)),
    htmlStyle: { direction: rtl ? 'rtl' : 'ltr', textAlign: rtl ? 'right' : 'left' },
  };
}
