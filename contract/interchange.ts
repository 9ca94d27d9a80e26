import { z } from 'zod';
import { messageParamsSchema } from './messages.ts';

/**
 * The register interchange format (shared/spec/register-interchange.md): its columns in the
 * spec's order, which of them a file must have, and what an import reports. Pure, so the
 * import wizard shows the very column list the import checks against.
 */
export const INTERCHANGE_COLUMNS = [
  'reference',
  'direction',
  'kind',
  'status',
  'opened_on',
  'closed_on',
  'counterpart_country',
  'counterpart_authority',
  'counterpart_reference',
  'domestic_authority',
  'domestic_reference',
  'service_provider',
  'legal_basis',
  'legal_basis_detail',
  'channel',
  'offences',
  'cyber_related',
  'offence_description',
  'assistance',
  'urgency',
  'refusal_grounds',
  'related_reference',
  'assigned_to',
  'summary',
] as const;
export type InterchangeColumn = (typeof INTERCHANGE_COLUMNS)[number];

/**
 * Columns a file must have. closed_on and refusal_grounds are required only for some rows
 * (closed, refused): a file of open requests may leave those columns out.
 */
export const REQUIRED_COLUMNS = [
  'reference',
  'direction',
  'kind',
  'status',
  'opened_on',
  'counterpart_country',
] as const satisfies readonly InterchangeColumn[];

export const DATE_COLUMNS = ['opened_on', 'closed_on'] as const satisfies readonly InterchangeColumn[];

export const INTERCHANGE_FORMATS = ['csv', 'xlsx'] as const;
export type InterchangeFormat = (typeof INTERCHANGE_FORMATS)[number];

/** The format a file name announces by its extension, or null for anything else. */
export function formatOfName(name: string): InterchangeFormat | null {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext === 'csv' || ext === 'xlsx' ? ext : null;
}

export function isInterchangeColumn(name: string): name is InterchangeColumn {
  return (INTERCHANGE_COLUMNS as readonly string[]).includes(name);
}

/** Their header → our column, or null to leave that column out of the import. */
export const columnMappingSchema = z.record(z.string().max(300), z.enum(INTERCHANGE_COLUMNS).nullable());
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** One thing wrong with a file: the spreadsheet's own row number (header = 1) and column. */
export const importProblemSchema = z.object({
  row: z.number().int().min(1),
  /** Our column name, or the file's header for a header problem; empty for the whole row. */
  column: z.string(),
  /** In English; `key` and `params` say it in any language (contract/messages.ts). */
  message: z.string(),
  key: z.string().optional(),
  params: messageParamsSchema.optional(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importReportSchema = z.object({
  /** True when every row was valid (and, unless a dry run, written). */
  ok: z.boolean(),
  dryRun: z.boolean(),
  /** Requests written (or, in a dry run, that would be written); 0 when not ok. */
  imported: z.number().int(),
  /** Data rows read from the file. */
  rows: z.number().int(),
  /** The first problems found (a cap keeps a hopeless file's report readable). */
  problems: z.array(importProblemSchema),
  /** How many more problems there were beyond those listed. */
  moreProblems: z.number().int(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const SAMPLE_ROWS = 20;

export const inspectionSchema = z.object({
  format: z.enum(INTERCHANGE_FORMATS),
  headers: z.array(z.string()),
  /** The first data rows, each cell as the text it stands for, aligned with `headers`. */
  sampleRows: z.array(z.array(z.string())),
  rowCount: z.number().int(),
  suggestedMapping: columnMappingSchema,
});
export type Inspection = z.infer<typeof inspectionSchema>;

/** How registers kept in spreadsheets tend to name the columns (compared without case or punctuation). */
const SYNONYMS: Partial<Record<InterchangeColumn, readonly string[]>> = {
  reference: ['ref', 'ourreference', 'ourref', 'careference', 'registerreference', 'registrationnumber', 'number'],
  direction: ['incomingoutgoing', 'inout'],
  kind: ['requestkind', 'requesttype', 'kindofrequest'],
  status: ['state', 'currentstatus'],
  opened_on: ['opened', 'openedat', 'dateopened', 'received', 'receivedon', 'datereceived', 'sent', 'senton'],
  closed_on: ['closed', 'dateclosed', 'closedat', 'completed', 'completedon'],
  counterpart_country: ['country', 'foreignstate', 'counterpartstate', 'requestingstate', 'requestedstate'],
  counterpart_authority: ['foreignauthority', 'authority', 'requestingauthority', 'requestedauthority'],
  counterpart_reference: ['theirreference', 'theirref', 'foreignreference'],
  domestic_authority: ['executingauthority', 'nationalauthority'],
  domestic_reference: ['casenumber', 'filenumber', 'domesticcase', 'nationalreference'],
  service_provider: ['provider', 'isp'],
  legal_basis: ['basis', 'treaty', 'instrument'],
  channel: ['transmissionchannel', 'transmittedvia', 'via'],
  offences: ['offence', 'offense', 'offenses', 'iccs', 'crime', 'crimes'],
  cyber_related: ['cyber', 'cybercrime'],
  offence_description: ['offencename', 'offensedescription', 'nationaloffence'],
  assistance: ['assistancesought', 'measures', 'measuressought'],
  urgency: ['urgent', 'priority'],
  refusal_grounds: ['groundsforrefusal', 'refusalreasons', 'grounds'],
  related_reference: ['related', 'relatedrequest', 'followupof', 'linkedreference'],
  assigned_to: ['officer', 'assignee', 'assigned', 'officerincharge', 'handledby'],
  summary: ['facts', 'summaryoffacts', 'description', 'notes'],
};

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * A first guess at how a file's headers map onto our columns: the column's own name (any
 * case or punctuation), else a common synonym; never two headers onto one column.
 */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<InterchangeColumn>();
  const pass = (match: (column: InterchangeColumn, key: string) => boolean) => {
    for (const header of headers) {
      // Own keys only: a header may be called "constructor" or "toString", which every object inherits.
      if (Object.hasOwn(mapping, header)) continue;
      const key = squash(header);
      const column = INTERCHANGE_COLUMNS.find((c) => !taken.has(c) && match(c, key));
      if (column) {
        mapping[header] = column;
        taken.add(column);
      }
    }
  };
  pass((column, key) => squash(column) === key);
  pass((column, key) => SYNONYMS[column]?.includes(key) === true);
  for (const header of headers) if (!Object.hasOwn(mapping, header)) mapping[header] = null;
  return mapping;
}
