import type { TFunction } from 'i18next';
import type { FigureDifference } from '../../../../contract/statistics-diff.ts';
import { countryName } from '../../i18n/index.ts';

/** The code list (codes.json namespace) whose labels name a breakdown's entries. */
const KEY_NAMESPACES: Record<string, string> = {
  closedByOutcome: 'status',
  byOffence: 'iccs',
  byAssistance: 'assistance',
  byLegalBasis: 'legalBasis',
  byChannel: 'channel',
  byUrgency: 'urgency',
  refusalGrounds: 'refusalGround',
};

export function groupLabel(t: TFunction, d: Pick<FigureDifference, 'direction' | 'kind'>): string {
  const kind = d.kind === 'all' ? t('statistics.allKinds') : t(`kind.${d.kind}`);
  return `${t(`direction.${d.direction}`)}, ${kind}`;
}

/** A flattened figure ("byCountry.opened" + "FR") as people read it ("Opened, country: France"). */
export function figureLabel(t: TFunction, language: string, d: Pick<FigureDifference, 'breakdown' | 'key'>): string {
  const name = t(`statistics.figures.${d.breakdown.replace('.', '_')}`, { defaultValue: d.breakdown });
  if (d.key === '') return name;
  const namespace = KEY_NAMESPACES[d.breakdown];
  const key = d.breakdown.startsWith('byCountry.')
    ? countryName(d.key, language)
    : namespace
      ? t(`${namespace}.${d.key}`, { defaultValue: d.key })
      : d.key;
  return `${name}: ${key}`;
}
