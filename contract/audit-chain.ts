import { z } from 'zod';

/**
 * Why the audit log's hash chain stops being trustworthy at an entry (db/audit-chain.ts checks
 * them in this order for each entry, then the end of the log):
 * - `missing`: entries `id`…`through` are gone (the ids skip them);
 * - `unexpected_id`: an entry has an id the log never hands out (below 1);
 * - `unhashed`: the entry carries no hash;
 * - `content_changed`: its content (or its link to the previous entry) no longer matches its hash;
 * - `chain_broken`: it does not link to the entry before it (entries removed, replaced or reordered);
 * - `missing_at_end`: the log's counter says entries `id`…`through` were written after the last one left;
 * - `counter_lowered`: that counter was set back below entry `id`, the last one;
 * - `seal_record`: the record of where the chain starts is missing or incomplete (`id` is 0).
 */
export const AUDIT_BREAK_REASONS = [
  'missing',
  'unexpected_id',
  'unhashed',
  'content_changed',
  'chain_broken',
  'missing_at_end',
  'counter_lowered',
  'seal_record',
] as const;
export type AuditBreakReason = (typeof AUDIT_BREAK_REASONS)[number];

export const auditBreakSchema = z.object({
  id: z.number().int(),
  /** Last id of a run of missing entries (`missing`, `missing_at_end`). */
  through: z.number().int().optional(),
  reason: z.enum(AUDIT_BREAK_REASONS),
  /** The same in one English sentence, for logs and the command line. */
  message: z.string(),
});
export type AuditBreak = z.infer<typeof auditBreakSchema>;

export const auditChainReportSchema = z.object({
  ok: z.boolean(),
  /** Entries in the log. */
  entries: z.number().int(),
  /** The last entry's hash: written down elsewhere, it later proves nothing was cut off the end. */
  head: z.string().nullable(),
  /** Entries up to this id predate the chain; they were sealed as they stood when it was added. */
  legacyThrough: z.number().int(),
  firstBroken: auditBreakSchema.optional(),
});
export type AuditChainReport = z.infer<typeof auditChainReportSchema>;
