import path from 'node:path';

/** Set to use another data folder (tests, portable installs); otherwise each shell picks its own. */
export const DATA_DIR_ENV = 'MLA_DESK_DATA_DIR';

export function resolveDataDir(platformDefault: string): string {
  const override = process.env[DATA_DIR_ENV];
  return path.resolve(override && override.trim() !== '' ? override : platformDefault);
}

export function registerFileIn(dataDir: string): string {
  return path.join(dataDir, 'register.sqlite');
}
