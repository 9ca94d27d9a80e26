import { z } from 'zod';
import { channel } from '../channel.ts';
import { fileSourceSchema, fileTargetSchema, writtenFileSchema } from '../files.ts';
import { columnMappingSchema, importReportSchema, INTERCHANGE_FORMATS, inspectionSchema } from '../interchange.ts';
import { EXPORTERS, IMPORTERS } from '../roles.ts';
import { localisedSchema, zodMessage } from '../messages.ts';

const jobId = z.string().regex(/^[0-9a-f]{32}$/, zodMessage('field.notImportJob'));

/**
 * An import running in the background. An import of a large register takes longer than a
 * call may (and the wizard shows its progress), so it starts, then is asked how far it got.
 */
export const importJobSchema = z.object({
  state: z.enum(['running', 'done', 'failed']),
  rowsRead: z.number().int(),
  bytesRead: z.number().int(),
  bytesTotal: z.number().int(),
  /** Set when done. */
  report: importReportSchema.nullable(),
  /** Set when failed: why nothing was imported (in English; `failure` says it in any language). */
  error: z.string().nullable(),
  failure: localisedSchema.optional(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const interchangeChannels = {
  'interchange.inspect': channel({
    input: z.strictObject({ source: fileSourceSchema }),
    output: inspectionSchema,
    roles: IMPORTERS,
    mutates: false,
  }),
  'interchange.import': channel({
    input: z.strictObject({
      source: fileSourceSchema,
      /** The file's name as the person chose it, for the history notes and the audit log. */
      fileName: z.string().trim().min(1).max(255),
      mapping: columnMappingSchema.optional(),
      dryRun: z.boolean().default(false),
      ignoreUnknownColumns: z.boolean().default(false),
    }),
    output: z.object({ jobId }),
    roles: IMPORTERS,
    mutates: true,
  }),
  'interchange.progress': channel({
    input: z.strictObject({ jobId }),
    output: importJobSchema,
    roles: IMPORTERS,
    mutates: false,
  }),
  'interchange.export': channel({
    input: z.strictObject({ format: z.enum(INTERCHANGE_FORMATS), target: fileTargetSchema }),
    output: writtenFileSchema.extend({ rows: z.number().int() }),
    roles: EXPORTERS,
    mutates: false,
  }),
};
