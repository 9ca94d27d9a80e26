import type { LegalBasis } from '../../contract/codes.ts';
import { isTreatyBasis, type Treaty } from '../../contract/profiles.ts';
import { countryProfileOf } from '../profiles/read.ts';
import type { Queryable } from '../types.ts';

/**
 * The treaty a letter cites for a request: among the treaties the counterpart state's country
 * profile lists, the first of the request's legal basis, one with a title before one without
 * (a bilateral treaty is named by its title; "bilateral treaty" alone says too little). Null
 * when the basis is no treaty (reciprocity, domestic law, none) or the profile lacks it.
 */
export function treatyOf(
  db: Queryable,
  request: { counterpartCountry: string; legalBasis: LegalBasis | null },
): Treaty | null {
  const basis = request.legalBasis;
  if (basis === null || !isTreatyBasis(basis)) return null;
  const listed = countryProfileOf(db, request.counterpartCountry)?.treaties.filter((t) => t.legalBasis === basis) ?? [];
  return listed.find((t) => t.name !== null && t.name.trim() !== '') ?? listed[0] ?? null;
}
