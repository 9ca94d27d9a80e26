import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channels } from '../../contract/channels.ts';
import { addCorrespondenceSchema, attachDocumentSchema } from '../../contract/documents.ts';
import { validateInput } from '../../contract/validate.ts';

const attach = {
  requestId: 1,
  source: { kind: 'path', path: '/home/clerk/request.pdf' },
  type: 'request',
  direction: 'incoming',
  documentDate: '2026-03-02',
} as const;

function fields(channel: string, input: unknown): string[] {
  const checked = validateInput(channel, input);
  return checked.ok ? [] : (checked.error.fields ?? []).map((f) => f.field);
}

describe('the documents contract', () => {
  it('declares its channels with the roles of the domain', () => {
    expect(CHANNEL_NAMES).toEqual(
      expect.arrayContaining([
        'documents.attach',
        'documents.list',
        'documents.verify',
        'documents.saveCopy',
        'correspondence.add',
        'correspondence.update',
        'correspondence.list',
      ]),
    );
    expect(channels['documents.attach'].roles).toEqual(['clerk', 'prosecutor']);
    expect(channels['documents.list'].roles).toEqual(['clerk', 'prosecutor', 'manager', 'administrator']);
    expect(channels['correspondence.add'].roles).toEqual(['clerk']);
  });

  it('fills the note with null and keeps a name as typed, unicode and separators included', () => {
    expect(attachDocumentSchema.parse({ ...attach, note: '  ', name: ' ../Запрос/№5.pdf ' })).toEqual({
      ...attach,
      name: '../Запрос/№5.pdf',
      note: null,
    });
  });

  it('names each bad field', () => {
    expect(fields('documents.attach', { ...attach, name: 'a\u0000b.pdf' })).toEqual(['name']);
    expect(fields('documents.attach', { ...attach, source: { kind: 'upload', id: '../../etc/passwd' } })).toEqual([
      'source.id',
    ]);
    expect(fields('documents.attach', { ...attach, source: { kind: 'path', path: 'request.pdf' } })).toEqual([
      'source.path',
    ]);
    expect(fields('documents.attach', { ...attach, documentDate: '02/03/2026', extra: 1 }).sort()).toEqual([
      '(input)',
      'documentDate',
    ]);
    expect(fields('documents.verify', { id: -1 })).toEqual(['id']);
    expect(fields('documents.saveCopy', { id: 1, target: { kind: 'path', path: 'copy.pdf' } })).toEqual([
      'target.path',
    ]);
    expect(
      fields('correspondence.add', { requestId: 1, onDate: '2026-03-03', direction: 'internal', channel: 'pigeon' }),
    ).toEqual(['direction', 'channel', 'summary']);
  });

  it('links each document of an entry once', () => {
    expect(
      addCorrespondenceSchema.parse({
        requestId: 1,
        onDate: '2026-03-03',
        direction: 'incoming',
        channel: 'email',
        summary: ' Reply ',
        documentIds: [3, 1, 3],
      }),
    ).toMatchObject({ summary: 'Reply', documentIds: [3, 1] });
  });
});
