import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatch.ts';
import type { HandlerContext } from '../../api/context.ts';
import type { ImportJob } from '../../contract/channels/interchange.ts';
import type { Envelope } from '../../contract/errors.ts';
import type { Inspection } from '../../contract/interchange.ts';
import { SAMPLE_CSV, SAMPLE_ROWS } from '../helpers/interchange.ts';
import { callerAs, testContext } from '../helpers/temp-register.ts';

// A day after the sample's last date.
const context = (overrides: Partial<HandlerContext> = {}) =>
  testContext({ now: () => new Date('2026-11-20T09:30:00'), ...overrides });

const valueOf = <T>(reply: Envelope<unknown>): T => {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
};

async function finished(ctx: HandlerContext, jobId: string): Promise<ImportJob> {
  for (;;) {
    const job = valueOf<ImportJob>(await dispatch('interchange.progress', { jobId }, ctx));
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The sample as a browser would upload it: a file in the uploads area, named by an id. */
function upload(ctx: HandlerContext): { kind: 'upload'; id: string } {
  const id = 'ab'.repeat(16);
  fs.mkdirSync(ctx.files.uploadsDir, { recursive: true });
  fs.copyFileSync(SAMPLE_CSV, path.join(ctx.files.uploadsDir, id));
  return { kind: 'upload', id };
}

describe('the interchange channels', () => {
  it('inspect an upload (no name, so its content tells the format) and suggest the mapping', async () => {
    const ctx = context();
    const inspection = valueOf<Inspection>(await dispatch('interchange.inspect', { source: upload(ctx) }, ctx));
    expect(inspection).toMatchObject({ format: 'csv', rowCount: SAMPLE_ROWS });
    expect(inspection.sampleRows).toHaveLength(20);
    expect(inspection.sampleRows[0]?.[0]).toBe('MLA-IN-2023-00019');
    expect(inspection.suggestedMapping.reference).toBe('reference');
  });

  it('run an import as a job that reports its progress, then its report', async () => {
    const ctx = context();
    const source = { kind: 'path', path: SAMPLE_CSV };
    const { jobId } = valueOf<{ jobId: string }>(
      await dispatch('interchange.import', { source, fileName: 'register-sample.csv' }, ctx),
    );
    const job = await finished(ctx, jobId);
    expect(job).toMatchObject({ state: 'done', rowsRead: SAMPLE_ROWS, error: null });
    expect(job.bytesRead).toBe(fs.statSync(SAMPLE_CSV).size);
    expect(job.report).toMatchObject({ ok: true, imported: SAMPLE_ROWS });
    const list = await ctx.register.requests.list({
      state: 'all',
      sort: 'updatedAt',
      order: 'desc',
      limit: 1,
      offset: 0,
    });
    expect(list.total).toBe(SAMPLE_ROWS);
  });

  it('refuse a second import while one runs', async () => {
    const ctx = context();
    const input = { source: { kind: 'path', path: SAMPLE_CSV }, fileName: 'register-sample.csv', dryRun: true };
    const first = valueOf<{ jobId: string }>(await dispatch('interchange.import', input, ctx));
    expect(await dispatch('interchange.import', input, ctx)).toMatchObject({ ok: false, error: { code: 'storage' } });
    await finished(ctx, first.jobId);
  });

  it('export the register as a download the browser then fetches', async () => {
    const ctx = context();
    await ctx.register.interchange.import(
      SAMPLE_CSV,
      { fileName: 'register-sample.csv', dryRun: false, ignoreUnknownColumns: false },
      ctx.caller,
      { at: '2026-11-20T09:30:00.000Z', today: '2026-11-20' },
    );
    const written = valueOf<{ name: string; downloadId: string; rows: number; bytes: number }>(
      await dispatch('interchange.export', { format: 'xlsx', target: { kind: 'download' } }, ctx),
    );
    expect(written).toMatchObject({ name: 'register-2026-11-20.xlsx', rows: SAMPLE_ROWS, path: null });
    const file = path.join(ctx.files.downloadsDir, written.downloadId);
    expect(fs.statSync(file).size).toBe(written.bytes);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });

  it('let clerks and administrators import, managers only export, prosecutors neither', async () => {
    const as = (role: 'clerk' | 'prosecutor' | 'manager' | 'administrator') =>
      context({ caller: callerAs(role, role) });
    const inspect = { source: { kind: 'path', path: SAMPLE_CSV } };
    const exportInput = { format: 'csv', target: { kind: 'download' } };
    expect((await dispatch('interchange.inspect', inspect, as('administrator'))).ok).toBe(true);
    expect(await dispatch('interchange.inspect', inspect, as('manager'))).toMatchObject({ error: { code: 'denied' } });
    expect(await dispatch('interchange.inspect', inspect, as('prosecutor'))).toMatchObject({
      error: { code: 'denied' },
    });
    expect((await dispatch('interchange.export', exportInput, as('manager'))).ok).toBe(true);
    expect(await dispatch('interchange.export', exportInput, as('prosecutor'))).toMatchObject({
      error: { code: 'denied' },
    });
  });

  it('say which file is missing', async () => {
    const ctx = context();
    const reply = await dispatch(
      'interchange.inspect',
      { source: { kind: 'path', path: '/nowhere/register.csv' } },
      ctx,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ field: 'source' }] } });
  });
});
