import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../contract/errors.ts';
import { type FileSource, type FileTarget, UPLOAD_ID, type WrittenFile } from '../contract/files.ts';

/** Where uploads wait to be used and downloads wait to be fetched, under the data folder. */
export interface FileAreas {
  uploadsDir: string;
  downloadsDir: string;
}

export function fileAreasIn(dataDir: string): FileAreas {
  return { uploadsDir: path.join(dataDir, 'uploads'), downloadsDir: path.join(dataDir, 'downloads') };
}

/** The absolute path a file source names; a missing file is named as the field's problem. */
export function resolveFileSource(source: FileSource, areas: FileAreas, field = 'source'): string {
  const file = source.kind === 'path' ? source.path : path.join(areas.uploadsDir, source.id);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new AppError('invalid_input', `The file is not there any more: ${file}`, [
      { field, message: 'the file cannot be found' },
    ]);
  }
  return file;
}

/** A fresh, unguessable id for an upload or a download. */
export function newFileId(): string {
  return crypto.randomBytes(16).toString('hex');
}

export function isFileId(id: string): boolean {
  return UPLOAD_ID.test(id);
}

/**
 * Where to write a file the app produces, and how to describe it once written. A download
 * is kept in the downloads area with its name beside it, until the browser fetches it.
 */
export function prepareTarget(
  target: FileTarget,
  name: string,
  areas: FileAreas,
): { path: string; done(): WrittenFile } {
  if (target.kind === 'path') {
    return {
      path: target.path,
      done: () => ({
        name: path.basename(target.path),
        bytes: fs.statSync(target.path).size,
        path: target.path,
        downloadId: null,
      }),
    };
  }
  const id = newFileId();
  fs.mkdirSync(areas.downloadsDir, { recursive: true });
  const file = path.join(areas.downloadsDir, id);
  fs.writeFileSync(`${file}.name`, name);
  return { path: file, done: () => ({ name, bytes: fs.statSync(file).size, path: null, downloadId: id }) };
}

/** Removes uploads and downloads older than `maxAgeMs` (left behind by a closed tab or a crash). */
export function sweepFileAreas(areas: FileAreas, maxAgeMs = 24 * 60 * 60 * 1000, now = Date.now()): void {
  for (const dir of [areas.uploadsDir, areas.downloadsDir]) {
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir)) {
      const file = path.join(dir, entry);
      if (now - fs.statSync(file).mtimeMs > maxAgeMs) fs.rmSync(file, { force: true });
    }
  }
}
