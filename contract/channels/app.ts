import { z } from 'zod';
import { auditChainReportSchema } from '../audit-chain.ts';
import { channel } from '../channel.ts';
import { ADMINISTRATORS, ANY_ROLE, ROLES } from '../roles.ts';
import { settingsPatchSchema, settingsSchema } from '../settings.ts';
import { zodMessage } from '../messages.ts';

const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  schemaVersion: z.number().int(),
  databaseFile: z.string(),
  actor: z.object({ name: z.string(), roles: z.array(z.enum(ROLES)) }),
  today: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appChannels = {
  'app.info': channel({
    input: z.strictObject({}),
    output: appInfoSchema,
    roles: ANY_ROLE,
    mutates: false,
  }),
  /** The audit log's hash chain as checked when the register was opened: the app warns if it is broken. */
  'app.integrity': channel({
    input: z.strictObject({}),
    output: auditChainReportSchema,
    roles: ANY_ROLE,
    mutates: false,
  }),
  'settings.get': channel({
    input: z.strictObject({}),
    output: settingsSchema,
    roles: ANY_ROLE,
    mutates: false,
  }),
  'settings.update': channel({
    input: settingsPatchSchema.strict(),
    output: settingsSchema,
    roles: ADMINISTRATORS,
    mutates: true,
  }),
  'register.backup': channel({
    input: z.strictObject({
      file: z
        .string()
        .trim()
        .min(1)
        .refine((f) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(f), zodMessage('field.absolutePath')),
    }),
    output: z.object({ file: z.string(), bytes: z.number().int() }),
    roles: ADMINISTRATORS,
    mutates: false,
  }),
};
