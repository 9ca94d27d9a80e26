import {
  CLOSED_STATUSES,
  DIRECTION_PREFIX,
  type Direction,
  type Kind,
  KIND_PREFIX,
  OPEN_STATUSES,
  type RefusalGround,
  type Status,
} from '../../contract/codes.ts';
import { statusesOf } from '../interchange/workflow-statuses.ts';
import type { ExportRow } from '../interchange/export-rows.ts';
import { dayNumber, isoOfDay } from './dates.ts';
import type { Random } from './random.ts';
import { summaryOf } from './text.ts';
import { CITIES, COUNTRIES, OFFENCE_NAMES, OFFICERS, SERVICE_PROVIDERS } from './vocabulary.ts';

/** The register's days: requests are opened from the first to the last (the last never after today). */
export interface SeedSpan {
  from: string;
  to: string;
}

/** What the generator remembers between rows: running numbers and recent preservations to follow up. */
export interface SeedState {
  counters: Map<string, number>;
  preservations: string[];
}

const KINDS_BY_WEIGHT = [
  ['mla', 55],
  ['preservation', 15],
  ['disclosure', 22],
  ['emergency_disclosure', 8],
] as const satisfies readonly (readonly [Kind, number])[];

const CLOSED_WEIGHTS: Record<(typeof CLOSED_STATUSES)[number], number> = {
  executed: 50,
  executed_in_part: 15,
  refused: 10,
  withdrawn: 8,
  lapsed: 17,
};

const E_EVIDENCE_ASSISTANCE = ['subscriber_data', 'traffic_data', 'content_data'] as const;
const MLA_ASSISTANCE = [
  'statements',
  'service_of_documents',
  'search_seizure_freezing',
  'examination',
  'information_evidence',
  'records',
  'tracing_proceeds',
  'videoconference',
  'confiscation',
] as const;
const MLA_GROUNDS: readonly RefusalGround[] = [
  'dual_criminality',
  'political_offence',
  'essential_interests',
  'ne_bis_in_idem',
  'insufficient_information',
  'not_serious_enough',
  'death_penalty',
  'statute_of_limitations',
];
const OFFENCE_WEIGHTS = [
  ['07', 30],
  ['06', 15],
  ['05', 12],
  ['02', 8],
  ['03', 8],
  ['01', 5],
  ['04', 5],
  ['08', 6],
  ['09', 5],
  ['10', 2],
  ['11', 4],
] as const;

/** A status this kind of request can hold: older requests are more likely closed. */
function statusOf(rnd: Random, direction: Direction, kind: Kind, ageYears: number): Status {
  const reachable = statusesOf(direction, kind);
  const closed = rnd.chance(Math.min(0.97, 0.15 + ageYears * 0.4));
  const pool = closed
    ? CLOSED_STATUSES.filter((s) => reachable.has(s)).map((s) => [s, CLOSED_WEIGHTS[s]] as const)
    : OPEN_STATUSES.filter((s) => reachable.has(s)).map((s) => [s, s === 'draft' ? 1 : 4] as const);
  return rnd.weighted<Status>(pool);
}

function nextReference(state: SeedState, kind: Kind, direction: Direction, year: string): string {
  const scope = `${KIND_PREFIX[kind]}-${DIRECTION_PREFIX[direction]}-${year}`;
  const seq = (state.counters.get(scope) ?? 0) + 1;
  state.counters.set(scope, seq);
  return `${scope}-${String(seq).padStart(5, '0')}`;
}

/** One request of the synthetic register, as an interchange row that the import accepts. */
export function seedRow(rnd: Random, state: SeedState, span: SeedSpan): ExportRow {
  const kind = rnd.weighted<Kind>(KINDS_BY_WEIGHT);
  const direction: Direction = rnd.chance(kind === 'mla' ? 0.55 : 0.3) ? 'incoming' : 'outgoing';
  const eEvidence = kind !== 'mla';
  const toProvider = (kind === 'disclosure' || kind === 'emergency_disclosure') && direction === 'outgoing';
  const provider = eEvidence ? rnd.pick(SERVICE_PROVIDERS) : null;
  const [country, , script] = rnd.weighted(COUNTRIES.map((c) => [c, c[1]] as const));
  const counterpartCountry = toProvider && provider ? provider[1] : country;

  const first = dayNumber(span.from);
  const last = dayNumber(span.to);
  // More requests in later years: the office grows (a square root skews towards the end).
  const opened = first + Math.floor(Math.sqrt(rnd.next()) * (last - first + 1));
  const status = statusOf(rnd, direction, kind, (last - opened) / 365);
  const openedOn = status === 'draft' ? null : isoOfDay(opened);
  const closes = (CLOSED_STATUSES as readonly Status[]).includes(status);
  const closedOn = closes ? isoOfDay(Math.min(last, opened + rnd.int(kind === 'mla' ? 20 : 1, 720))) : null;
  const year = (openedOn ?? span.to).slice(0, 4);
  const reference = nextReference(state, kind, direction, year);

  const sections = [rnd.weighted(OFFENCE_WEIGHTS), ...(rnd.chance(0.25) ? [rnd.weighted(OFFENCE_WEIGHTS)] : [])];
  const offences = [...new Set(sections)].sort();
  const offenceDescription = offences.map((s) => rnd.pick(OFFENCE_NAMES[s] ?? ['Offence'])).join(', ');
  const assistance = eEvidence
    ? rnd.some(E_EVIDENCE_ASSISTANCE, rnd.int(1, 2))
    : rnd.some(MLA_ASSISTANCE, rnd.int(1, 3));
  const refusalGrounds =
    status === 'refused'
      ? rnd.some(eEvidence ? ['data_unavailable', 'domestic_law_prohibits', 'other'] : MLA_GROUNDS, rnd.int(1, 2))
      : [];
  const legalBasis = toProvider
    ? rnd.pick(['eu_e_evidence', 'domestic_law', 'budapest'])
    : eEvidence
      ? rnd.pick(['budapest', 'un_cybercrime', 'reciprocity'])
      : rnd.weighted([
          ['untoc', 3],
          ['uncac', 2],
          ['drug_1988', 1],
          ['bilateral_treaty', 3],
          ['regional_treaty', 2],
          ['reciprocity', 2],
        ] as const);
  const channel = toProvider
    ? 'service_provider'
    : kind === 'preservation'
      ? 'network_24_7'
      : rnd.weighted([
          ['central_authority', 6],
          ['diplomatic', 2],
          ['interpol', 1],
          ['judicial_network', 1],
        ] as const);
  const city = rnd.pick(CITIES);
  const related =
    kind === 'mla' && state.preservations.length > 0 && rnd.chance(0.06) ? rnd.pick(state.preservations) : null;
  if (kind === 'preservation') state.preservations = [...state.preservations.slice(-49), reference];

  return {
    reference,
    direction,
    kind,
    status,
    opened_on: openedOn,
    closed_on: closedOn,
    counterpart_country: counterpartCountry,
    counterpart_authority: toProvider && provider ? provider[0] : `Central authority of ${counterpartCountry}`,
    counterpart_reference: rnd.chance(0.8) ? `${counterpartCountry}/${year}/${rnd.int(100, 99999)}` : null,
    domestic_authority: `Public Prosecutor's Office, ${city}`,
    domestic_reference: rnd.chance(0.85) ? `PP-${city.slice(0, 3).toUpperCase()}/${year}/${rnd.int(1, 9999)}` : null,
    service_provider: provider ? provider[0] : null,
    legal_basis: legalBasis,
    legal_basis_detail: legalBasis === 'bilateral_treaty' ? `Treaty on mutual legal assistance with ${country}` : null,
    channel,
    offences: offences.join(';'),
    cyber_related: String(eEvidence ? rnd.chance(0.6) : rnd.chance(0.15)),
    offence_description: offenceDescription,
    assistance: assistance.join(';'),
    urgency: kind === 'emergency_disclosure' || rnd.chance(0.08) ? 'urgent' : 'normal',
    refusal_grounds: refusalGrounds.length > 0 ? refusalGrounds.join(';') : null,
    related_reference: related,
    assigned_to: rnd.pick(OFFICERS),
    summary: summaryOf(rnd, script, offenceDescription),
  };
}
