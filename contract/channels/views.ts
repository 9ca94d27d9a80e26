import { z } from 'zod';
import { channel } from '../channel.ts';
import { ANY_ROLE } from '../roles.ts';
import { saveViewSchema, savedViewSchema } from '../views.ts';

/** Each person's own saved views of the register (the owner is the caller, never an input). */
export const viewChannels = {
  'views.list': channel({
    input: z.strictObject({}),
    output: z.array(savedViewSchema),
    roles: ANY_ROLE,
    mutates: false,
  }),
  /** Saving under a name the person already uses replaces that view. */
  'views.save': channel({
    input: saveViewSchema,
    output: savedViewSchema,
    roles: ANY_ROLE,
    mutates: true,
  }),
  'views.delete': channel({
    input: z.strictObject({ id: z.number().int().positive() }),
    output: z.object({ deleted: z.number().int() }),
    roles: ANY_ROLE,
    mutates: true,
  }),
};
