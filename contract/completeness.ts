import { DATA_CATEGORIES, type Direction, type Kind, type LinkKind, type Status } from './codes.ts';

/*
 * What an outgoing request must contain before it leaves, in one place: the request form shows
 * this check live, the request screen and the move dialog list what is missing, and the register
 * refuses to move an incomplete request on unless an officer gives a reason (db/drafting/gate.ts).
 *
 * Formal requests (`mla`): UNTOC art. 18(15) and UNCAC art. 46(15) — the requesting authority;
 * the subject and nature of the investigation, prosecution or proceeding and the authority
 * conducting it; a summary of the facts; the assistance sought and any particular procedure to
 * follow; where possible, the identity, location and nationality of any person concerned; the
 * purpose of the evidence. "Any particular procedure" exists only when there is one, and the
 * persons only "where possible": those four are shown as recommended, not essential.
 *
 * E-evidence requests (preservation, disclosure, emergency disclosure), after the Budapest
 * Convention art. 29(2) and the European Production and Preservation Order certificates: the
 * authority asking, a summary of the facts, the service provider, the identifiers with the exact
 * moment (UTC offset and time zone) and the end of the period the data covers, the categories of
 * data, and for an emergency the justification of the emergency.
 *
 * A request that follows a preservation (content through a formal request, or a disclosure after
 * the data was preserved; the follow-up links of db/requests/links.ts join only those two kinds to
 * a preservation): the clerk ticks "follows a preservation" and links the preservation with a
 * follow-up link (Links tab). The element applies only when ticked, and is present when
 * this request has a follow-up link *to* a preservation request. It cannot be inferred from the
 * links alone: an unticked request without a link is simply one that follows none.
 */

export const COMPLETENESS_CODES = [
  'requesting_authority',
  'proceedings_nature',
  'conducting_authority',
  'facts_summary',
  'assistance_sought',
  'procedure',
  'persons_identity',
  'persons_location',
  'persons_nationality',
  'purpose',
  'service_provider',
  'identifiers_timestamps',
  'date_range',
  'data_categories',
  'preservation_followed',
  'emergency_justification',
] as const;
export type CompletenessCode = (typeof COMPLETENESS_CODES)[number];

/** The tabs of the request screen that show each element. */
export type CompletenessTab = 'summary' | 'parties' | 'eEvidence' | 'links';

export interface CompletenessItem {
  code: CompletenessCode;
  /** Essential elements stop the request from moving on (unless overridden with a reason). */
  essential: boolean;
  present: boolean;
  /** Where the request screen shows it. */
  tab: CompletenessTab;
  /**
   * Where the form fills it in: a field of the request ("purpose"), or a path to the first item
   * of a list that lacks it ("parties.1.location"), or the list itself when it is empty.
   */
  field: string;
  /** For the elements of a list: the positions (from 0) of the items that lack it. */
  items: number[];
}

type Text = string | null | undefined;

/**
 * What the check reads. Loose on purpose: the form passes what it holds (empty strings for
 * nothing, no links before the draft is saved), the register passes the stored request.
 */
export interface CompletenessInput {
  direction: Direction;
  kind: Kind;
  domesticAuthority?: Text;
  proceedingsNature?: Text;
  conductingAuthority?: Text;
  summary?: Text;
  procedureToFollow?: Text;
  purpose?: Text;
  serviceProvider?: Text;
  emergencyJustification?: Text;
  followsPreservation?: boolean | undefined;
  assistance?: readonly string[] | undefined;
  parties?: readonly { location?: Text; nationality?: Text }[] | undefined;
  identifiers?: readonly { fromAt?: Text; toAt?: Text; timeZone?: Text }[] | undefined;
  links?: readonly { kind: LinkKind; side: 'to' | 'from'; other: { kind: Kind } }[] | undefined;
}

interface Rule {
  code: CompletenessCode;
  essential: boolean;
  tab: CompletenessTab;
  /** Whether the element applies to this request (default: always, for the kinds listing it). */
  applies?(r: CompletenessInput): boolean;
  /** Present, or the positions of the items lacking it (an empty list of items lacks it too). */
  check(r: CompletenessInput): boolean | { field: string; items: number[] };
  field: string;
}

const has = (text: Text) => typeof text === 'string' && text.trim() !== '';

/** Every item of a list must have it; an empty list does not. */
function everyItem<T>(
  list: readonly T[] | undefined,
  listField: string,
  itemField: string,
  ok: (item: T) => boolean,
): true | { field: string; items: number[] } {
  if (!list || list.length === 0) return { field: listField, items: [] };
  const items = list.flatMap((item, i) => (ok(item) ? [] : [i]));
  return items.length === 0 ? true : { field: `${listField}.${items[0]}.${itemField}`, items };
}

/** The elements that are one text field of the request. */
type TextField =
  | 'domesticAuthority'
  | 'proceedingsNature'
  | 'conductingAuthority'
  | 'summary'
  | 'procedureToFollow'
  | 'purpose'
  | 'serviceProvider'
  | 'emergencyJustification';

const text = (code: CompletenessCode, field: TextField, tab: CompletenessTab, essential = true): Rule => ({
  code,
  essential,
  tab,
  field,
  check: (r) => has(r[field]),
});

const RULES: Record<CompletenessCode, Rule> = {
  requesting_authority: text('requesting_authority', 'domesticAuthority', 'summary'),
  proceedings_nature: text('proceedings_nature', 'proceedingsNature', 'summary'),
  conducting_authority: text('conducting_authority', 'conductingAuthority', 'summary'),
  facts_summary: text('facts_summary', 'summary', 'summary'),
  assistance_sought: {
    code: 'assistance_sought',
    essential: true,
    tab: 'summary',
    field: 'assistance',
    check: (r) => (r.assistance ?? []).length > 0,
  },
  procedure: text('procedure', 'procedureToFollow', 'summary', false),
  persons_identity: {
    code: 'persons_identity',
    essential: false,
    tab: 'parties',
    field: 'parties',
    check: (r) => (r.parties ?? []).length > 0,
  },
  persons_location: {
    code: 'persons_location',
    essential: false,
    tab: 'parties',
    field: 'parties',
    check: (r) => everyItem(r.parties, 'parties', 'location', (p) => has(p.location)),
  },
  persons_nationality: {
    code: 'persons_nationality',
    essential: false,
    tab: 'parties',
    field: 'parties',
    check: (r) => everyItem(r.parties, 'parties', 'nationality', (p) => has(p.nationality)),
  },
  purpose: text('purpose', 'purpose', 'summary'),
  service_provider: text('service_provider', 'serviceProvider', 'eEvidence'),
  identifiers_timestamps: {
    code: 'identifiers_timestamps',
    essential: true,
    tab: 'eEvidence',
    field: 'identifiers',
    // The offset is part of every stored moment (contract/request-fields.ts); the zone says where.
    check: (r) => {
      const outcome = everyItem(r.identifiers, 'identifiers', 'fromAt', (i) => has(i.fromAt) && has(i.timeZone));
      if (outcome === true || outcome.items.length === 0) return outcome;
      // The first identifier at fault: its time if it has none, else its zone.
      const first = outcome.items[0] ?? 0;
      const lacksTime = !has(r.identifiers?.[first]?.fromAt);
      return { ...outcome, field: `identifiers.${first}.${lacksTime ? 'fromAt' : 'timeZone'}` };
    },
  },
  date_range: {
    code: 'date_range',
    essential: true,
    tab: 'eEvidence',
    field: 'identifiers',
    check: (r) => everyItem(r.identifiers, 'identifiers', 'toAt', (i) => has(i.fromAt) && has(i.toAt)),
  },
  data_categories: {
    code: 'data_categories',
    essential: true,
    tab: 'eEvidence',
    field: 'assistance',
    check: (r) => (r.assistance ?? []).some((a) => (DATA_CATEGORIES as readonly string[]).includes(a)),
  },
  preservation_followed: {
    code: 'preservation_followed',
    essential: true,
    tab: 'links',
    field: 'links',
    applies: (r) => r.followsPreservation === true,
    check: (r) =>
      (r.links ?? []).some((l) => l.kind === 'follow_up' && l.side === 'to' && l.other.kind === 'preservation'),
  },
  emergency_justification: text('emergency_justification', 'emergencyJustification', 'eEvidence'),
};

const E_EVIDENCE: readonly CompletenessCode[] = [
  'requesting_authority',
  'facts_summary',
  'service_provider',
  'identifiers_timestamps',
  'date_range',
  'data_categories',
];

/** The elements of an outgoing request of each kind, in the order the form asks for them. */
export const ELEMENTS_BY_KIND: Record<Kind, readonly CompletenessCode[]> = {
  mla: [
    'requesting_authority',
    'proceedings_nature',
    'conducting_authority',
    'facts_summary',
    'assistance_sought',
    'procedure',
    'persons_identity',
    'persons_location',
    'persons_nationality',
    'purpose',
    'preservation_followed',
  ],
  preservation: E_EVIDENCE,
  disclosure: [...E_EVIDENCE, 'preservation_followed'],
  emergency_disclosure: [...E_EVIDENCE, 'emergency_justification'],
};

/**
 * Each element an outgoing request of its kind must (or should) contain, present or not. An
 * incoming request is the other state's to complete: nothing is checked.
 */
export function checkCompleteness(r: CompletenessInput): CompletenessItem[] {
  if (r.direction !== 'outgoing') return [];
  return ELEMENTS_BY_KIND[r.kind].flatMap((code) => {
    const rule = RULES[code];
    if (rule.applies && !rule.applies(r)) return [];
    const outcome = rule.check(r);
    const present = outcome === true;
    const where = typeof outcome === 'object' ? outcome : { field: rule.field, items: [] };
    return [{ code, essential: rule.essential, present, tab: rule.tab, field: where.field, items: where.items }];
  });
}

/** The essential elements the request lacks. */
export function missingEssentials(items: readonly CompletenessItem[]): CompletenessItem[] {
  return items.filter((i) => i.essential && !i.present);
}

/** The statuses in which an outgoing request is still being drafted, before it leaves. */
export const DRAFTING_STATUSES = ['draft', 'under_review'] as const satisfies readonly Status[];

export function isDrafting(direction: Direction, status: Status): boolean {
  return direction === 'outgoing' && (DRAFTING_STATUSES as readonly Status[]).includes(status);
}

/**
 * The moves that need a complete request: an outgoing draft put up for review, and an outgoing
 * request sent (from review, or from draft for the e-evidence kinds that skip review). Going back
 * to draft, or withdrawing, needs nothing.
 */
/** The kinds that may follow a preservation (and so be linked to it as its follow-up). */
export const FOLLOW_UP_KINDS = ['mla', 'disclosure'] as const satisfies readonly Kind[];

export function followsPreservationApplies(kind: Kind): boolean {
  return (FOLLOW_UP_KINDS as readonly Kind[]).includes(kind);
}

export function isCheckedMove(direction: Direction, from: Status, to: Status): boolean {
  return isDrafting(direction, from) && from !== to && (to === 'under_review' || to === 'sent');
}

/** The longest reason an officer may give for moving an incomplete request on. */
export const OVERRIDE_REASON_MAX = 2000;
