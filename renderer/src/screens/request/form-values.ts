import type {
  Assistance,
  Channel,
  Direction,
  IccsSection,
  IdentifierType,
  Kind,
  LegalBasis,
  PartyRole,
  Urgency,
} from '../../../../contract/codes.ts';
import { followsPreservationApplies } from '../../../../contract/completeness.ts';
import type { NewRequest, RequestDetail, RequestFieldsInput } from '../../../../contract/requests.ts';

/** A person or entity as the form edits it (text inputs hold strings, '' for nothing). */
export interface PartyValues {
  role: PartyRole;
  name: string;
  birthDate: string;
  nationality: string | null;
  location: string;
  identifiers: string;
  note: string;
}

/** An identifier as the form edits it: local date-times and the zone they were given in. */
export interface IdentifierValues {
  type: IdentifierType;
  value: string;
  /** "YYYY-MM-DDTHH:mm" as typed (datetime-local), in `timeZone`. */
  from: string;
  to: string;
  /** IANA zone ("Europe/Paris") or "UTC". */
  timeZone: string;
  note: string;
  /** The values as stored, kept so that an untouched time is saved exactly as it was. */
  stored?: { fromAt: string | null; toAt: string | null; timeZone: string };
}

export interface FormValues {
  direction: Direction;
  kind: Kind;
  openedOn: string;
  counterpartCountry: string | null;
  counterpartAuthority: string;
  counterpartReference: string;
  domesticAuthority: string;
  domesticReference: string;
  serviceProvider: string;
  legalBasis: LegalBasis | null;
  legalBasisDetail: string;
  channel: Channel | null;
  offences: IccsSection[];
  cyberRelated: boolean;
  offenceDescription: string;
  assistance: Assistance[];
  urgency: Urgency;
  counterpartDeadline: string;
  deadlineNote: string;
  assignedTo: string;
  summary: string;
  preservedUntil: string;
  parties: PartyValues[];
  identifiers: IdentifierValues[];
  proceedingsNature: string;
  conductingAuthority: string;
  procedureToFollow: string;
  purpose: string;
  emergencyJustification: string;
  requestLanguage: string | null;
  followsPreservation: boolean;
}

export const EMPTY_FORM: FormValues = {
  direction: 'incoming',
  kind: 'mla',
  openedOn: '',
  counterpartCountry: null,
  counterpartAuthority: '',
  counterpartReference: '',
  domesticAuthority: '',
  domesticReference: '',
  serviceProvider: '',
  legalBasis: null,
  legalBasisDetail: '',
  channel: null,
  offences: [],
  cyberRelated: false,
  offenceDescription: '',
  assistance: [],
  urgency: 'normal',
  counterpartDeadline: '',
  deadlineNote: '',
  assignedTo: '',
  summary: '',
  preservedUntil: '',
  parties: [],
  identifiers: [],
  proceedingsNature: '',
  conductingAuthority: '',
  procedureToFollow: '',
  purpose: '',
  emergencyJustification: '',
  requestLanguage: null,
  followsPreservation: false,
};

export const EMPTY_PARTY: PartyValues = {
  role: 'suspect',
  name: '',
  birthDate: '',
  nationality: null,
  location: '',
  identifiers: '',
  note: '',
};

export const EMPTY_IDENTIFIER: IdentifierValues = {
  type: 'ip_address',
  value: '',
  from: '',
  to: '',
  timeZone: 'UTC',
  note: '',
};

/** The kinds that concern electronic evidence held by a service provider. */
export const isEEvidence = (kind: Kind) => kind !== 'mla';

/** "+02:00" for a UTC offset in minutes. */
function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The zone's offset from UTC, in minutes, at an instant (from Intl's "GMT+02:00" name). */
function offsetAt(timeZone: string, instant: number): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(instant))
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/**
 * A local date-time in a zone, written with its offset: "2026-03-29T02:30" in Europe/Paris
 * → "2026-03-29T02:30+01:00". Two passes settle the offset around daylight-saving changes.
 */
export function withOffset(local: string, timeZone: string): string {
  if (local === '') return '';
  const asUtc = Date.parse(`${local}Z`);
  if (Number.isNaN(asUtc)) return local;
  let offset = offsetAt(timeZone, asUtc);
  offset = offsetAt(timeZone, asUtc - offset * 60_000);
  return `${local}${formatOffset(offset)}`;
}

/** The local part of a stored "…T10:15:30+02:00" value (seconds kept), for the datetime-local input. */
export function localPart(stored: string | null): string {
  return stored ? (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?/.exec(stored)?.[0] ?? '') : '';
}

/** The moment to store: as it was when the person did not touch it, else the local time with its offset. */
function momentOf(local: string, item: IdentifierValues, stored: string | null | undefined): string | null {
  if (local === '') return null;
  if (stored && item.stored?.timeZone === item.timeZone && localPart(stored) === local) return stored;
  return withOffset(local, item.timeZone);
}

/** The fields of the contract, from the form (what its kind does not use is left out). */
export function toFieldsInput(v: FormValues): RequestFieldsInput {
  const eEvidence = isEEvidence(v.kind);
  return {
    counterpartCountry: v.counterpartCountry ?? '',
    counterpartAuthority: v.counterpartAuthority,
    counterpartReference: v.counterpartReference,
    domesticAuthority: v.domesticAuthority,
    domesticReference: v.domesticReference,
    serviceProvider: eEvidence ? v.serviceProvider : '',
    legalBasis: v.legalBasis,
    legalBasisDetail: v.legalBasisDetail,
    channel: v.channel,
    offences: v.offences,
    cyberRelated: v.cyberRelated,
    offenceDescription: v.offenceDescription,
    assistance: v.assistance,
    urgency: v.urgency,
    counterpartDeadline: v.counterpartDeadline === '' ? null : v.counterpartDeadline,
    deadlineNote: v.deadlineNote,
    assignedTo: v.assignedTo,
    summary: v.summary,
    preservedUntil: v.kind === 'preservation' && v.preservedUntil !== '' ? v.preservedUntil : null,
    parties: v.parties.map((p) => ({ ...p, birthDate: p.birthDate === '' ? null : p.birthDate })),
    identifiers: eEvidence
      ? v.identifiers.map((i) => ({
          type: i.type,
          value: i.value,
          fromAt: momentOf(i.from, i, i.stored?.fromAt),
          toAt: momentOf(i.to, i, i.stored?.toAt),
          timeZone: i.timeZone,
          note: i.note,
        }))
      : [],
    proceedingsNature: v.proceedingsNature,
    conductingAuthority: v.conductingAuthority,
    procedureToFollow: v.procedureToFollow,
    purpose: v.purpose,
    emergencyJustification: v.kind === 'emergency_disclosure' ? v.emergencyJustification : '',
    requestLanguage: v.requestLanguage,
    followsPreservation: followsPreservationApplies(v.kind) && v.followsPreservation,
  };
}

export function toNewRequest(v: FormValues): NewRequest {
  return {
    direction: v.direction,
    kind: v.kind,
    openedOn: v.direction === 'incoming' && v.openedOn !== '' ? v.openedOn : null,
    ...toFieldsInput(v),
  };
}

/** The form, filled from a stored request (to correct it). */
export function fromDetail(r: RequestDetail): FormValues {
  const text = (s: string | null) => s ?? '';
  return {
    direction: r.direction,
    kind: r.kind,
    openedOn: text(r.openedOn),
    counterpartCountry: r.counterpartCountry,
    counterpartAuthority: text(r.counterpartAuthority),
    counterpartReference: text(r.counterpartReference),
    domesticAuthority: text(r.domesticAuthority),
    domesticReference: text(r.domesticReference),
    serviceProvider: text(r.serviceProvider),
    legalBasis: r.legalBasis,
    legalBasisDetail: text(r.legalBasisDetail),
    channel: r.channel,
    offences: r.offences,
    cyberRelated: r.cyberRelated,
    offenceDescription: text(r.offenceDescription),
    assistance: r.assistance,
    urgency: r.urgency,
    counterpartDeadline: text(r.counterpartDeadline),
    deadlineNote: text(r.deadlineNote),
    assignedTo: text(r.assignedTo),
    summary: text(r.summary),
    preservedUntil: text(r.preservedUntil),
    parties: r.parties.map((p) => ({
      role: p.role,
      name: p.name,
      birthDate: text(p.birthDate),
      nationality: p.nationality,
      location: text(p.location),
      identifiers: text(p.identifiers),
      note: text(p.note),
    })),
    identifiers: r.identifiers.map((i) => ({
      type: i.type,
      value: i.value,
      from: localPart(i.fromAt),
      to: localPart(i.toAt),
      timeZone: i.timeZone ?? 'UTC',
      note: text(i.note),
      stored: { fromAt: i.fromAt, toAt: i.toAt, timeZone: i.timeZone ?? 'UTC' },
    })),
    proceedingsNature: text(r.proceedingsNature),
    conductingAuthority: text(r.conductingAuthority),
    procedureToFollow: text(r.procedureToFollow),
    purpose: text(r.purpose),
    emergencyJustification: text(r.emergencyJustification),
    requestLanguage: r.requestLanguage,
    followsPreservation: r.followsPreservation,
  };
}
