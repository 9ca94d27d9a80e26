/**
 * The code lists of the register interchange spec (shared/spec/register-interchange.md),
 * the one source for the database schema, validation, UI labels and exports.
 * Adding a code here is a spec change: keep the order as the spec lists them.
 */

export const DIRECTIONS = ['incoming', 'outgoing'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const KINDS = ['mla', 'preservation', 'disclosure', 'emergency_disclosure'] as const;
export type Kind = (typeof KINDS)[number];

export const OPEN_STATUSES = [
  'draft',
  'registered',
  'under_review',
  'awaiting_information',
  'sent',
  'in_execution',
  'suspended',
  'partially_executed',
] as const;
export const CLOSED_STATUSES = ['executed', 'executed_in_part', 'refused', 'withdrawn', 'lapsed'] as const;
export const STATUSES = [...OPEN_STATUSES, ...CLOSED_STATUSES] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];
export type ClosedStatus = (typeof CLOSED_STATUSES)[number];
export type Status = OpenStatus | ClosedStatus;

export function isClosedStatus(status: Status): status is ClosedStatus {
  return (CLOSED_STATUSES as readonly string[]).includes(status);
}

export const LEGAL_BASES = [
  'untoc',
  'uncac',
  'drug_1988',
  'budapest',
  'un_cybercrime',
  'bilateral_treaty',
  'regional_treaty',
  'eu_eio',
  'eu_e_evidence',
  'reciprocity',
  'domestic_law',
  'other',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const CHANNELS = [
  'central_authority',
  'diplomatic',
  'interpol',
  'judicial_network',
  'network_24_7',
  'direct_judicial',
  'service_provider',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const ASSISTANCE = [
  'statements',
  'service_of_documents',
  'search_seizure_freezing',
  'examination',
  'information_evidence',
  'records',
  'tracing_proceeds',
  'voluntary_appearance',
  'videoconference',
  'transfer_detained',
  'confiscation',
  'subscriber_data',
  'traffic_data',
  'content_data',
  'realtime_collection',
  'other',
] as const;
export type Assistance = (typeof ASSISTANCE)[number];

export const REFUSAL_GROUNDS = [
  'dual_criminality',
  'political_offence',
  'essential_interests',
  'discrimination',
  'ne_bis_in_idem',
  'insufficient_information',
  'not_serious_enough',
  'death_penalty',
  'statute_of_limitations',
  'data_unavailable',
  'domestic_law_prohibits',
  'other',
] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

export const ICCS_SECTIONS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11'] as const;
export type IccsSection = (typeof ICCS_SECTIONS)[number];

export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** The reference prefix of each kind, as the office's registers already use them. */
export const KIND_PREFIX: Record<Kind, string> = {
  mla: 'MLA',
  preservation: 'PRE',
  disclosure: 'DIS',
  emergency_disclosure: 'EDR',
};

export const DIRECTION_PREFIX: Record<Direction, string> = {
  incoming: 'IN',
  outgoing: 'OUT',
};

/*
 * Codes of the register beyond the interchange spec (the request's parts and its daily work).
 * Same rule: one list here, read by the schema, validation, labels and exports.
 */

/** The data an e-evidence request seeks: the data-related assistance codes of the spec. */
export const DATA_CATEGORIES = [
  'subscriber_data',
  'traffic_data',
  'content_data',
  'realtime_collection',
] as const satisfies readonly Assistance[];
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const PARTY_ROLES = [
  'suspect',
  'accused',
  'witness',
  'victim',
  'expert',
  'company',
  'account_holder',
  'other',
] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const IDENTIFIER_TYPES = [
  'email',
  'phone',
  'ip_address',
  'account',
  'url',
  'wallet',
  'device',
  'other',
] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

/** What happens to a request besides its status changes, recorded in its history. */
export const EVENT_TYPES = [
  'returned_deficient', // sent back to the sender with what is missing
  'consultation_before_refusal', // UNTOC art. 18(26)
  'information_requested',
  'information_received',
  'preservation_extended',
  'reminder_sent',
  'note',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** How two requests are related; every link is shown from both ends. */
export const LINK_KINDS = ['follow_up', 'supplementary', 'related'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const DOCUMENT_TYPES = [
  'request',
  'translation',
  'supplementary_information',
  'acknowledgement',
  'execution_result',
  'correspondence',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_DIRECTIONS = ['incoming', 'outgoing', 'internal'] as const;
export type DocumentDirection = (typeof DOCUMENT_DIRECTIONS)[number];

export const CORRESPONDENCE_CHANNELS = [
  'email',
  'post',
  'courier',
  'diplomatic_bag',
  'secure_platform',
  'phone',
  'fax',
  'in_person',
  'other',
] as const;
export type CorrespondenceChannel = (typeof CORRESPONDENCE_CHANNELS)[number];
