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

export interface FieldProblem {
  /** Dotted path of the field in the input, e.g. "counterpartCountry". */
  field: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  fields?: FieldProblem[];
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside handlers and the db layer; turned into an envelope at the boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldProblem[] | undefined;
  constructor(code: ErrorCode, message: string, fields?: FieldProblem[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
  toApiError(): ApiError {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }
}
