import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { appError, problem } from '../../contract/errors.ts';
import {
  LETTER_CODES,
  LETTER_TEMPLATES,
  type LetterCode,
  type LetterTemplate,
  type TemplateInfo,
  type TemplateSource,
} from '../../contract/letters.ts';
import { DEFAULT_LANGUAGE, directionOf, type Language, LANGUAGES } from '../../i18n/languages.ts';
import { type Actor, recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { letterTemplates } from '../schema/index.ts';
import type { Db, Queryable } from '../types.ts';
import { letterData } from './data-model.ts';
import { readDefaultFiles } from './default-files.ts';
import { type TemplateProblem, renderTemplate, unknownField } from './engine.ts';
import { SAMPLE_LETTERHEAD, SAMPLE_TREATY, sampleRequest } from './sample.ts';

let defaults: Record<string, string> | undefined;
const defaultFiles = () => (defaults ??= readDefaultFiles());

/** The default a language starts from: its own, or the English one until it is translated. */
export function defaultTemplate(code: LetterCode, language: Language): { body: string; source: TemplateSource } {
  const own = defaultFiles()[`${language}/${code}`];
  if (own !== undefined) return { body: own, source: 'default' };
  const english = defaultFiles()[`${DEFAULT_LANGUAGE}/${code}`];
  // The English defaults ship with the app; a build without them is broken, not a user's error.
  if (english === undefined) throw new Error(`The default template ${code} is missing from this build.`);
  return { body: english, source: 'englishDefault' };
}

/** The template the office uses for `code` in `language`: its own text, or the default. */
export function effectiveTemplate(db: Queryable, code: LetterCode, language: Language): LetterTemplate {
  const row = db
    .select()
    .from(letterTemplates)
    .where(and(eq(letterTemplates.code, code), eq(letterTemplates.language, language)))
    .get();
  const fallback = defaultTemplate(code, language);
  if (row) {
    return {
      code,
      language,
      source: 'custom',
      body: row.body,
      defaultBody: fallback.body,
      updatedAt: row.updatedAt,
      updatedBy: row.updatedBy,
    };
  }
  return { code, language, ...fallback, defaultBody: fallback.body, updatedAt: null, updatedBy: null };
}

/** Every template in every language, and where each comes from. */
export function listTemplates(db: Queryable): TemplateInfo[] {
  const rows = db.select().from(letterTemplates).all();
  return LETTER_CODES.flatMap((code) =>
    LANGUAGES.map((language) => {
      const row = rows.find((r) => r.code === code && r.language === language);
      return row
        ? { code, language, source: 'custom' as const, updatedAt: row.updatedAt, updatedBy: row.updatedBy }
        : { code, language, source: defaultTemplate(code, language).source, updatedAt: null, updatedBy: null };
    }),
  );
}

/** The sample data a template of `code` is checked against: one per direction and kind it serves. */
function samplesFor(code: LetterCode, language: Language) {
  const spec = LETTER_TEMPLATES[code];
  return spec.directions.flatMap((direction) =>
    spec.kinds.map((kind) =>
      letterData(sampleRequest(direction, kind), {
        code,
        language,
        today: '2026-03-10',
        letterhead: SAMPLE_LETTERHEAD,
        author: 'Amina Clerk',
        treaty: SAMPLE_TREATY,
      }),
    ),
  );
}

/**
 * What is wrong with a template's text, or null: a Liquid syntax error, a field the letter's
 * data does not have (in any branch), an unknown filter or tag, or an error met rendering it
 * against a complete sample request of each direction and kind the template serves.
 */
export async function checkTemplate(
  code: LetterCode,
  language: Language,
  body: string,
): Promise<TemplateProblem | null> {
  const [first, ...others] = samplesFor(code, language);
  if (!first) return null;
  const direction = directionOf(language);
  // Rendering parses first: a syntax error is reported before the fields are looked at.
  const rendered = renderTemplate(body, first, direction);
  if (!rendered.ok && rendered.problem.kind !== 'unknownField') return rendered.problem;
  const unknown = await unknownField(body, first);
  if (unknown) return unknown;
  if (!rendered.ok) return rendered.problem;
  for (const data of others) {
    const again = renderTemplate(body, data, direction);
    if (!again.ok) return again.problem;
  }
  return null;
}

/** A template problem as the error a screen shows under the editor, with its line and column. */
export function templateError(problemFound: TemplateProblem, key: 'letter.templateRefused' | 'letter.renderFailed') {
  const params = { line: problemFound.line, column: problemFound.column, detail: problemFound.detail };
  return appError('invalid_input', key, params, [problem('body', `letter.problem.${problemFound.kind}`, params)]);
}

const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/** Saves the office's text of a template, once it checks; a template that fails is not saved. */
export async function saveTemplate(
  db: Db,
  input: { code: LetterCode; language: Language; body: string },
  actor: Actor,
  clock: Clock,
): Promise<LetterTemplate> {
  const body = input.body.replace(/\r\n?/g, '\n');
  const found = await checkTemplate(input.code, input.language, body);
  if (found) throw templateError(found, 'letter.templateRefused');
  db.transaction(
    (tx) => {
      const before = effectiveTemplate(tx, input.code, input.language);
      tx.insert(letterTemplates)
        .values({ code: input.code, language: input.language, body, updatedAt: clock.at, updatedBy: actor.name })
        .onConflictDoUpdate({
          target: [letterTemplates.code, letterTemplates.language],
          set: { body, updatedAt: clock.at, updatedBy: actor.name },
        })
        .run();
      recordAudit(tx, actor, clock.at, {
        action: 'letter.template.save',
        entity: 'letter_template',
        entityId: null,
        details: {
          code: input.code,
          language: input.language,
          before: { source: before.source, sha256: sha256(before.body) },
          after: { characters: body.length, sha256: sha256(body) },
        },
      });
    },
    { behavior: 'immediate' },
  );
  return effectiveTemplate(db, input.code, input.language);
}

/** Goes back to the default: the office's own text is removed (the audit log keeps its hash). */
export function restoreDefault(
  db: Db,
  input: { code: LetterCode; language: Language },
  actor: Actor,
  clock: Clock,
): LetterTemplate {
  db.transaction(
    (tx) => {
      const before = effectiveTemplate(tx, input.code, input.language);
      if (before.source !== 'custom') return;
      tx.delete(letterTemplates)
        .where(and(eq(letterTemplates.code, input.code), eq(letterTemplates.language, input.language)))
        .run();
      recordAudit(tx, actor, clock.at, {
        action: 'letter.template.restore',
        entity: 'letter_template',
        entityId: null,
        details: { code: input.code, language: input.language, removed: { sha256: sha256(before.body) } },
      });
    },
    { behavior: 'immediate' },
  );
  return effectiveTemplate(db, input.code, input.language);
}
