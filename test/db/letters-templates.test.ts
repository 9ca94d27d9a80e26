import { describe, expect, it } from 'vitest';
import { AppError } from '../../contract/errors.ts';
import { LETTER_CODES, saveTemplateSchema, TEMPLATE_MAX_CHARS } from '../../contract/letters.ts';
import { LANGUAGES } from '../../i18n/languages.ts';
import { checkTemplate, defaultTemplate } from '../../db/letters/templates.ts';
import { countRows, withRaw } from '../helpers/sqlite-files.ts';
import { ACTOR, CLOCK } from '../helpers/requests.ts';
import { tempRegister } from '../helpers/temp-register.ts';

/** What a refused save said about the text: its line, column and what is wrong. */
async function refusal(save: Promise<unknown>) {
  const error = await save.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected a refusal, got ${String(error)}`);
  const [field] = error.fields ?? [];
  return { code: error.code, key: error.key, field: field?.field, problem: field?.key, params: field?.params };
}

describe('letter templates', () => {
  it('ships a default in each of the six languages for each of the eight templates, each of which checks clean', async () => {
    for (const language of LANGUAGES) {
      for (const code of LETTER_CODES) {
        const { body, source } = defaultTemplate(code, language);
        expect(source, `${language}/${code}`).toBe('default');
        expect(await checkTemplate(code, language, body), `${language}/${code}`).toBeNull();
      }
    }
  });

  it('falls back to the English default in a language that has none yet, and says so', async () => {
    const register = tempRegister();
    const list = await register.letters.templates();
    expect(list).toHaveLength(LETTER_CODES.length * LANGUAGES.length);
    for (const info of list) {
      expect(info.source).toBe(info.language === 'en' ? 'default' : defaultTemplate(info.code, info.language).source);
    }
    const arabic = await register.letters.template('acknowledgement', 'ar');
    expect(arabic.body).toBe(defaultTemplate('acknowledgement', 'ar').body);
    expect(arabic.fields).toContain('request.parties[].nationality');
    expect(arabic.fields).toContain('request.identifiers[].fromUtc');
    expect(arabic.fields).toContain('office.address[]');
  });

  it.each([
    [
      'an unknown field',
      'Dear colleague,\n\nOur reference: {{ request.refrence }}',
      'unknownField',
      3,
      19,
      'request.refrence',
    ],
    [
      'an unknown field in a branch the sample does not take',
      'A\n{% if request.closedOn %}\n{{ request.closed }}\n{% endif %}',
      'unknownField',
      3,
      4,
      'request.closed',
    ],
    [
      'an unknown field of a list item',
      'A\n{% for p in request.parties %}\n- {{ p.nam }}\n{% endfor %}',
      'unknownField',
      3,
      6,
      'p.nam',
    ],
    ['an unknown filter', 'A\n\n  {{ request.reference | shout }}', 'unknownFilter', 3, 3, 'shout'],
    [
      'the raw filter, which would print a value unescaped',
      '{{ request.summary | raw }}',
      'unknownFilter',
      1,
      1,
      'raw',
    ],
    ['an unclosed tag', 'A\n{% if request.urgent %}\nurgent', 'notClosed', 2, 1, 'tag {% if request.urgent %}'],
    ['an unclosed output', 'A\nB {{ request.reference', 'notClosed', 2, 3, 'output "{{ request.reference"'],
    ['a tag that reads files', 'A\n{% include "letterhead" %}', 'unknownTag', 2, 1, 'include'],
    [
      'a group of fields printed whole',
      'To: {{ request.counterpart }}',
      'render',
      1,
      5,
      expect.stringContaining('group of fields') as unknown,
    ],
  ])(
    'refuses %s, naming its line and column, and saves nothing',
    async (_what, body, problem, line, column, detail) => {
      const register = tempRegister();
      const before = countRows(register.location, 'audit_log');
      const refused = await refusal(
        register.letters.saveTemplate({ code: 'reminder', language: 'en', body }, ACTOR, CLOCK),
      );
      expect(refused).toMatchObject({
        code: 'invalid_input',
        key: 'letter.templateRefused',
        field: 'body',
        problem: `letter.problem.${problem}`,
        params: { line, column, detail },
      });
      expect(countRows(register.location, 'letter_templates')).toBe(0);
      expect(countRows(register.location, 'audit_log')).toBe(before);
    },
  );

  it('refuses a template too long to be a letter before reading it', () => {
    const parsed = saveTemplateSchema.safeParse({
      code: 'reminder',
      language: 'en',
      body: 'x'.repeat(TEMPLATE_MAX_CHARS + 1),
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['body']);
  });

  it('stops a runaway loop instead of holding the register', async () => {
    const found = await checkTemplate('reminder', 'en', '{% for i in (1..100000000) %}{{ i }} {% endfor %}');
    expect(found?.kind).toBe('limit');
  });

  it('saves the office’s own text with an audit entry, and restores the default', async () => {
    const register = tempRegister();
    const body = '# Reminder\n\nWe refer to our request {{ request.reference }}.\n';
    const saved = await register.letters.saveTemplate({ code: 'reminder', language: 'fr', body }, ACTOR, CLOCK);
    expect(saved).toMatchObject({ source: 'custom', body, updatedBy: ACTOR.name, updatedAt: CLOCK.at });
    expect((await register.letters.templates()).find((t) => t.code === 'reminder' && t.language === 'fr')?.source).toBe(
      'custom',
    );
    const restored = await register.letters.restoreDefault({ code: 'reminder', language: 'fr' }, ACTOR, CLOCK);
    expect(restored.source).toBe('default');
    expect(restored.body).toBe(defaultTemplate('reminder', 'fr').body);
    expect(countRows(register.location, 'letter_templates')).toBe(0);
    const actions = withRaw(register.location, (db) =>
      db.prepare("SELECT action FROM audit_log WHERE action LIKE 'letter.%' ORDER BY id").pluck().all(),
    );
    expect(actions).toEqual(['letter.template.save', 'letter.template.restore']);
  });
});
