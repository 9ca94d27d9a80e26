import { AppError, apiError, appError } from '../../contract/errors.ts';
import type { ImportJob } from '../../contract/channels/interchange.ts';
import type { Register } from '../../db/register.ts';
import { newFileId, prepareTarget, resolveFileSource } from '../files.ts';
import type { HandlersFor } from '../handler-types.ts';
import { clockOf } from './requests.ts';

/** Finished jobs are kept this long for the wizard to read their report. */
const KEEP_FINISHED_MS = 60 * 60 * 1000;

type Job = ImportJob & { finishedAt: number | null };
const jobsByRegister = new WeakMap<Register, Map<string, Job>>();

function jobsOf(register: Register): Map<string, Job> {
  let jobs = jobsByRegister.get(register);
  if (!jobs) {
    jobs = new Map();
    jobsByRegister.set(register, jobs);
  }
  const now = Date.now();
  for (const [id, job] of jobs) {
    if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) jobs.delete(id);
  }
  return jobs;
}

export const interchangeHandlers: HandlersFor<'interchange.'> = {
  'interchange.inspect': async (input, ctx) =>
    ctx.register.interchange.preview(resolveFileSource(input.source, ctx.files)),

  /**
   * Starts the import (or dry run) and answers at once with the job to follow: the work goes
   * on between calls, reading the file chunk by chunk, all in one transaction.
   */
  'interchange.import': async (input, ctx) => {
    const file = resolveFileSource(input.source, ctx.files);
    // Before the check for a running import, so nothing waits between that check and the new job.
    const clock = await clockOf(ctx);
    const jobs = jobsOf(ctx.register);
    if ([...jobs.values()].some((j) => j.state === 'running')) {
      throw appError('storage', 'import.running');
    }
    const jobId = newFileId();
    const job: Job = {
      state: 'running',
      rowsRead: 0,
      bytesRead: 0,
      bytesTotal: 0,
      report: null,
      error: null,
      finishedAt: null,
    };
    jobs.set(jobId, job);
    const options = {
      fileName: input.fileName,
      mapping: input.mapping,
      dryRun: input.dryRun,
      ignoreUnknownColumns: input.ignoreUnknownColumns,
    };
    void ctx.register.interchange
      .import(file, options, ctx.caller, clock, (progress) => Object.assign(job, progress))
      .then(
        (report) => Object.assign(job, { state: 'done', report }),
        (e: unknown) => {
          if (!(e instanceof AppError)) console.error('Import failed', e);
          const {
            code: _code,
            fields: _fields,
            ...failure
          } = e instanceof AppError ? e.toApiError() : apiError('internal', 'import.failed');
          Object.assign(job, { state: 'failed', error: failure.message, failure });
        },
      )
      .finally(() => {
        job.finishedAt = Date.now();
      });
    return { jobId };
  },

  'interchange.progress': async (input, ctx) => {
    const job = jobsOf(ctx.register).get(input.jobId);
    if (!job) throw appError('not_found', 'import.unknownJob');
    const { finishedAt: _finishedAt, ...state } = job;
    return state;
  },

  'interchange.export': async (input, ctx) => {
    const name = `register-${(await clockOf(ctx)).today}.${input.format}`;
    const target = prepareTarget(input.target, name, ctx.files);
    const { rows } = await ctx.register.interchange.export(target.path, input.format);
    return { ...target.done(), rows };
  },
};
