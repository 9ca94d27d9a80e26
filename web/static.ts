import fs from 'node:fs';
import path from 'node:path';
import { fileForUrlPath } from '../renderer/serving.ts';

/**
 * Maps a request URL to a file of the built renderer, or null when it would leave the folder
 * or names no file. Paths without an extension fall back to index.html (the app routes in the page).
 */
export function resolveStaticFile(root: string, url: string): string | null {
  const target = fileForUrlPath(root, url.split('?')[0] ?? '/');
  if (target === null) return null;
  if (fs.existsSync(target) && fs.statSync(target).isFile()) return target;
  if (path.extname(target) === '') {
    const index = path.join(path.resolve(root), 'index.html');
    return fs.existsSync(index) ? index : null;
  }
  return null;
}
