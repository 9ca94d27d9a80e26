import { AppError } from '../contract/errors.ts';

export type StorageProblem =
  | 'missing' // no database at that path
  | 'not_mla_desk' // a file that is not an MLA Desk register
  | 'newer' // written by a newer version of MLA Desk
  | 'unreadable' // damaged, locked or not permitted
  | 'migration_failed'
  | 'encrypted' // an encrypted register opened without its key
  | 'wrong_key'; // a key (or key file, or recovery passphrase) that does not open it

/** A database that cannot be opened or upgraded. Nothing has been changed when it is thrown. */
export class StorageError extends AppError {
  readonly problem: StorageProblem;
  constructor(problem: StorageProblem, message: string) {
    super('storage', message);
    this.name = 'StorageError';
    this.problem = problem;
  }
}
