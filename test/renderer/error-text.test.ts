import i18next, { type i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiError, apiError, problem } from '../../contract/errors.ts';
import { englishText } from '../../contract/messages.ts';
import { translation as en } from '../../i18n/en/index.ts';
import { ApiCallError } from '../../renderer/src/api/client.ts';
import { errorText, messageText, problemText } from '../../renderer/src/components/error-text.ts';
import { fieldErrorsFrom, fieldErrorsOf } from '../../renderer/src/components/field-errors.ts';

/*
 * The screens say the register's messages in the reader's language, by key. A test instance of
 * i18next with two stand-in languages (whatever the translators' files hold today): "fr" with a
 * few messages and status labels, "ru" with the four plural forms Russian has.
 */
const fr = {
  messages: {
    move: { forbidden: '{{reference}} ne peut pas passer de {{from}} à {{to}} : son circuit ne le permet pas.' },
    field: {
      required: 'est obligatoire',
      maxLength_one: 'au plus {{count}} caractère',
      maxLength_other: 'au plus {{count}} caractères',
    },
    call: { denied: 'Votre rôle ({{roles}}) ne permet pas cela ({{channel}}).' },
  },
  status: { under_review: 'En cours d’examen', executed: 'Exécutée' },
  roles: { clerk: 'Greffier', manager: 'Responsable' },
};
const ru = {
  messages: {
    field: {
      maxLength_one: 'не более {{count}} символа',
      maxLength_few: 'не более {{count}} символов (few)',
      maxLength_many: 'не более {{count}} символов (many)',
      maxLength_other: 'не более {{count}} символа (other)',
    },
  },
};

let instance: i18n;
const t = (language: string) => instance.getFixedT(language);

beforeAll(async () => {
  instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: en }, fr: { translation: fr }, ru: { translation: ru } },
    lng: 'fr',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
});

const forbidden = apiError('forbidden_move', 'move.forbidden', {
  reference: 'MLA-IN-2026-00001',
  from: 'under_review',
  to: 'executed',
});

describe('a message from the register, on screen', () => {
  it('is said in the reader’s language, its codes as their labels inside the sentence', () => {
    expect(messageText(t('fr'), forbidden)).toBe(
      'MLA-IN-2026-00001 ne peut pas passer de en cours d’examen à exécutée : son circuit ne le permet pas.',
    );
    expect(messageText(t('en'), forbidden)).toBe(forbidden.message);
    expect(forbidden.message).toBe(
      'MLA-IN-2026-00001 cannot go from under review to executed: its workflow does not allow that move.',
    );
  });

  it('names each role of a list by its label', () => {
    const denied = apiError('denied', 'call.denied', { roles: 'clerk, manager', channel: 'requests.move' });
    expect(messageText(t('fr'), denied)).toBe('Votre rôle (greffier, responsable) ne permet pas cela (requests.move).');
  });

  it('takes the plural form the language’s rules pick for the count', () => {
    const says = (count: number) => problemText(t('ru'), problem('summary', 'field.maxLength', { count }));
    expect(says(1)).toBe('не более 1 символа');
    expect(says(3)).toBe('не более 3 символов (few)');
    expect(says(8000)).toBe('не более 8000 символов (many)');
    expect(problemText(t('fr'), problem('summary', 'field.maxLength', { count: 1 }))).toBe('au plus 1 caractère');
  });

  it('reads in English where the language has no text for the key yet', () => {
    const later = apiError('not_found', 'request.notFound', { id: 7 });
    expect(messageText(t('fr'), later)).toBe('There is no request with id 7.');
  });

  it('shows the English it carries when it has no key, or one this app does not know', () => {
    expect(messageText(t('fr'), { code: 'internal', message: 'An older server said this.' } as ApiError)).toBe(
      'An older server said this.',
    );
    const newer = { message: 'A newer server said this.', key: 'field.fromTheFuture', params: { n: 1 } };
    expect(messageText(t('fr'), newer)).toBe('A newer server said this.');
    // A key that names a group of messages, not one, is not taken for one either.
    expect(messageText(t('fr'), { message: 'Grouped.', key: 'field' })).toBe('Grouped.');
  });

  it('says a refused call, and anything else thrown, as well as it can', () => {
    expect(errorText(t('fr'), new ApiCallError(forbidden))).toContain('ne peut pas passer de en cours d’examen');
    expect(errorText(t('fr'), new Error('The network is down.'))).toBe('The network is down.');
    expect(errorText(t('fr'), 'plain words')).toBe('plain words');
  });
});

describe('the fields of a refused call', () => {
  const refusal = apiError('invalid_input', 'call.pleaseCheck', { fields: 'parties.0.name, summary' }, [
    problem('parties.0.name', 'field.required'),
    problem('summary', 'field.maxLength', { count: 8000 }),
  ]);

  it('are each said in the reader’s language, by full path and by first part', () => {
    expect(fieldErrorsOf(t('fr'), new ApiCallError(refusal))).toEqual({
      'parties.0.name': 'est obligatoire',
      parties: 'est obligatoire',
      summary: 'au plus 8000 caractères',
    });
  });

  it('keep their English where no key came with them', () => {
    expect(fieldErrorsFrom(t('fr'), [{ field: 'note', message: 'is needed here' }])).toEqual({
      note: 'is needed here',
    });
    expect(englishText('field.required')).toBe('is required');
  });
});
