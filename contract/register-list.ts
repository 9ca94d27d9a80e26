import { z } from 'zod';
import { optionalText } from './request-fields.ts';
import { requestId } from './requests.ts';
import { zodMessage } from './messages.ts';

/** One officer put in charge of several requests at once (null: nobody). */
export const assignSchema = z.strictObject({
  ids: z
    .array(requestId)
    .min(1, zodMessage('field.atLeastOneRequest'))
    .max(500, zodMessage('field.atMostRequests'))
    .refine((ids) => new Set(ids).size === ids.length, zodMessage('field.requestTwice')),
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
