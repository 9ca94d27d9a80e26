import { DATA_CATEGORIES, type DataCategory } from '../../contract/codes.ts';
import type { LetterCode, LetterheadView } from '../../contract/letters.ts';
import type { Treaty } from '../../contract/profiles.ts';
import type { RequestDetail } from '../../contract/requests.ts';
import { type Language, localeOf } from '../../i18n/languages.ts';
import { labelsFor } from '../reports/labels.ts';

/**
 * The one object a letter template reads (`{{ request.reference }}`, `{% for p in
 * request.parties %}`), built from the request in the letter's language. Every field is always
 * present: a value the request lacks is `null` (false in `{% if %}`), a list it lacks is empty
 * (test it with `.size > 0`). Code lists come twice: the label in the letter's language and the
 * code. Dates are written out in the letter's language ("10 March 2026"); the exact times of
 * e-evidence identifiers are kept as recorded, with their UTC offset, and in UTC beside them.
 * A template naming a field not listed here is refused when it is saved.
 */
export interface LetterData {
  /** Today, written out: the letter's date. */
  today: string;
  letter: {
    code: LetterCode;
    /** The letter's language (ISO 639-1) and its name in that language. */
    language: Language;
    languageName: string;
  };
  /** The office's letterhead (Settings → Letters). */
  office: {
    name: string;
    address: string[];
    phone: string | null;
    email: string | null;
  };
  /** Who generates the letter (the signed-in person's display name). */
  author: { name: string };
  request: LetterRequest;
}

export interface Coded {
  code: string;
  label: string;
}

export interface LetterParty {
  role: string;
  roleCode: string;
  name: string;
  birthDate: string | null;
  nationality: string | null;
  nationalityCode: string | null;
  location: string | null;
  identifiers: string | null;
  note: string | null;
}

export interface LetterIdentifier {
  type: string;
  typeCode: string;
  value: string;
  /** As recorded, with its offset: "2026-03-01 10:15 UTC+02:00"; null when not given. */
  from: string | null;
  to: string | null;
  /** The same moments in UTC: "2026-03-01 08:15:00 UTC". */
  fromUtc: string | null;
  toUtc: string | null;
  /** The time zone named with the identifier ("Europe/Paris"), if any. */
  timeZone: string | null;
  note: string | null;
}

export interface LetterRequest {
  reference: string;
  direction: string;
  directionCode: string;
  kind: string;
  kindCode: string;
  status: string;
  statusCode: string;
  urgent: boolean;
  openedOn: string | null;
  closedOn: string | null;
  counterpart: {
    country: string;
    countryCode: string;
    authority: string | null;
    reference: string | null;
  };
  domestic: {
    authority: string | null;
    reference: string | null;
  };
  legalBasis: string | null;
  legalBasisCode: string | null;
  legalBasisDetail: string | null;
  /**
   * The treaty of the request's legal basis as the counterpart state's country profile lists
   * it (its title, in force since): how a letter names a bilateral or regional treaty. Both
   * null when the basis is no treaty or the profile does not list it.
   */
  treaty: { name: string | null; inForceSince: string | null };
  channel: string | null;
  channelCode: string | null;
  offences: Coded[];
  offenceDescription: string | null;
  cyberRelated: boolean;
  assistance: Coded[];
  /** The data-related part of the assistance sought (subscriber, traffic, content, real time). */
  dataCategories: Coded[];
  serviceProvider: string | null;
  parties: LetterParty[];
  identifiers: LetterIdentifier[];
  counterpartDeadline: string | null;
  deadlineNote: string | null;
  preservedUntil: string | null;
  summary: string | null;
  /** The drafting fields of a formal request (UNTOC art. 18(15)). */
  proceedingsNature: string | null;
  conductingAuthority: string | null;
  procedureToFollow: string | null;
  purpose: string | null;
  emergencyJustification: string | null;
  /** The language the request is written in, by name in the letter's language. */
  requestLanguage: string | null;
  requestLanguageCode: string | null;
  followsPreservation: boolean;
  /** Our references of the requests this one follows up (a preservation, typically). */
  followsUp: string[];
  assignedTo: string | null;
}

/** "2026-03-01T10:15+02:00" → "2026-03-01 10:15 UTC+02:00": the moment exactly as recorded. */
export function asRecorded(moment: string | null): string | null {
  if (moment === null) return null;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})$/.exec(moment);
  if (!m) return moment;
  return `${m[1]} ${m[2]} ${m[3] === 'Z' ? 'UTC' : `UTC${m[3]}`}`;
}

/** The same moment in UTC, to the second. */
export function inUtc(moment: string | null): string | null {
  if (moment === null) return null;
  const at = new Date(moment);
  if (Number.isNaN(at.getTime())) return null;
  return `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export interface LetterContext {
  code: LetterCode;
  language: Language;
  today: string;
  letterhead: LetterheadView;
  author: string;
  /** The counterpart's treaty for the request's legal basis (treaty.ts), or null. */
  treaty: Pick<Treaty, 'name' | 'inForceSince'> | null;
}

/** The template's data for `request`, in `context.language`. */
export function letterData(request: RequestDetail, context: LetterContext): LetterData {
  const labels = labelsFor(context.language);
  const codes = labels.codes;
  const date = (day: string | null) => (day === null ? null : labels.date(day));
  const coded = <T extends string>(list: readonly T[], names: Record<string, string>): Coded[] =>
    list.map((code) => ({ code, label: names[code] ?? code }));
  const languageNames = new Intl.DisplayNames([localeOf(context.language)], { type: 'language' });
  const languageName = (code: string) => languageNames.of(code) ?? code;
  const dataCategories = request.assistance.filter((a): a is DataCategory =>
    (DATA_CATEGORIES as readonly string[]).includes(a),
  );
  return {
    today: labels.date(context.today),
    letter: { code: context.code, language: context.language, languageName: languageName(context.language) },
    office: {
      name: context.letterhead.officeName,
      address: context.letterhead.addressLines,
      phone: context.letterhead.phone,
      email: context.letterhead.email,
    },
    author: { name: context.author },
    request: {
      reference: request.reference,
      direction: codes.direction[request.direction],
      directionCode: request.direction,
      kind: codes.kind[request.kind],
      kindCode: request.kind,
      status: codes.status[request.status],
      statusCode: request.status,
      urgent: request.urgency === 'urgent',
      openedOn: date(request.openedOn),
      closedOn: date(request.closedOn),
      counterpart: {
        country: labels.country(request.counterpartCountry),
        countryCode: request.counterpartCountry,
        authority: request.counterpartAuthority,
        reference: request.counterpartReference,
      },
      domestic: { authority: request.domesticAuthority, reference: request.domesticReference },
      legalBasis: request.legalBasis === null ? null : codes.legalBasis[request.legalBasis],
      legalBasisCode: request.legalBasis,
      legalBasisDetail: request.legalBasisDetail,
      treaty: { name: context.treaty?.name ?? null, inForceSince: date(context.treaty?.inForceSince ?? null) },
      channel: request.channel === null ? null : codes.channel[request.channel],
      channelCode: request.channel,
      offences: coded(request.offences, codes.iccs),
      offenceDescription: request.offenceDescription,
      cyberRelated: request.cyberRelated,
      assistance: coded(request.assistance, codes.assistance),
      dataCategories: coded(dataCategories, codes.assistance),
      serviceProvider: request.serviceProvider,
      parties: request.parties.map((p) => ({
        role: codes.partyRole[p.role],
        roleCode: p.role,
        name: p.name,
        birthDate: date(p.birthDate),
        nationality: p.nationality === null ? null : labels.country(p.nationality),
        nationalityCode: p.nationality,
        location: p.location,
        identifiers: p.identifiers,
        note: p.note,
      })),
      identifiers: request.identifiers.map((i) => ({
        type: codes.identifierType[i.type],
        typeCode: i.type,
        value: i.value,
        from: asRecorded(i.fromAt),
        to: asRecorded(i.toAt),
        fromUtc: inUtc(i.fromAt),
        toUtc: inUtc(i.toAt),
        timeZone: i.timeZone,
        note: i.note,
      })),
      counterpartDeadline: date(request.counterpartDeadline),
      deadlineNote: request.deadlineNote,
      preservedUntil: date(request.preservedUntil),
      summary: request.summary,
      proceedingsNature: request.proceedingsNature,
      conductingAuthority: request.conductingAuthority,
      procedureToFollow: request.procedureToFollow,
      purpose: request.purpose,
      emergencyJustification: request.emergencyJustification,
      requestLanguage: request.requestLanguage === null ? null : languageName(request.requestLanguage),
      requestLanguageCode: request.requestLanguage,
      followsPreservation: request.followsPreservation,
      followsUp: request.links.filter((l) => l.kind === 'follow_up' && l.side === 'to').map((l) => l.other.reference),
      assignedTo: request.assignedTo,
    },
  };
}

/**
 * Every field a template can name, as dotted paths ("request.parties[].name"), for the
 * editor's list of fields: read off a complete data object, so it never drifts from the type.
 */
export function fieldPaths(data: unknown, prefix = ''): string[] {
  if (Array.isArray(data)) {
    const first: unknown = data[0];
    return first !== null && typeof first === 'object' ? fieldPaths(first, `${prefix}[]`) : [`${prefix}[]`];
  }
  if (data !== null && typeof data === 'object') {
    return Object.entries(data).flatMap(([key, value]) => fieldPaths(value, prefix === '' ? key : `${prefix}.${key}`));
  }
  return [prefix];
}
