/**
 * The media type of a stored document: from its first bytes where the format has a magic
 * number (so a PDF renamed .txt is still a PDF), from the name's extension otherwise.
 * Only a label for previews and downloads; never a reason to trust the content.
 */

const BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
  svg: 'image/svg+xml',
  txt: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  htm: 'text/html',
  xml: 'application/xml',
  json: 'application/json',
  rtf: 'application/rtf',
  eml: 'message/rfc822',
  msg: 'application/vnd.ms-outlook',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  zip: 'application/zip',
  '7z': 'application/x-7z-compressed',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
};

const OCTET_STREAM = 'application/octet-stream';

function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(name);
  return match?.[1]?.toLowerCase() ?? '';
}

const startsWith = (head: Buffer, bytes: readonly number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Formats whose first bytes say what they are; containers defer to the extension for the flavour. */
function sniff(head: Buffer, ext: string): string | null {
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (startsWith(head, ascii('BM')) && ext === 'bmp') return 'image/bmp';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    // ZIP: Office Open XML and OpenDocument files are ZIPs too.
    return ['docx', 'xlsx', 'pptx', 'odt', 'ods'].includes(ext) ? (BY_EXTENSION[ext] ?? null) : 'application/zip';
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // OLE compound file: old Word, Excel, PowerPoint and Outlook messages.
    return ['doc', 'xls', 'ppt', 'msg'].includes(ext) ? (BY_EXTENSION[ext] ?? null) : OCTET_STREAM;
  }
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'application/x-7z-compressed';
  return null;
}

/** Extensions of formats with a magic number: without it, the name is not believed. */
const NEEDS_MAGIC = new Set([
  'pdf',
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'tif',
  'tiff',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
]);

export function mediaTypeOf(name: string, head: Buffer): string {
  const ext = extensionOf(name);
  const sniffed = sniff(head, ext);
  if (sniffed !== null) return sniffed;
  return NEEDS_MAGIC.has(ext) ? OCTET_STREAM : (BY_EXTENSION[ext] ?? OCTET_STREAM);
}
