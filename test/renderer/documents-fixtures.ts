import { vi } from 'vitest';
import type { MlaDeskBridge } from '../../contract/bridge.ts';
import type { CorrespondenceEntry, DocumentRecord } from '../../contract/documents.ts';

export function documentRecord(overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id: 7,
    requestId: 1,
    sha256: '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea',
    size: 248_832,
    originalName: 'Demande d’entraide FR-2026-12.pdf',
    mediaType: 'application/pdf',
    type: 'request',
    direction: 'incoming',
    documentDate: '2026-03-02',
    note: 'Received by e-mail',
    addedAt: '2026-03-02T10:15:00.000Z',
    addedBy: 'Amina',
    ...overrides,
  };
}

export function correspondenceEntry(overrides: Partial<CorrespondenceEntry> = {}): CorrespondenceEntry {
  return {
    id: 3,
    requestId: 1,
    onDate: '2026-03-03',
    direction: 'outgoing',
    channel: 'email',
    summary: 'Acknowledged receipt; asked for the account holder’s date of birth.',
    documents: [{ id: 7, originalName: 'Acknowledgement.pdf', type: 'acknowledgement', documentDate: '2026-03-03' }],
    recordedAt: '2026-03-03T11:00:00.000Z',
    recordedBy: 'Amina',
    ...overrides,
  };
}

/** The desktop's preload bridge, as far as the documents tab uses it. */
export function fakeBridge(files: Partial<MlaDeskBridge['files']> = {}) {
  const bridge = {
    channels: {} as MlaDeskBridge['channels'],
    onMenuCommand: () => () => undefined,
    setLanguage: () => undefined,
    files: {
      choose: vi.fn(async () => ['/home/clerk/Desktop/Ersuchen.pdf']),
      saveAs: vi.fn(async () => '/home/clerk/Documents/copy.pdf'),
      pathFor: vi.fn(() => '/home/clerk/Desktop/dropped.pdf'),
      openDocument: vi.fn(async () => ({ ok: true as const, value: null })),
      ...files,
    },
  } satisfies MlaDeskBridge;
  window.mlaDesk = bridge;
  return bridge;
}
