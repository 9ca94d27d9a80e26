import path from 'node:path';
import { blobPath, blobStoreBeside } from '../documents/blobs.ts';
import type { OpenOptions } from '../open.ts';

/**
 * Where the data folder keeps the file of the document whose content hashes to `sha256`: the
 * one place backups learn a stored document's name. In an encrypted register the name is keyed
 * (db/documents/blobs.ts, with the key from the register's open options); backups and restores
 * copy the stored bytes as they are, encrypted, and put them back under the same name.
 */
export function storedDocumentFile(options: OpenOptions, sha256: string): string {
  return blobPath(blobStoreBeside(options.file, options.key), sha256);
}

/** The data folder: the register's folder, which holds documents/ (and backups/ by default). */
export function dataFolderOf(databaseFile: string): string {
  return path.dirname(path.resolve(databaseFile));
}
