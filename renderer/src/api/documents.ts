import type { DocumentRecord } from '../../../contract/documents.ts';
import type { ApiError } from '../../../contract/errors.ts';
import { type ApiClient, ApiCallError, webHeaders } from './client.ts';
import { deliver } from './files.ts';
import i18n from '../i18n/index.ts';

/**
 * A stored document's bytes, for previews: app://mla-desk/documents/<id>/content on the desktop
 * (served by the main process), the token-guarded route of the web server in the browser.
 * The URL is relative, so one path serves both.
 */
export async function fetchDocument(id: number): Promise<Blob> {
  const init: RequestInit = window.mlaDesk ? {} : { headers: webHeaders() };
  let res: Response;
  try {
    res = await fetch(`documents/${id}/content`, init);
  } catch {
    throw new ApiCallError({ code: 'internal', message: i18n.t('errors.documentNotFetched') });
  }
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    let error: ApiError = { code: res.status === 404 ? 'not_found' : 'internal', message: text || res.statusText };
    try {
      const envelope = JSON.parse(text) as { error?: ApiError };
      if (envelope.error) error = envelope.error;
    } catch {
      // The desktop's protocol answers in plain text.
    }
    throw new ApiCallError(error);
  }
  return res.blob();
}

/**
 * Opens a document outside MLA Desk: on the desktop, a read-only copy in the system's
 * application; in the browser, a verified copy downloaded (the browser decides what opens it).
 */
export async function openDocument(api: ApiClient, document: DocumentRecord): Promise<void> {
  const bridge = window.mlaDesk;
  if (bridge) {
    const reply = await bridge.files.openDocument(document.id);
    if (!reply.ok) throw new ApiCallError(reply.error);
    return;
  }
  await deliver(await api.call('documents.saveCopy', { id: document.id, target: { kind: 'download' } }));
}

/** Image types every Chromium draws in <img>; SVG is left out (it is a document, not a picture). */
const PREVIEW_IMAGES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp'];

export type PreviewKind = 'pdf' | 'image' | null;

export function previewKind(mediaType: string): PreviewKind {
  if (mediaType === 'application/pdf') return 'pdf';
  return PREVIEW_IMAGES.includes(mediaType) ? 'image' : null;
}

/** A name for a save dialog's default: no folder separators, whatever the original name held. */
export function defaultCopyName(originalName: string): string {
  return originalName.replace(/[\\/]/g, '_');
}
