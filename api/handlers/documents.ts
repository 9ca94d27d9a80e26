import fs from 'node:fs';
import { replaceControlCharacters, type ValidAttachDocument } from '../../contract/documents.ts';
import { appError, problem } from '../../contract/errors.ts';
import { prepareTarget, resolveFileSource } from '../files.ts';
import { assertRequestVisible } from '../access.ts';
import type { HandlerContext } from '../context.ts';
import type { HandlersFor } from '../handler-types.ts';
import { clockOf } from './requests.ts';

/**
 * The name a document is recorded under. A path's last part on either platform's separators,
 * with control characters made visible: a name is data, shown and offered for downloads,
 * never joined to a folder.
 */
export function recordedName(input: Pick<ValidAttachDocument, 'name' | 'source'>): string {
  if (input.name !== undefined) return input.name;
  if (input.source.kind === 'upload') {
    throw appError('invalid_input', 'document.uploadNeedsName', undefined, [problem('name', 'field.uploadNeedsName')]);
  }
  const last = input.source.path.split(/[\\/]/).pop() ?? '';
  const name = replaceControlCharacters(last, '\uFFFD').slice(0, 255);
  if (name === '') {
    throw appError('invalid_input', 'document.pathNamesNoFile', undefined, [problem('source', 'field.namesNoFile')]);
  }
  return name;
}

/** A document, once its request is known to be the caller's to read. */
async function visibleDocument(ctx: HandlerContext, id: number) {
  const document = await ctx.register.documents.get(id);
  await assertRequestVisible(ctx, document.requestId);
  return document;
}

export const documentHandlers: HandlersFor<'documents.' | 'correspondence.'> = {
  'documents.attach': async (input, ctx) => {
    await assertRequestVisible(ctx, input.requestId);
    const name = recordedName(input);
    const file = resolveFileSource(input.source, ctx.files);
    const { source: _source, name: _name, ...fields } = input;
    const document = await ctx.register.documents.attach({ ...fields, file, name }, ctx.caller, await clockOf(ctx));
    // The upload has served its purpose: its bytes are in the store now.
    if (input.source.kind === 'upload') fs.rmSync(file, { force: true });
    return document;
  },
  'documents.list': async (input, ctx) => {
    await assertRequestVisible(ctx, input.requestId);
    return ctx.register.documents.list(input.requestId);
  },
  'documents.verify': async (input, ctx) => {
    await visibleDocument(ctx, input.id);
    return ctx.register.documents.verify(input.id, await clockOf(ctx));
  },
  'documents.saveCopy': async (input, ctx) => {
    const document = await visibleDocument(ctx, input.id);
    const target = prepareTarget(input.target, document.originalName, ctx.files);
    await ctx.register.documents.copyTo(input.id, target.path, ctx.caller, await clockOf(ctx));
    return target.done();
  },
  'correspondence.add': async (input, ctx) =>
    ctx.register.documents.addCorrespondence(input, ctx.caller, await clockOf(ctx)),
  'correspondence.update': async (input, ctx) =>
    ctx.register.documents.updateCorrespondence(input, ctx.caller, await clockOf(ctx)),
  'correspondence.list': async (input, ctx) => {
    await assertRequestVisible(ctx, input.requestId);
    return ctx.register.documents.listCorrespondence(input.requestId);
  },
};
