import {
  ASSISTANCE,
  CHANNELS,
  DIRECTIONS,
  ICCS_SECTIONS,
  KINDS,
  LEGAL_BASES,
  REFUSAL_GROUNDS,
  STATUSES,
  URGENCIES,
} from '../../contract/codes.ts';
import { isCountryCode } from '../../contract/countries.ts';
import { isIsoDate } from '../../contract/dates.ts';
import { FIELDS_NOT_INTERCHANGED } from '../../contract/request-fields.ts';
import { detach } from './cells.ts';
import { crossCheck, type RowValues, type ValidRow } from './validate-row.ts';

/**
 * The common case of validateRow, without zod: a row whose every cell is plainly valid is
 * checked here with the same code lists (contract/codes.ts), lengths and cross-column rules,
 * and comes out exactly as validateRow makes it. Anything this path does not recognise at
 * once gives null, and the full path (validate-row.ts) decides and words the problems, so the
 * messages have one source. Zod's per-row parse cost most of an import's validation time.
 *
 * The values are as cellText gives them: trimmed, and null rather than empty.
 */

/** A code list as a set, for the one lookup per cell. */
const setOf = <T extends string>(codes: readonly T[]): ReadonlySet<string> => new Set<string>(codes);
const DIRECTION = setOf(DIRECTIONS);
const KIND = setOf(KINDS);
const STATUS = setOf(STATUSES);
const LEGAL_BASIS = setOf(LEGAL_BASES);
const CHANNEL = setOf(CHANNELS);
const URGENCY = setOf(URGENCIES);
const SECTION = setOf(ICCS_SECTIONS);
const ASSIST = setOf(ASSISTANCE);
const GROUND = setOf(REFUSAL_GROUNDS);

/** A free-text cell within its length (request-fields.ts: optionalText), or false. */
const text = (value: string | null | undefined, max: number): string | null | false =>
  value == null ? null : value.length <= max ? value : false;

/** A code cell, read in any case as the full path does (the codes themselves are lower case). */
function code(value: string | null | undefined, codes: ReadonlySet<string>): string | null | false {
  if (value == null) return null;
  if (codes.has(value)) return value;
  const lower = value.toLowerCase();
  return codes.has(lower) ? lower : false;
}

/**
 * A list cell: its codes in the code list's order, each once (as request-fields.ts codeList
 * gives them), or false. `max` is the list's bound before duplicates are dropped, as zod checks it.
 */
function list<T extends string>(
  value: string | null | undefined,
  codes: readonly T[],
  known: ReadonlySet<string>,
  lower: boolean,
  max: number,
): T[] | false {
  if (value == null) return [];
  const cased = lower ? value.toLowerCase() : value;
  if (!cased.includes(';')) {
    // One code, the usual case.
    const item = cased.trim();
    if (item === '') return [];
    return known.has(item) ? [item as T] : false;
  }
  const items: string[] = [];
  for (const piece of cased.split(';')) {
    const item = piece.trim();
    if (item === '') continue;
    if (!known.has(item)) return false;
    items.push(item);
  }
  if (items.length > max) return false;
  return items.length === 1 ? (items as T[]) : codes.filter((c) => items.includes(c));
}

/** Calendar days met already (a register has a few thousand): isIsoDate once per day. */
const knownDays = new Set<string>();

function isDay(value: string): boolean {
  if (knownDays.has(value)) return true;
  if (!isIsoDate(value)) return false;
  if (knownDays.size >= 100_000) knownDays.clear();
  knownDays.add(detach(value));
  return true;
}

export function quickValidRow(v: RowValues, today: string): ValidRow | null {
  const reference = v.reference;
  if (reference == null || reference.length > 120) return null;
  const direction = code(v.direction, DIRECTION);
  const kind = code(v.kind, KIND);
  const status = code(v.status, STATUS);
  if (!direction || !kind || !status) return null;
  const openedOn = v.opened_on ?? null;
  const closedOn = v.closed_on ?? null;
  if ((openedOn !== null && !isDay(openedOn)) || (closedOn !== null && !isDay(closedOn))) return null;
  const country = v.counterpart_country?.toUpperCase();
  if (country === undefined || !isCountryCode(country)) return null;
  const legalBasis = code(v.legal_basis, LEGAL_BASIS);
  const channel = code(v.channel, CHANNEL);
  const urgency = v.urgency == null ? 'normal' : code(v.urgency, URGENCY);
  const flag = v.cyber_related?.toLowerCase();
  if (legalBasis === false || channel === false || !urgency) return null;
  if (flag !== undefined && flag !== 'true' && flag !== 'false') return null;
  const offences = list(v.offences, ICCS_SECTIONS, SECTION, false, ICCS_SECTIONS.length);
  const assistance = list(v.assistance, ASSISTANCE, ASSIST, true, ASSISTANCE.length);
  const grounds = list(v.refusal_grounds, REFUSAL_GROUNDS, GROUND, true, Infinity);
  if (!offences || !assistance || !grounds) return null;
  const relatedReference = text(v.related_reference, 120);
  const counterpartAuthority = text(v.counterpart_authority, 300);
  const counterpartReference = text(v.counterpart_reference, 120);
  const domesticAuthority = text(v.domestic_authority, 300);
  const domesticReference = text(v.domestic_reference, 120);
  const serviceProvider = text(v.service_provider, 200);
  const legalBasisDetail = text(v.legal_basis_detail, 300);
  const offenceDescription = text(v.offence_description, 1000);
  const assignedTo = text(v.assigned_to, 120);
  const summary = text(v.summary, 8000);
  if (
    relatedReference === false ||
    counterpartAuthority === false ||
    counterpartReference === false ||
    domesticAuthority === false ||
    domesticReference === false ||
    serviceProvider === false ||
    legalBasisDetail === false ||
    offenceDescription === false ||
    assignedTo === false ||
    summary === false
  ) {
    return null;
  }
  // The casts name what the sets above just checked.
  const row: ValidRow = {
    reference,
    direction: direction as ValidRow['direction'],
    kind: kind as ValidRow['kind'],
    status: status as ValidRow['status'],
    openedOn,
    closedOn,
    refusalGrounds: grounds,
    relatedReference,
    fields: {
      counterpartCountry: country,
      counterpartAuthority,
      counterpartReference,
      domesticAuthority,
      domesticReference,
      serviceProvider,
      legalBasis: legalBasis as ValidRow['fields']['legalBasis'],
      legalBasisDetail,
      channel: channel as ValidRow['fields']['channel'],
      offences,
      cyberRelated: flag === 'true',
      offenceDescription,
      assistance,
      urgency: urgency as ValidRow['fields']['urgency'],
      counterpartDeadline: null,
      deadlineNote: null,
      assignedTo,
      summary,
      preservedUntil: null,
      parties: [],
      identifiers: [],
      ...FIELDS_NOT_INTERCHANGED,
    },
  };
  let fits = true;
  crossCheck(row, today, () => {
    fits = false;
  });
  return fits ? row : null;
}
