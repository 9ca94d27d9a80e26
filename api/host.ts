import path from 'node:path';
import type { Envelope } from '../contract/errors.ts';
import { openSqliteRegister, type Register } from '../db/register.ts';
import type { Caller, HandlerContext } from './context.ts';
import { dispatch } from './dispatch.ts';
import { type FileAreas, fileAreasIn, sweepFileAreas } from './files.ts';

export interface ApiHostOptions {
  databaseFile: string;
  migrationsFolder: string;
  nativeBinding?: string | undefined;
  app: HandlerContext['app'];
  now?: () => Date;
  /** Default: uploads/ and downloads/ beside the database file. */
  files?: FileAreas;
  log?: (message: string, error: unknown) => void;
}

export interface ApiHost {
  register: Register;
  files: FileAreas;
  /** Serves one call of the contract; never throws. */
  handle(channel: unknown, input: unknown, caller: Caller): Promise<Envelope<unknown>>;
  close(): void;
}

/**
 * The API as both transports serve it: the Electron database process (over IPC) and the
 * loopback web server (over HTTP) each create one host and only move calls in and out of it.
 */
export function createApiHost(options: ApiHostOptions): ApiHost {
  const register = openSqliteRegister({
    file: options.databaseFile,
    migrationsFolder: options.migrationsFolder,
    nativeBinding: options.nativeBinding,
    create: true,
  });
  const now = options.now ?? (() => new Date());
  const files = options.files ?? fileAreasIn(path.dirname(path.resolve(options.databaseFile)));
  sweepFileAreas(files);
  return {
    register,
    files,
    handle: (channel, input, caller) =>
      dispatch(channel, input, { register, files, caller, now, app: options.app }, options.log),
    close: () => register.close(),
  };
}
