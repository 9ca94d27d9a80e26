// The UI's own English files: one wording for a status on screen and on paper. The reports
// take the person's language when the other languages arrive.
import codes from '../../i18n/en/codes.json' with { type: 'json' };
import register from '../../i18n/en/register.json' with { type: 'json' };
import reports from '../../i18n/en/reports.json' with { type: 'json' };

export const labels = { codes, register: register.register, reports: reports.reports };

/** Fills the {{name}} placeholders of a translation string. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** The country's English name from the runtime's own CLDR data (Node and Electron carry full ICU). */
export function countryLabel(code: string): string {
  try {
    return regions.of(code) ?? code;
  } catch {
    return code; // not a well-formed region code (imported data)
  }
}

/** "12 March 2026": unambiguous for readers abroad, unlike 12/03/2026. */
export function longDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
