import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import Database from 'better-sqlite3';
import type { AttachFile } from '../../db/documents/store.ts';
import type { Register } from '../../db/register.ts';
import { auditLog } from '../../db/schema/index.ts';
import { ACTOR, CLOCK, newRequest } from './requests.ts';
import { tempDir, tempRegister } from './temp-register.ts';

/** A register with one incoming MLA request, and a folder for the files to attach. */
export async function registerWithRequest(): Promise<{ register: Register; requestId: number; files: string }> {
  const register = tempRegister();
  const request = await register.requests.register(newRequest(), ACTOR, CLOCK);
  return { register, requestId: request.id, files: tempDir() };
}

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

export function attachInput(requestId: number, file: string, overrides: Partial<AttachFile> = {}): AttachFile {
  return {
    requestId,
    file,
    name: path.basename(file),
    type: 'request',
    direction: 'incoming',
    documentDate: '2026-03-02',
    note: null,
    ...overrides,
  };
}

/** The data folder's documents/ (beside the database file) and every file in it, relative. */
export function storedFiles(register: Register): string[] {
  const root = path.join(path.dirname(register.location), 'documents');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(root, f)).isFile())
    .sort();
}

export function storedPath(register: Register, sha256: string): string {
  return path.join(path.dirname(register.location), 'documents', sha256.slice(0, 2), sha256);
}

/** The audit rows of one entity, read through a second connection as any reader would. */
export function auditRows(register: Register, entity: string): { action: string; details: Record<string, unknown> }[] {
  const sqlite = new Database(register.location, { readonly: true });
  try {
    return drizzle({ client: sqlite })
      .select()
      .from(auditLog)
      .where(eq(auditLog.entity, entity))
      .all()
      .map((r) => ({ action: r.action, details: JSON.parse(r.details) as Record<string, unknown> }));
  } finally {
    sqlite.close();
  }
}
