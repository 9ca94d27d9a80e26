import { z } from 'zod';
import { channel } from '../channel.ts';
import { writtenFileSchema } from '../files.ts';
import {
  caseSummarySchema,
  generateLetterSchema,
  generatedLetterSchema,
  letterheadViewSchema,
  markSentSchema,
  previewLetterSchema,
  previewSchema,
  previewTemplateSchema,
  saveLetterheadSchema,
  saveTemplateSchema,
  templateInfoSchema,
  templateKeySchema,
  templateSchema,
} from '../letters.ts';
import { requestId } from '../requests.ts';
import { ADMINISTRATORS, ANY_ROLE, REGISTRARS } from '../roles.ts';

/** A template as the editor gets it, with the fields its data has (for the list beside the editor). */
const editableTemplateSchema = templateSchema.extend({ fields: z.array(z.string()) });

/**
 * Letters (issue 8, part 4): the administrator keeps the templates and the letterhead
 * (Settings → Letters); the clerks, who do the work on requests, preview, generate and send
 * the letters; everyone who may read a request sees its letters and may take its case summary.
 */
export const letterChannels = {
  'letters.templates': channel({
    input: z.strictObject({}),
    output: z.array(templateInfoSchema),
    roles: ADMINISTRATORS,
    mutates: false,
  }),
  'letters.template': channel({
    input: templateKeySchema,
    output: editableTemplateSchema,
    roles: ADMINISTRATORS,
    mutates: false,
  }),
  'letters.saveTemplate': channel({
    input: saveTemplateSchema,
    output: editableTemplateSchema,
    roles: ADMINISTRATORS,
    mutates: true,
  }),
  'letters.restoreDefault': channel({
    input: templateKeySchema,
    output: editableTemplateSchema,
    roles: ADMINISTRATORS,
    mutates: true,
  }),
  /** The editor's text, unsaved, laid out against a request or the sample request. */
  'letters.previewTemplate': channel({
    input: previewTemplateSchema,
    output: previewSchema,
    roles: ADMINISTRATORS,
    mutates: false,
  }),
  'letters.letterhead': channel({
    input: z.strictObject({}),
    output: letterheadViewSchema,
    roles: ADMINISTRATORS,
    mutates: false,
  }),
  'letters.saveLetterhead': channel({
    input: saveLetterheadSchema,
    output: letterheadViewSchema,
    roles: ADMINISTRATORS,
    mutates: true,
  }),
  'letters.preview': channel({
    input: previewLetterSchema,
    output: previewSchema,
    roles: REGISTRARS,
    mutates: false,
  }),
  'letters.generate': channel({
    input: generateLetterSchema,
    output: generatedLetterSchema,
    roles: REGISTRARS,
    mutates: true,
  }),
  'letters.list': channel({
    input: z.strictObject({ requestId }),
    output: z.array(generatedLetterSchema),
    roles: ANY_ROLE,
    mutates: false,
  }),
  'letters.markSent': channel({
    input: markSentSchema,
    output: generatedLetterSchema,
    roles: REGISTRARS,
    mutates: true,
  }),
  /** Writes a file outside the register; reads only what the caller may read. */
  'letters.caseSummary': channel({
    input: caseSummarySchema,
    output: writtenFileSchema,
    roles: ANY_ROLE,
    mutates: false,
  }),
};
