/**
 * How both shells label a stored document's bytes (the web server's route and Electron's
 * app:// protocol), and the name a copy of it is offered under, so the rules for untrusted
 * content are written once.
 */

/** Halves of surrogate pairs standing alone: not text, and encodeURIComponent throws on them. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Characters a name must not carry into a file system or a dialog: C0 and C1 controls, DEL,
 * the separators and reserved characters of Windows, and the invisible characters that make a
 * name read as something else: bidirectional overrides and isolates ("invoice\u202Efdp.exe"
 * shows as "invoiceexe.pdf"), the zero-width space and the byte-order mark.
 */
const UNSAFE_IN_NAME =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  /[\u0000-\u001f\u007f-\u009f\\/:*?"<>|\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Device names Windows reserves whatever the extension (COM¹ to COM³ count too). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * Longest name, in UTF-8 bytes: file systems count bytes (ext4, APFS: 255) or UTF-16 units
 * (NTFS: 255), and a character never takes fewer UTF-8 bytes than UTF-16 units. 180 leaves
 * room for a folder's " (2)" and the like.
 */
const MAX_NAME_BYTES = 180;

/** The longest start of `text` that fits in `bytes` UTF-8 bytes, cut between code points. */
function clipBytes(text: string, bytes: number): string {
  let used = 0;
  let out = '';
  for (const c of text) {
    used += Buffer.byteLength(c);
    if (used > bytes) break;
    out += c;
  }
  return out;
}

/**
 * A file name for a copy of a document that every file system accepts, that stays inside the
 * folder it is put in, and that shows what it is: whatever the original name held (separators,
 * "..", controls, bidirectional overrides, reserved device names, trailing dots, 10,000
 * characters), the result is one plain name. The original name stays in the register as data.
 */
export function safeFileName(originalName: string): string {
  let name = originalName.replace(LONE_SURROGATE, '\uFFFD').replace(UNSAFE_IN_NAME, '_').trim();
  name = name.replace(/[. ]+$/, '');
  if (name === '') name = 'document';
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) {
    const ext = /\.[^.]{1,20}$/.exec(name)?.[0] ?? '';
    name = clipBytes(name.slice(0, name.length - ext.length), MAX_NAME_BYTES - Buffer.byteLength(ext)) + ext;
    // The cut may end the stem in a dot or a space, which Windows drops.
    name = name.replace(/[. ]+$/, '') || 'document';
  }
  return name;
}

/** RFC 6266: a plain ASCII fallback and the exact name in UTF-8, neither able to break the header. */
export function contentDisposition(name: string): string {
  const wellFormed = name.replace(LONE_SURROGATE, '\uFFFD');
  const fallback = wellFormed.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(wellFormed).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Headers for untrusted content served from our own origin: never rendered in place
 * (attachment, under a safe name), never sniffed into something else, and sandboxed with no
 * script or subresource should a browser open it anyway. The page fetches the bytes and
 * shows them itself.
 */
export function documentHeaders(document: {
  mediaType: string;
  originalName: string;
  size: number;
}): Record<string, string> {
  return {
    'content-type': document.mediaType,
    'content-length': String(document.size),
    'content-disposition': contentDisposition(safeFileName(document.originalName)),
    'content-security-policy': "sandbox; default-src 'none'",
    'x-content-type-options': 'nosniff',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  };
}
