import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { appError, problem } from '../contract/errors.ts';
import { type FileSource, type FileTarget, UPLOAD_ID, type WrittenFile } from '../contract/files.ts';

/** Where uploads wait to be used and downloads wait to be fetched, under the data folder. */
export interface FileAreas {
  /** The data folder itself: the register's file and the folders MLA Desk keeps beside it. */
  dataDir: string;
  uploadsDir: string;
  downloadsDir: string;
}

export function fileAreasIn(dataDir: string): FileAreas {
  return {
    dataDir: path.resolve(dataDir),
    uploadsDir: path.join(dataDir, 'uploads'),
    downloadsDir: path.join(dataDir, 'downloads'),
  };
}

/** The folders of the data folder only MLA Desk writes: stored evidence, uploads, downloads, backups. */
const KEPT_FOLDERS = ['documents', 'uploads', 'downloads', 'backups'];

const realOrResolved = (p: string): string => {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

const isWithin = (folder: string, file: string): boolean => {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/**
 * Refuses, before a byte is written, a path the app cannot or must not write a file to: not an
 * absolute path on this computer ("C:\\x" passes the contract's check on Linux, and would be
 * written relative to the working folder; a NUL byte throws in every file call), in a folder
 * that does not exist, a folder itself, or a place in the data folder: an existing file there
 * (the register, its WAL) or anything in the folders of stored evidence, uploads, downloads
 * and backups. `field` names the input the path came in.
 */
export function checkWritablePath(file: string, areas: FileAreas, field: string): void {
  const refuse = (why: 'notAbsolute' | 'noFolder' | 'isFolder' | 'dataFolder'): never => {
    throw appError('invalid_input', `file.notWritable.${why}`, undefined, [
      problem(field, `file.whyNotWritable.${why}`),
    ]);
  };
  if (file.includes('\0') || !path.isAbsolute(file)) refuse('notAbsolute');
  const folder = realOrResolved(path.dirname(path.resolve(file)));
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) refuse('noFolder');
  const target = path.join(folder, path.basename(file));
  const existing = fs.statSync(target, { throwIfNoEntry: false });
  if (existing?.isDirectory()) refuse('isFolder');
  const dataDir = realOrResolved(areas.dataDir);
  if ((folder === dataDir && existing) || KEPT_FOLDERS.some((f) => isWithin(path.join(dataDir, f), target))) {
    refuse('dataFolder');
  }
}

/** The absolute path a file source names; a missing file is named as the field's problem. */
export function resolveFileSource(source: FileSource, areas: FileAreas, field = 'source'): string {
  const file = source.kind === 'path' ? source.path : path.join(areas.uploadsDir, source.id);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw appError('invalid_input', 'file.gone', { file }, [problem(field, 'field.fileNotFound')]);
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
    checkWritablePath(target.path, areas, 'target.path');
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
  return {
    path: file,
    done: () => {
      // Written once the file is: a call that fails leaves nothing in the downloads area.
      fs.writeFileSync(`${file}.name`, name);
      return { name, bytes: fs.statSync(file).size, path: null, downloadId: id };
    },
  };
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
