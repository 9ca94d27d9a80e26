import type { FileFilter } from '../../../contract/bridge.ts';
import type { FileSource, FileTarget, WrittenFile } from '../../../contract/files.ts';
import { ApiCallError, webHeaders } from './client.ts';
import i18n from '../i18n/index.ts';

/** A file the person picked or dropped, ready to name in a call. */
export interface PickedFile {
  name: string;
  size: number | null;
  source: FileSource;
}

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

async function upload(file: File): Promise<FileSource> {
  const res = await fetch('upload', {
    method: 'POST',
    headers: { ...webHeaders(), 'content-type': 'application/octet-stream' },
    body: file,
  });
  const envelope = (await res.json()) as { ok: boolean; value?: { id: string }; error?: ApiCallError['error'] };
  if (!envelope.ok || !envelope.value) {
    throw new ApiCallError(envelope.error ?? { code: 'internal', message: i18n.t('errors.uploadFailed') });
  }
  return { kind: 'upload', id: envelope.value.id };
}

/** A dropped or chosen browser File, as a source: its path on the desktop, an upload in the browser. */
export async function sourceOf(file: File): Promise<PickedFile> {
  const bridge = window.mlaDesk;
  const source: FileSource = bridge ? { kind: 'path', path: bridge.files.pathFor(file) } : await upload(file);
  return { name: file.name, size: file.size, source };
}

function browserPick(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.addEventListener('change', () => resolve([...(input.files ?? [])]));
    input.addEventListener('cancel', () => resolve([]));
    input.click();
  });
}

/** Lets the person choose files: the native dialog on the desktop, the browser's otherwise. */
export async function chooseFiles(options: {
  title: string;
  multiple: boolean;
  filters?: FileFilter[];
}): Promise<PickedFile[]> {
  const bridge = window.mlaDesk;
  if (bridge) {
    const paths = await bridge.files.choose(options);
    return paths.map((path) => ({ name: baseName(path), size: null, source: { kind: 'path', path } }));
  }
  const accept = (options.filters ?? []).flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
  return Promise.all((await browserPick(accept, options.multiple)).map(sourceOf));
}

/** Where a file the app writes should go: a native save dialog, or a download in the browser. Null: cancelled. */
export async function chooseTarget(options: {
  title: string;
  defaultName: string;
  filters?: FileFilter[];
}): Promise<FileTarget | null> {
  const bridge = window.mlaDesk;
  if (!bridge) return { kind: 'download' };
  const path = await bridge.files.saveAs(options);
  return path ? { kind: 'path', path } : null;
}

/** Hands a written file to the person: in the browser, fetches the download and saves it. */
export async function deliver(written: WrittenFile): Promise<void> {
  if (written.downloadId === null) return;
  const res = await fetch(`download/${written.downloadId}`, { headers: webHeaders() });
  if (!res.ok) throw new ApiCallError({ code: 'not_found', message: i18n.t('errors.downloadFailed') });
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = written.name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
