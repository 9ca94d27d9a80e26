/**
 * How both shells label a stored document's bytes (the web server's route and Electron's
 * app:// protocol), so the rules for untrusted content are written once.
 */

/** RFC 6266: a plain ASCII fallback and the exact name in UTF-8, neither able to break the header. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Headers for untrusted content served from our own origin: never rendered in place
 * (attachment), never sniffed into something else, and sandboxed with no script or
 * subresource should a browser open it anyway. The page fetches the bytes and shows them itself.
 */
export function documentHeaders(document: {
  mediaType: string;
  originalName: string;
  size: number;
}): Record<string, string> {
  return {
    'content-type': document.mediaType,
    'content-length': String(document.size),
    'content-disposition': contentDisposition(document.originalName),
    'content-security-policy': "sandbox; default-src 'none'",
    'x-content-type-options': 'nosniff',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  };
}
