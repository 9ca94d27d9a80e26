import { z } from 'zod';
import { optionalText } from './request-fields.ts';
import { requestId } from './requests.ts';

/** One officer put in charge of several requests at once (null: nobody). */
export const assignSchema = z.strictObject({
  ids: z
    .array(requestId)
    .min(1, { message: 'must name at least one request' })
    .max(500, { message: 'can name at most 500 requests at once' })
    .refine((ids) => new Set(ids).size === ids.length, { message: 'must not name a request twice' }),
  assignedTo: optionalText(120),
});
export type AssignInput = z.input<typeof assignSchema>;
export type ValidAssign = z.output<typeof assignSchema>;

/** The values present in the register that a person picks from (officers, authorities). */
export const facetsSchema = z.object({
  officers: z.array(z.string()),
  domesticAuthorities: z.array(z.string()),
});
export type Facets = z.infer<typeof facetsSchema>;
