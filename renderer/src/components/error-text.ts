import type { TFunction } from 'i18next';
import { isMessageKey, type Localised, PROBLEMS_PARAM, withCodeLabels } from '../../../contract/messages.ts';
import { ApiCallError } from '../api/client.ts';

/**
 * A message made outside the renderer (an error of the register, a field's or an import row's
 * problem) in the reader's language: its key in the `messages` part of the translations, with
 * its parameters, the code parameters (a status, a kind, roles) shown as their labels
 * (contract/messages.ts). A message without a key, or with one this app does not know (a newer
 * server), is shown in the English it carries.
 */
export function messageText(t: TFunction, said: Localised & { fields?: readonly Localised[] | undefined }): string {
  if (said.key === undefined || !isMessageKey(said.key)) return said.message;
  const values = withCodeLabels(said.params ?? {}, (labels, code) => t(`${labels}.${code}`, { defaultValue: code }));
  if (typeof values[PROBLEMS_PARAM] === 'string' && said.fields && said.fields.length > 0) {
    values[PROBLEMS_PARAM] = said.fields.map((field) => messageText(t, field)).join('; ');
  }
  const count = values['count'];
  // Parameters go in `replace`, so none is taken for an option of i18next's own (context, lng…).
  return t(`messages.${said.key}`, {
    replace: values,
    ...(typeof count === 'number' ? { count } : {}),
    defaultValue: said.message,
  });
}

/** What went wrong, in the reader's language: a refused call's error, else whatever was thrown. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiCallError) return messageText(t, error.error);
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as Localised).message === 'string') {
    return messageText(t, error as Localised);
  }
  return String(error);
}

/** One field's problem (from a refused call or the form's own check), in the reader's language. */
export const problemText = messageText;
