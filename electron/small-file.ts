import fs from 'node:fs';
import path from 'node:path';

/** Writes a small settings file whole: a temporary name, then renamed over, so a crash never leaves half a file. */
export function writeSmallFile(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}
