import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localIsoDate } from '../../contract/dates.ts';
import type { DocumentRecord } from '../../contract/documents.ts';
import { DocumentsTab } from '../../renderer/src/screens/request/DocumentsTab.tsx';
import { documentRecord, fakeBridge } from './documents-fixtures.ts';
import { detail } from './fixtures.ts';
import { ok, renderScreen } from './render.tsx';

const pdf = vi.hoisted(() => ({
  render: vi.fn(async (container: HTMLElement, _width: number, label: (page: number) => string) => {
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', label(1));
    container.append(canvas);
  }),
  destroy: vi.fn(),
  loadPdf: vi.fn(),
}));
// pdf.js needs a real canvas and worker: the component is tested with a stand-in for it.
vi.mock('../../renderer/src/screens/request/documents/pdf.ts', () => ({
  MAX_PREVIEW_PAGES: 40,
  loadPdf: pdf.loadPdf,
}));

const REQUEST = detail();
const region = () => screen.getByRole('region', { name: `Documents of ${REQUEST.reference}` });

function renderTab(fakes: Parameters<typeof renderScreen>[1] = {}, documents: DocumentRecord[] = [documentRecord()]) {
  return renderScreen(<DocumentsTab request={REQUEST} />, { 'documents.list': () => ok(documents), ...fakes });
}

afterEach(() => {
  delete window.mlaDesk;
  vi.unstubAllGlobals();
  vi.clearAllMocks();
});

// Dialogs driven key by key: slow on a busy machine, so more time than the default.
describe('DocumentsTab', { timeout: 20_000 }, () => {
  it('lists each document with its type, date, direction, size, who added it and its SHA-256', async () => {
    renderTab();
    const table = await screen.findByRole('table', { name: `Documents of ${REQUEST.reference}` });
    const row = within(table).getAllByRole('row')[1];
    if (!row) throw new Error('no row');
    for (const text of ['Mar 2, 2026', 'Demande d’entraide FR-2026-12.pdf', 'Request', 'Received', '243 kB', 'Amina']) {
      expect(within(row).getByText(text)).toBeInTheDocument();
    }
    expect(within(row).getByText('Received by e-mail')).toBeInTheDocument();
    const hash = within(row).getByRole('button', { name: /Show the full SHA-256/ });
    expect(hash).toHaveTextContent('3f79bb7b435b…');
    expect(hash).toHaveAttribute('title', documentRecord().sha256);
    await userEvent.click(hash);
    expect(within(row).getByText(documentRecord().sha256)).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: /Copy the SHA-256/ })).toBeInTheDocument();
  });

  it('says so when there are no documents yet', async () => {
    renderTab({}, []);
    expect(await screen.findByText(/No documents yet/)).toBeInTheDocument();
  });

  it('checks a document and shows whether it is intact or altered', async () => {
    const second = documentRecord({ id: 8, originalName: 'Translation.pdf', type: 'translation' });
    const { calls } = renderTab(
      {
        'documents.verify': (input) => {
          const id = (input as { id: number }).id;
          return ok({
            id,
            sha256: 'a'.repeat(64),
            intact: id === 7,
            missing: false,
            actualSha256: id === 7 ? 'a'.repeat(64) : 'b'.repeat(64),
            checkedAt: '2026-03-10T09:30:00.000Z',
          });
        },
      },
      [documentRecord(), second],
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Check all' }));
    expect(await screen.findByText('Intact')).toBeInTheDocument();
    expect(await screen.findByText('Altered')).toBeInTheDocument();
    expect(calls.filter((c) => c.channel === 'documents.verify').map((c) => c.input)).toEqual([{ id: 7 }, { id: 8 }]);
  });

  it('attaches chosen files with the type, date, direction and note asked in a dialog', async () => {
    const bridge = fakeBridge({
      choose: vi.fn(async () => ['/home/clerk/Desktop/Ersuchen.pdf', '/tmp/Übersetzung.pdf']),
    });
    const { calls } = renderTab({ 'documents.attach': () => ok(documentRecord()) });
    await userEvent.click(await screen.findByRole('button', { name: 'Attach files…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Attach files' });
    expect(bridge.files.choose).toHaveBeenCalledWith({ title: 'Attach files', multiple: true });
    expect(within(dialog).getByText('Ersuchen.pdf')).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/Date of the document/)).toHaveValue(localIsoDate());

    await userEvent.click(within(dialog).getByRole('combobox', { name: /^Type/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Translation' }));
    await userEvent.clear(within(dialog).getByLabelText(/Date of the document/));
    await userEvent.type(within(dialog).getByLabelText(/Date of the document/), '2026-03-05');
    await userEvent.type(within(dialog).getByLabelText('Note'), 'Certified translation');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Attach 2 files' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.filter((c) => c.channel === 'documents.attach').map((c) => c.input)).toEqual([
      {
        requestId: REQUEST.id,
        source: { kind: 'path', path: '/home/clerk/Desktop/Ersuchen.pdf' },
        name: 'Ersuchen.pdf',
        type: 'translation',
        direction: 'incoming',
        documentDate: '2026-03-05',
        note: 'Certified translation',
      },
      expect.objectContaining({ source: { kind: 'path', path: '/tmp/Übersetzung.pdf' }, name: 'Übersetzung.pdf' }),
    ]);
    expect(calls.filter((c) => c.channel === 'documents.list')).toHaveLength(2); // refreshed
  });

  it('attaches files dropped on the tab, uploading them in the browser', async () => {
    const fetch = vi.fn(async () => Response.json({ ok: true, value: { id: 'c'.repeat(32), size: 5 } }));
    vi.stubGlobal('fetch', fetch);
    const { calls } = renderTab({ 'documents.attach': () => ok(documentRecord()) });
    await screen.findByRole('table');
    const file = new File(['%PDF-'], 'طلب المساعدة.pdf', { type: 'application/pdf' });

    fireEvent.dragOver(region(), { dataTransfer: { files: [file], types: ['Files'] } });
    expect(screen.getByText(`Drop to attach to ${REQUEST.reference}`)).toBeInTheDocument();
    fireEvent.drop(region(), { dataTransfer: { files: [file], types: ['Files'] } });

    const dialog = await screen.findByRole('dialog', { name: 'Attach files' });
    expect(within(dialog).getByText('طلب المساعدة.pdf')).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled(); // nothing uploads before the person confirms
    await userEvent.click(within(dialog).getByRole('button', { name: 'Attach 1 file' }));
    await waitFor(() => expect(calls.some((c) => c.channel === 'documents.attach')).toBe(true));
    expect(fetch).toHaveBeenCalledWith('upload', expect.objectContaining({ method: 'POST', body: file }));
    expect(calls.find((c) => c.channel === 'documents.attach')?.input).toMatchObject({
      source: { kind: 'upload', id: 'c'.repeat(32) },
      name: 'طلب المساعدة.pdf',
      type: 'supplementary_information',
    });
  });

  it('keeps the dialog open and names the problem when the register refuses a file', async () => {
    fakeBridge();
    renderTab({
      'documents.attach': () => ({
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'The document date cannot be in the future.',
          fields: [{ field: 'documentDate', message: 'cannot be after today' }],
        },
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Attach files…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Attach files' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Attach 1 file' }));
    expect(await within(dialog).findByText('cannot be after today')).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Ersuchen.pdf could not be attached');
  });

  it('previews a PDF from the stored bytes, drawn by pdf.js', async () => {
    const fetch = vi.fn(async () => new Response('%PDF-1.7 bytes', { headers: { 'content-type': 'application/pdf' } }));
    vi.stubGlobal('fetch', fetch);
    pdf.loadPdf.mockResolvedValue({ pages: 2, render: pdf.render, destroy: pdf.destroy });
    renderTab();
    await userEvent.click(await screen.findByRole('button', { name: /^Preview Demande/ }));
    expect(await screen.findByRole('img', { name: 'Page 1 of 2' })).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith('documents/7/content', {
      headers: { authorization: expect.stringMatching(/^Bearer /) as unknown },
    });
    const bytes = pdf.loadPdf.mock.calls[0]?.[0] as ArrayBuffer;
    expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.7 bytes');
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(pdf.destroy).toHaveBeenCalled());
  });

  it('previews a picture through a blob: URL and offers no preview for other files', async () => {
    fakeBridge();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('png bytes')),
    );
    URL.createObjectURL = vi.fn(() => 'blob:app://mla-desk/1234');
    URL.revokeObjectURL = vi.fn();
    renderTab({}, [
      documentRecord({ id: 9, originalName: 'photo.png', mediaType: 'image/png' }),
      documentRecord({ id: 10, originalName: 'letter.docx', mediaType: 'application/octet-stream' }),
    ]);
    expect(await screen.findByRole('button', { name: 'Open letter.docx in another application' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Preview letter.docx' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Preview photo.png' }));
    expect(await screen.findByRole('img', { name: 'photo.png' })).toHaveAttribute('src', 'blob:app://mla-desk/1234');
  });

  it('opens a document through the desktop shell and saves a copy where the person chooses', async () => {
    const bridge = fakeBridge();
    const { calls } = renderTab({
      'documents.saveCopy': () =>
        ok({ name: 'copy.pdf', bytes: 10, path: '/home/clerk/Documents/copy.pdf', downloadId: null }),
    });
    await userEvent.click(await screen.findByRole('button', { name: /^Open Demande/ }));
    expect(bridge.files.openDocument).toHaveBeenCalledWith(7);

    await userEvent.click(screen.getByRole('button', { name: /^Save a copy of Demande/ }));
    await waitFor(() => expect(calls.some((c) => c.channel === 'documents.saveCopy')).toBe(true));
    expect(bridge.files.saveAs).toHaveBeenCalledWith(
      expect.objectContaining({ defaultName: 'Demande d’entraide FR-2026-12.pdf' }),
    );
    expect(calls.find((c) => c.channel === 'documents.saveCopy')?.input).toEqual({
      id: 7,
      target: { kind: 'path', path: '/home/clerk/Documents/copy.pdf' },
    });
    expect(await screen.findByText(/was saved to \/home\/clerk\/Documents\/copy.pdf/)).toBeInTheDocument();
  });

  it('tells the person when the shell cannot open the document', async () => {
    fakeBridge({
      openDocument: vi.fn(async () => ({
        ok: false as const,
        error: { code: 'storage' as const, message: 'The stored file no longer has its SHA-256.' },
      })),
    });
    renderTab();
    await userEvent.click(await screen.findByRole('button', { name: /^Open Demande/ }));
    expect(await screen.findByText(/no longer has its SHA-256/)).toBeInTheDocument();
  });
});
