import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
// Vite copies the worker into the build and gives its same-origin URL: the CSP's
// default-src 'self' covers it as worker-src, so no blob: worker and no CSP change.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Pages drawn in a preview; a longer file is opened outside instead. */
export const MAX_PREVIEW_PAGES = 40;

export interface PdfPreview {
  pages: number;
  /** Draws the first pages into `container` as canvases `width` CSS pixels wide. */
  render(container: HTMLElement, width: number, pageLabel: (page: number) => string): Promise<void>;
  destroy(): void;
}

/**
 * Loads a PDF from its bytes with pdf.js, with nothing it would evaluate as code (the CSP
 * has no 'unsafe-eval') and no XFA forms or scripts: evidence is drawn, never run.
 */
export async function loadPdf(bytes: ArrayBuffer): Promise<PdfPreview> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    // No wasmUrl: WebAssembly would need 'wasm-unsafe-eval'; pdf.js decodes without it.
    useWasm: false,
  });
  const pdf = await task.promise;
  let destroyed = false;
  return {
    pages: pdf.numPages,
    async render(container, width, pageLabel) {
      const shown = Math.min(pdf.numPages, MAX_PREVIEW_PAGES);
      for (let n = 1; n <= shown && !destroyed; n++) {
        const page = await pdf.getPage(n);
        const scale = width / page.getViewport({ scale: 1 }).width;
        const viewport = page.getViewport({ scale: scale * (window.devicePixelRatio || 1) });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = `${Math.floor(width)}px`;
        canvas.style.display = 'block';
        canvas.style.marginBottom = '12px';
        canvas.style.boxShadow = '0 1px 4px rgba(0,0,0,0.25)';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', pageLabel(n));
        container.append(canvas);
        await page.render({ canvas, viewport }).promise;
      }
    },
    destroy() {
      destroyed = true;
      void task.destroy();
    },
  };
}
