import { z } from 'zod';
import { ADMINISTRATORS, ANY_ROLE, REGISTRARS, ROLES, type Role } from './roles.ts';
import {
  listQuerySchema,
  listResultSchema,
  newRequestSchema,
  requestDetailSchema,
  requestId,
  transitionSchema,
} from './requests.ts';
import { settingsPatchSchema, settingsSchema } from './settings.ts';

/**
 * The one contract between the renderer and the main process. Each channel names its input
 * and output schemas and the roles allowed to call it. Both transports (Electron IPC and the
 * loopback HTTP server of `npm run web`) serve exactly this table.
 */
interface ChannelSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  roles: readonly Role[];
  /** Mutations change the register; the transports may treat them differently (e.g. POST only). */
  mutates: boolean;
}

const channel = <I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>) => spec;

const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  schemaVersion: z.number().int(),
  databaseFile: z.string(),
  actor: z.object({ name: z.string(), roles: z.array(z.enum(ROLES)) }),
  today: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const channels = {
  'app.info': channel({
    input: z.object({}).strict(),
    output: appInfoSchema,
    roles: ANY_ROLE,
    mutates: false,
  }),
  'settings.get': channel({
    input: z.object({}).strict(),
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
  'requests.register': channel({
    input: newRequestSchema,
    output: requestDetailSchema,
    roles: REGISTRARS,
    mutates: true,
  }),
  'requests.list': channel({
    input: listQuerySchema.strict(),
    output: listResultSchema,
    roles: ANY_ROLE,
    mutates: false,
  }),
  'requests.get': channel({
    input: z.object({ id: requestId }).strict(),
    output: requestDetailSchema,
    roles: ANY_ROLE,
    mutates: false,
  }),
  'requests.transition': channel({
    input: transitionSchema.strict(),
    output: requestDetailSchema,
    roles: REGISTRARS,
    mutates: true,
  }),
  'register.backup': channel({
    input: z.strictObject({
      file: z
        .string()
        .trim()
        .min(1)
        .refine((f) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(f), { message: 'must be an absolute path' }),
    }),
    output: z.object({ file: z.string(), bytes: z.number().int() }),
    roles: ADMINISTRATORS,
    mutates: false,
  }),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

/** What a caller passes (defaults may be omitted). */
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
/** What a handler receives (after parsing: defaults filled, text trimmed). */
export type ParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}
