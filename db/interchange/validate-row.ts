import { z } from 'zod';
import {
  ASSISTANCE,
  CHANNELS,
  DIRECTIONS,
  ICCS_SECTIONS,
  isClosedStatus,
  KINDS,
  LEGAL_BASES,
  REFUSAL_GROUNDS,
  STATUSES,
  URGENCIES,
  type Direction,
  type Kind,
  type RefusalGround,
  type Status,
} from '../../contract/codes.ts';
import { isoDate } from '../../contract/dates.ts';
import type { InterchangeColumn } from '../../contract/interchange.ts';
import type { MessageKey, MessageParams } from '../../contract/messages.ts';
import { optionalText, requestFieldsShape, requiredText, type RequestFields } from '../../contract/request-fields.ts';
import type { RowProblem } from './problems.ts';
import { statusesOf } from './workflow-statuses.ts';
import { issueMessage } from '../../contract/zod-messages.ts';

/** A row that passed every check of its own; what it names elsewhere is checked by the import. */
export interface ValidRow {
  reference: string;
  direction: Direction;
  kind: Kind;
  status: Status;
  openedOn: string | null;
  closedOn: string | null;
  refusalGrounds: RefusalGround[];
  relatedReference: string | null;
  fields: RequestFields;
}

export type RowValues = Partial<Record<InterchangeColumn, string | null>>;

/**
 * The row's rules: the spec's columns, with the field rules of the request form itself
 * (contract/request-fields.ts), so a value the form refuses is refused here too.
 */
const rowSchema = z.strictObject({
  reference: requiredText(120),
  direction: z.enum(DIRECTIONS),
  kind: z.enum(KINDS),
  status: z.enum(STATUSES),
  openedOn: isoDate.nullable(),
  closedOn: isoDate.nullable(),
  refusalGrounds: z.array(z.enum(REFUSAL_GROUNDS)),
  relatedReference: optionalText(120),
  ...requestFieldsShape,
});
type RowInput = z.input<typeof rowSchema>;
type RowKey = keyof RowInput;

const KEY_OF = {
  reference: 'reference',
  direction: 'direction',
  kind: 'kind',
  status: 'status',
  opened_on: 'openedOn',
  closed_on: 'closedOn',
  counterpart_country: 'counterpartCountry',
  counterpart_authority: 'counterpartAuthority',
  counterpart_reference: 'counterpartReference',
  domestic_authority: 'domesticAuthority',
  domestic_reference: 'domesticReference',
  service_provider: 'serviceProvider',
  legal_basis: 'legalBasis',
  legal_basis_detail: 'legalBasisDetail',
  channel: 'channel',
  offences: 'offences',
  cyber_related: 'cyberRelated',
  offence_description: 'offenceDescription',
  assistance: 'assistance',
  urgency: 'urgency',
  refusal_grounds: 'refusalGrounds',
  related_reference: 'relatedReference',
  assigned_to: 'assignedTo',
  summary: 'summary',
} as const satisfies Record<InterchangeColumn, RowKey>;

const COLUMN_OF = new Map<string, InterchangeColumn>(
  Object.entries(KEY_OF).map(([column, key]) => [key, column as InterchangeColumn]),
);

const LISTS = new Set<InterchangeColumn>(['offences', 'assistance', 'refusal_grounds']);
/** Code columns are read in any case ("Incoming"), as spreadsheets like to capitalise. */
const CODES = new Set<InterchangeColumn>(['direction', 'kind', 'status', 'legal_basis', 'channel', 'urgency']);
const REQUIRED = ['reference', 'direction', 'kind', 'status', 'counterpart_country'] as const;

const splitList = (text: string) =>
  text
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The cells as the schema's input; a problem for what cannot even be put in shape. */
function inputOf(values: RowValues, row: number, problems: RowProblem[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [column, key] of Object.entries(KEY_OF) as [InterchangeColumn, RowKey][]) {
    const text = values[column] ?? null;
    if (column === 'opened_on' || column === 'closed_on') input[key] = text;
    else if (LISTS.has(column))
      input[key] = text === null ? [] : splitList(column === 'offences' ? text : text.toLowerCase());
    else if (text === null) continue;
    else if (column === 'cyber_related') {
      const flag = text.toLowerCase();
      if (flag === 'true' || flag === 'false') input[key] = flag === 'true';
      else problems.push({ row, column, key: 'import.cell.notBoolean', params: { value: text } });
    } else input[key] = CODES.has(column) ? text.toLowerCase() : text;
  }
  for (const column of REQUIRED) {
    if ((values[column] ?? null) === null) problems.push({ row, column, key: 'field.required' });
  }
  return input;
}

/** The code list of each code column, in the spec's order, for the message naming the codes a cell may hold. */
const CODE_LISTS: Partial<Record<InterchangeColumn, readonly string[]>> = {
  direction: DIRECTIONS,
  kind: KINDS,
  status: STATUSES,
  legal_basis: LEGAL_BASES,
  channel: CHANNELS,
  offences: ICCS_SECTIONS,
  assistance: ASSISTANCE,
  urgency: URGENCIES,
  refusal_grounds: REFUSAL_GROUNDS,
};

/**
 * Columns whose message names the value given, so the person sees which one was refused: the
 * form's message for the field, and the same naming the value.
 */
const QUOTED: Partial<Record<InterchangeColumn, Partial<Record<MessageKey, MessageKey>>>> = {
  opened_on: { 'field.isoDate': 'import.cell.isoDate' },
  closed_on: { 'field.isoDate': 'import.cell.isoDate' },
  counterpart_country: { 'field.country': 'import.cell.country' },
};

function messageOf(
  issue: z.core.$ZodIssue,
  column: InterchangeColumn,
  input: Record<string, unknown>,
): { key: MessageKey; params: MessageParams } {
  let given: unknown = input;
  for (const step of issue.path) given = (given as Record<PropertyKey, unknown> | undefined)?.[step];
  const codes = CODE_LISTS[column];
  if (issue.code === 'invalid_value' && codes) {
    return { key: 'import.cell.unknownCode', params: { value: String(given), codes: codes.join(', ') } };
  }
  const said = issueMessage(issue);
  const naming = QUOTED[column]?.[said.key];
  return naming !== undefined && typeof given === 'string' ? { key: naming, params: { value: given } } : said;
}

type CrossChecked = Pick<
  z.output<typeof rowSchema>,
  'reference' | 'direction' | 'kind' | 'status' | 'openedOn' | 'closedOn' | 'refusalGrounds' | 'relatedReference'
>;

/**
 * The rules between columns, each checked when the columns it reads are valid themselves
 * (quick-row.ts runs them too, on a row whose every column is valid).
 */
export function crossCheck(
  v: Partial<CrossChecked>,
  today: string,
  report: (c: InterchangeColumn, key: MessageKey, params?: MessageParams) => void,
) {
  const { direction, kind, status, openedOn, closedOn } = v;
  let statusFits = true;
  // The file's own codes are named as written: they are what the person corrects.
  if (status === 'draft' && direction === 'incoming') {
    report('status', 'import.row.draftIncoming');
    statusFits = false;
  } else if (direction && kind && status && !statusesOf(direction, kind).has(status)) {
    report('status', 'import.row.statusNotInWorkflow', {
      statusCode: status,
      directionCode: direction,
      kindWords: kind.replaceAll('_', ' '),
    });
    statusFits = false;
  }
  // An outgoing request is opened when it is sent: before that (a draft, under review, or withdrawn unsent) it has no date.
  const unsent =
    direction === 'outgoing' && (status === 'draft' || status === 'under_review' || status === 'withdrawn');
  if (status === 'draft' && openedOn) report('opened_on', 'import.row.openedOnDraft');
  else if (openedOn === null && statusFits && status !== undefined && direction !== undefined && !unsent) {
    report('opened_on', 'import.row.openedOnRequired');
  }
  if (openedOn && openedOn > today) report('opened_on', 'import.row.afterToday', { today });
  if (status !== undefined && closedOn !== undefined) {
    if (isClosedStatus(status) && closedOn === null)
      report('closed_on', 'import.row.closedOnRequired', { statusCode: status });
    if (!isClosedStatus(status) && closedOn !== null)
      report('closed_on', 'import.row.closedOnWhileOpen', { statusCode: status });
  }
  if (closedOn && openedOn && closedOn < openedOn)
    report('closed_on', 'import.row.closedBeforeOpened', { date: openedOn });
  if (closedOn && closedOn > today) report('closed_on', 'import.row.afterToday', { today });
  if (status !== undefined && v.refusalGrounds !== undefined) {
    if (status === 'refused' && v.refusalGrounds.length === 0) report('refusal_grounds', 'import.row.groundsRequired');
    if (status !== 'refused' && v.refusalGrounds.length > 0) report('refusal_grounds', 'import.row.groundsOnlyRefused');
  }
  if (v.relatedReference && v.relatedReference === v.reference) report('related_reference', 'import.row.relatedSelf');
}

/**
 * Checks one data row on its own (what it names elsewhere is checked by the import, which
 * knows the other rows and the register). Every problem of the row is reported at once.
 */
export function validateRow(values: RowValues, row: number, today: string): ValidRow | RowProblem[] {
  const problems: RowProblem[] = [];
  const input = inputOf(values, row, problems);
  const reported = new Set(problems.map((p) => p.column));
  const parsed = rowSchema.safeParse(input);
  const bad = new Set<string>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      bad.add(key);
      const column = COLUMN_OF.get(key) ?? 'reference';
      if (!reported.has(column)) problems.push({ row, column, ...messageOf(issue, column, input) });
    }
  }
  // The cross-column rules read the values that passed, so every problem shows up in one run.
  const valid = parsed.success
    ? parsed.data
    : (Object.fromEntries(Object.entries(input).filter(([k]) => !bad.has(k))) as Partial<z.output<typeof rowSchema>>);
  crossCheck(valid, today, (column, key, params) =>
    problems.push(params === undefined ? { row, column, key } : { row, column, key, params }),
  );
  if (problems.length > 0 || !parsed.success) return problems;
  const { reference, direction, kind, status, openedOn, closedOn, refusalGrounds, relatedReference, ...fields } =
    parsed.data;
  return {
    reference,
    direction,
    kind,
    status,
    openedOn,
    closedOn,
    refusalGrounds: REFUSAL_GROUNDS.filter((g) => refusalGrounds.includes(g)),
    relatedReference,
    fields,
  };
}
