import { AppError, type FieldProblem } from '../contract/errors.ts';
import { englishText, type MessageKey, type MessageParams } from '../contract/messages.ts';

export type StorageProblem =
  | 'missing' // no database at that path
  | 'not_mla_desk' // a file that is not an MLA Desk register
  | 'newer' // written by a newer version of MLA Desk
  | 'unreadable' // damaged, locked or not permitted
  | 'migration_failed'
  | 'encrypted' // an encrypted register opened without its key
  | 'wrong_key'; // a key (or key file, or recovery passphrase) that does not open it

/** What a storage error says: English text, or a key of the messages catalog with its parameters. */
export type StorageMessage = string | { key: MessageKey; params?: MessageParams };

/** A database that cannot be opened or upgraded. Nothing has been changed when it is thrown. */
export class StorageError extends AppError {
  readonly problem: StorageProblem;
  constructor(problem: StorageProblem, message: StorageMessage, fields?: FieldProblem[]) {
    super(
      'storage',
      typeof message === 'string' ? message : englishText(message.key, message.params),
      fields,
      typeof message === 'string' ? undefined : message,
    );
    this.name = 'StorageError';
    this.problem = problem;
  }
}

/** The reason an unexpected failure gives, for a message that quotes it. */
export const reasonOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
