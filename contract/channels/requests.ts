import { z } from 'zod';
import { channel } from '../channel.ts';
import { assignSchema, facetsSchema } from '../register-list.ts';
import {
  linkRequestSchema,
  listQuerySchema,
  listResultSchema,
  newRequestSchema,
  recordEventSchema,
  requestDetailSchema,
  requestId,
  transitionSchema,
  updateRequestSchema,
} from '../requests.ts';
import { ANNOTATORS, ANY_ROLE, REGISTRARS } from '../roles.ts';

/**
 * Everyone reads the register, a prosecutor only their own requests (api/access.ts scopes every
 * read and write to the requests assigned to them or their domestic authority).
 */
export const requestChannels = {
  'requests.register': channel({
    input: newRequestSchema,
    output: requestDetailSchema,
    roles: REGISTRARS,
    mutates: true,
  }),
  'requests.update': channel({
    input: updateRequestSchema,
    output: requestDetailSchema,
    roles: REGISTRARS,
    mutates: true,
  }),
  'requests.list': channel({
    input: listQuerySchema,
    output: listResultSchema,
    roles: ANY_ROLE,
    mutates: false,
  }),
  'requests.get': channel({
    input: z.strictObject({ id: requestId }),
    output: requestDetailSchema,
    roles: ANY_ROLE,
    mutates: false,
  }),
  'requests.transition': channel({
    input: transitionSchema,
    output: requestDetailSchema,
    roles: REGISTRARS,
    mutates: true,
  }),
  /** Prosecutors record notes on their own requests; the other events are the clerks' (api/access.ts). */
  'requests.recordEvent': channel({
    input: recordEventSchema,
    output: requestDetailSchema,
    roles: ANNOTATORS,
    mutates: true,
  }),
  'requests.link': channel({
    input: linkRequestSchema,
    output: requestDetailSchema,
    roles: REGISTRARS,
    mutates: true,
  }),
  'requests.unlink': channel({
    input: z.strictObject({ id: requestId, linkId: z.number().int().positive() }),
    output: requestDetailSchema,
    roles: REGISTRARS,
    mutates: true,
  }),
  /** Bulk assignment from the register list: every change audited, all in one transaction. */
  'requests.assign': channel({
    input: assignSchema,
    output: z.object({ changed: z.number().int() }),
    roles: REGISTRARS,
    mutates: true,
  }),
  'requests.facets': channel({
    input: z.strictObject({}),
    output: facetsSchema,
    roles: ANY_ROLE,
    mutates: false,
  }),
};
