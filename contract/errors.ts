import { englishText, type MessageKey, type MessageParams } from './messages.ts';

/**
 * Every reply crossing a process boundary is an envelope, never a thrown exception:
 * the renderer always gets a code it can act on and a message a person can read.
 */
export const ERROR_CODES = [
  'invalid_input', // the input failed its schema: `fields` names each bad field
  'unknown_channel',
  'not_found',
  'forbidden_move', // the workflow does not allow this status change
  'stale', // the record changed since the user loaded it
  'denied', // the caller's role may not use this channel, or the caller is not our page
  'unauthenticated', // nobody is signed in on this session, or it ended after the idle time
  'unauthorised', // the web transport's token is missing or wrong
  'storage', // the database could not be opened or written
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * `message` is always English (the command line, the logs, and the fallback of a screen that
 * does not know the key); `key` and `params` say it in any language (contract/messages.ts).
 */
export interface FieldProblem {
  /** Dotted path of the field in the input, e.g. "counterpartCountry". */
  field: string;
  message: string;
  key?: string | undefined;
  params?: MessageParams | undefined;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  key?: string | undefined;
  params?: MessageParams | undefined;
  fields?: FieldProblem[];
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside handlers and the db layer; turned into an envelope at the boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldProblem[] | undefined;
  readonly key: MessageKey | undefined;
  readonly params: MessageParams | undefined;
  constructor(
    code: ErrorCode,
    message: string,
    fields?: FieldProblem[],
    text?: { key: MessageKey; params?: MessageParams | undefined },
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
    this.key = text?.key;
    this.params = text?.params;
  }
  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.key === undefined ? {} : { key: this.key }),
      ...(this.params === undefined ? {} : { params: this.params }),
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }
}

/** An error whose message is the catalog's `key` with `params`: the English text is made from it. */
export function appError(code: ErrorCode, key: MessageKey, params?: MessageParams, fields?: FieldProblem[]): AppError {
  return new AppError(code, englishText(key, params), fields, { key, params });
}

/** One field's problem, said by the catalog's `key` with `params`. */
export function problem(field: string, key: MessageKey, params?: MessageParams): FieldProblem {
  const message = englishText(key, params);
  return params === undefined ? { field, message, key } : { field, message, key, params };
}

/** An error envelope's error, for the places that answer without throwing (transports, the dispatcher). */
export function apiError(code: ErrorCode, key: MessageKey, params?: MessageParams, fields?: FieldProblem[]): ApiError {
  return appError(code, key, params, fields).toApiError();
}
