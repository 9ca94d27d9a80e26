import fs from 'node:fs';
import { appError, problem } from '../../contract/errors.ts';
import { LOGO_MAX_BYTES, type ValidSaveLetterhead } from '../../contract/letters.ts';
import { fileSlug } from '../../contract/reports.ts';
import { imageInfo } from '../../db/letters/image.ts';
import type { NewLogo } from '../../db/letters/letterhead.ts';
import { assertRequestVisible, scopeOf } from '../access.ts';
import type { HandlerContext } from '../context.ts';
import { prepareTarget, resolveFileSource } from '../files.ts';
import type { HandlersFor } from '../handler-types.ts';
import { clockOf } from './requests.ts';

/** The letter's date and signature: today at the office, and the signed-in person's name. */
const makerOf = async (ctx: HandlerContext) => ({ today: (await clockOf(ctx)).today, author: ctx.caller.displayName });

/**
 * The new logo, read and checked before anything is saved: a PNG or a JPEG (by its bytes, not
 * its name) of at most LOGO_MAX_BYTES. An upload is removed once read, whatever the outcome.
 */
function readLogo(input: ValidSaveLetterhead, ctx: HandlerContext): NewLogo | null {
  if (input.logo.action !== 'replace') return null;
  const file = resolveFileSource(input.logo.source, ctx.files, 'logo.source');
  try {
    const size = fs.statSync(file).size;
    if (size > LOGO_MAX_BYTES) {
      throw appError('invalid_input', 'letter.logoRefused', undefined, [
        problem('logo', 'letter.field.logoTooLarge', { max: LOGO_MAX_BYTES, size }),
      ]);
    }
    const bytes = fs.readFileSync(file);
    const image = imageInfo(bytes);
    if (!image)
      throw appError('invalid_input', 'letter.logoRefused', undefined, [problem('logo', 'letter.field.logoNotImage')]);
    return { name: input.logo.name, bytes, mediaType: image.mediaType };
  } finally {
    if (input.logo.source.kind === 'upload') fs.rmSync(file, { force: true });
  }
}

export const letterHandlers: HandlersFor<'letters.'> = {
  'letters.templates': (_input, ctx) => ctx.register.letters.templates(),
  'letters.template': (input, ctx) => ctx.register.letters.template(input.code, input.language),
  'letters.saveTemplate': async (input, ctx) =>
    ctx.register.letters.saveTemplate(input, ctx.caller, await clockOf(ctx)),
  'letters.restoreDefault': async (input, ctx) =>
    ctx.register.letters.restoreDefault(input, ctx.caller, await clockOf(ctx)),
  'letters.previewTemplate': async (input, ctx) => {
    const request =
      input.requestId === null ? null : await ctx.register.requests.get(input.requestId, scopeOf(ctx.caller));
    return ctx.register.letters.preview({ ...input, request }, await makerOf(ctx));
  },
  'letters.letterhead': (_input, ctx) => ctx.register.letters.letterhead(),
  'letters.saveLetterhead': async (input, ctx) => {
    const logo = readLogo(input, ctx);
    return ctx.register.letters.saveLetterhead(input, logo, ctx.caller, await clockOf(ctx));
  },
  'letters.preview': async (input, ctx) => {
    await assertRequestVisible(ctx, input.requestId);
    const request = await ctx.register.requests.get(input.requestId, scopeOf(ctx.caller));
    const { requestId: _id, ...choice } = input;
    return ctx.register.letters.preview({ ...choice, request }, await makerOf(ctx));
  },
  'letters.generate': async (input, ctx) => {
    await assertRequestVisible(ctx, input.requestId);
    const request = await ctx.register.requests.get(input.requestId, scopeOf(ctx.caller));
    const choice = { code: input.code, language: input.language };
    return ctx.register.letters.generate(request, choice, ctx.caller, await clockOf(ctx), ctx.caller.displayName);
  },
  'letters.list': async (input, ctx) => {
    await assertRequestVisible(ctx, input.requestId);
    return ctx.register.letters.list(input.requestId);
  },
  'letters.markSent': async (input, ctx) => {
    const letter = await ctx.register.letters.get(input.id);
    await assertRequestVisible(ctx, letter.requestId);
    return ctx.register.letters.markSent(input, ctx.caller, await clockOf(ctx));
  },
  'letters.caseSummary': async ({ target, ...input }, ctx) => {
    await assertRequestVisible(ctx, input.requestId);
    const { today } = await clockOf(ctx);
    const scope = scopeOf(ctx.caller);
    const request = await ctx.register.requests.get(input.requestId, scope);
    const out = prepareTarget(target, `case-summary-${fileSlug(request.reference)}-${today}.pdf`, ctx.files);
    await ctx.register.letters.caseSummary(input.requestId, input.language, out.path, ctx.now(), scope);
    return out.done();
  },
};
