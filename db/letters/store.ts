import fs from 'node:fs';
import {
  LETTER_TEMPLATES,
  type GeneratedLetter,
  type LetterCode,
  type LetterPreview,
  type LetterTemplate,
  type LetterheadView,
  type TemplateInfo,
  type ValidMarkSent,
  type ValidSaveLetterhead,
} from '../../contract/letters.ts';
import type { RequestDetail } from '../../contract/requests.ts';
import { DEFAULT_LANGUAGE, type Language } from '../../i18n/languages.ts';
import type { Actor } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { blobStoreBeside } from '../documents/blobs.ts';
import { listCorrespondence } from '../documents/correspondence.ts';
import { listDocuments } from '../documents/read.ts';
import type { RegisterKey } from '../keys/register-key.ts';
import { clockSubjectOf, requestClocks, todayOf } from '../../contract/clock-compute.ts';
import { clockEnvironment } from '../clocks/store.ts';
import { caseSummary } from '../reports/case-summary-model.ts';
import { caseSummaryPdf } from '../reports/case-summary-pdf.ts';
import { labelsFor } from '../reports/labels.ts';
import { writeWhole } from '../reports/store.ts';
import { getRequestDetail } from '../requests/read.ts';
import type { RequestScope } from '../requests/scope.ts';
import { readSettings } from '../settings.ts';
import type { Db } from '../types.ts';
import { fieldPaths, letterData } from './data-model.ts';
import {
  type LetterChoice,
  type LetterMaker,
  assertLetterFits,
  generateLetter,
  generatedLetter,
  letterheadOf,
  listLetters,
  renderLetter,
} from './generate.ts';
import { type NewLogo, saveLetterhead, withoutLogoBytes } from './letterhead.ts';
import { SAMPLE_LETTERHEAD, SAMPLE_TREATY, sampleRequest } from './sample.ts';
import { treatyOf } from './treaty.ts';
import { markLetterSent } from './send.ts';
import { personNamer } from '../accounts/names.ts';
import {
  checkTemplate,
  effectiveTemplate,
  listTemplates,
  restoreDefault,
  saveTemplate,
  templateError,
} from './templates.ts';

/** A template as the editor gets it: its text, and every field its data has. */
export type EditableTemplate = LetterTemplate & { fields: string[] };

/**
 * Letters from templates (issue 8, part 4) and the case summary of a request (part 5):
 * the templates and letterhead the administrator keeps, the letters generated for requests
 * (stored as their documents) and their sending.
 */
export interface LetterStore {
  templates(): Promise<TemplateInfo[]>;
  template(code: LetterCode, language: Language): Promise<EditableTemplate>;
  saveTemplate(
    input: { code: LetterCode; language: Language; body: string },
    actor: Actor,
    clock: Clock,
  ): Promise<EditableTemplate>;
  restoreDefault(
    input: { code: LetterCode; language: Language },
    actor: Actor,
    clock: Clock,
  ): Promise<EditableTemplate>;
  letterhead(): Promise<LetterheadView>;
  saveLetterhead(input: ValidSaveLetterhead, logo: NewLogo | null, actor: Actor, clock: Clock): Promise<LetterheadView>;
  /**
   * The letter as it would be generated now: from the stored template, or from `body` (the
   * editor's text, checked as a save would) against a request or, with none, the sample request.
   */
  preview(
    input: LetterChoice & { request: RequestDetail | null; body?: string },
    maker: LetterMaker,
  ): Promise<LetterPreview>;
  generate(
    request: RequestDetail,
    choice: LetterChoice,
    actor: Actor,
    clock: Clock,
    author: string,
  ): Promise<GeneratedLetter>;
  list(requestId: number): Promise<GeneratedLetter[]>;
  get(id: number): Promise<GeneratedLetter>;
  markSent(input: ValidMarkSent, actor: Actor, clock: Clock): Promise<GeneratedLetter>;
  /** The case summary of a request as the caller may see it, written whole to `file`. */
  caseSummary(
    requestId: number,
    language: Language,
    file: string,
    now: Date,
    scope: RequestScope | null,
  ): Promise<{ bytes: number }>;
}

export function sqliteLetterStore(db: Db, databaseFile: string, key?: RegisterKey): LetterStore {
  const blobs = blobStoreBeside(databaseFile, key);
  const editable = (template: LetterTemplate): EditableTemplate => {
    const data = letterData(sampleRequest('outgoing', 'mla'), {
      code: template.code,
      language: template.language,
      today: '2026-03-10',
      letterhead: SAMPLE_LETTERHEAD,
      author: '',
      treaty: SAMPLE_TREATY,
    });
    return { ...template, fields: fieldPaths(data) };
  };
  return {
    templates: async () => listTemplates(db),
    template: async (code, language) => editable(effectiveTemplate(db, code, language)),
    saveTemplate: async (input, actor, clock) => editable(await saveTemplate(db, input, actor, clock)),
    restoreDefault: async (input, actor, clock) => editable(restoreDefault(db, input, actor, clock)),
    letterhead: async () => withoutLogoBytes(letterheadOf(db)),
    async saveLetterhead(input, logo, actor, clock) {
      saveLetterhead(db, input, logo, actor, clock);
      return withoutLogoBytes(letterheadOf(db));
    },
    async preview(input, maker) {
      const stored = effectiveTemplate(db, input.code, input.language);
      const spec = LETTER_TEMPLATES[input.code];
      const request = input.request ?? sampleRequest(spec.directions[0] ?? 'outgoing', spec.kinds[0] ?? 'mla');
      if (input.request) assertLetterFits(input.request, input.code);
      if (input.body !== undefined) {
        const problem = await checkTemplate(input.code, input.language, input.body);
        if (problem) throw templateError(problem, 'letter.templateRefused');
      }
      const letterhead = letterheadOf(db);
      // The sample request has no counterpart profile behind it: its treaty is the sample's.
      const treaty = input.request ? treatyOf(db, input.request) : SAMPLE_TREATY;
      const letter = renderLetter(request, input, input.body ?? stored.body, letterhead, maker, treaty);
      return {
        code: input.code,
        language: input.language,
        direction: letter.direction,
        fallback: input.body === undefined && stored.source === 'englishDefault' && input.language !== DEFAULT_LANGUAGE,
        letterhead: withoutLogoBytes(letterhead),
        blocks: letter.blocks,
      };
    },
    generate: (request, choice, actor, clock, author) =>
      generateLetter(db, blobs, request, choice, actor, clock, author),
    list: async (requestId) => {
      getRequestDetail(db, requestId);
      return listLetters(db, requestId);
    },
    get: async (id) => generatedLetter(db, id),
    markSent: async (input, actor, clock) => markLetterSent(db, input, actor, clock),
    async caseSummary(requestId, language, file, now, scope) {
      const request = getRequestDetail(db, requestId, scope);
      const env = clockEnvironment(db, now);
      const today = todayOf(env);
      // Unscoped, as the clocks panel reads them: a follow-up the caller may not open still stops a clock.
      const clocks = requestClocks(clockSubjectOf(getRequestDetail(db, requestId)), env);
      const summary = caseSummary(
        {
          request,
          clocks,
          documents: listDocuments(db, requestId),
          correspondence: listCorrespondence(db, requestId),
          officeName: readSettings(db).officeName,
          today,
          nameOf: personNamer(db),
        },
        labelsFor(language, { isolate: true }),
      );
      const bytes = await caseSummaryPdf(summary);
      await writeWhole(file, (partial) => fs.writeFileSync(partial, bytes));
      return { bytes: bytes.length };
    },
  };
}
