import { z } from 'zod';
import { channel } from '../channel.ts';
import {
  addCorrespondenceSchema,
  attachDocumentSchema,
  correspondenceSchema,
  documentSchema,
  recordId,
  saveCopySchema,
  updateCorrespondenceSchema,
  verificationSchema,
} from '../documents.ts';
import { writtenFileSchema } from '../files.ts';
import { requestId } from '../requests.ts';
import { ANNOTATORS, ANY_ROLE, REGISTRARS } from '../roles.ts';

/**
 * Prosecutors add documents to their own requests too (domain notes; api/access.ts checks the
 * request); the correspondence log stays with the clerks. Reads follow the request's rules.
 */
export const documentChannels = {
  'documents.attach': channel({
    input: attachDocumentSchema,
    output: documentSchema,
    roles: ANNOTATORS,
    mutates: true,
  }),
  'documents.list': channel({
    input: z.strictObject({ requestId }),
    output: z.array(documentSchema),
    roles: ANY_ROLE,
    mutates: false,
  }),
  'documents.verify': channel({
    input: z.strictObject({ id: recordId }),
    output: verificationSchema,
    roles: ANY_ROLE,
    mutates: false,
  }),
  // Writes a file outside the register and records who took a copy of the evidence.
  'documents.saveCopy': channel({
    input: saveCopySchema,
    output: writtenFileSchema,
    roles: ANY_ROLE,
    mutates: true,
  }),
  'correspondence.add': channel({
    input: addCorrespondenceSchema,
    output: correspondenceSchema,
    roles: REGISTRARS,
    mutates: true,
  }),
  'correspondence.update': channel({
    input: updateCorrespondenceSchema,
    output: correspondenceSchema,
    roles: REGISTRARS,
    mutates: true,
  }),
  'correspondence.list': channel({
    input: z.strictObject({ requestId }),
    output: z.array(correspondenceSchema),
    roles: ANY_ROLE,
    mutates: false,
  }),
};
