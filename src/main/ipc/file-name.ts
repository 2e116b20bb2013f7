/**
 * File names chosen by the renderer (export files, suggested save names) are untrusted: this
 * turns one into a single safe path segment for any OS, or refuses it.
 */
export const MAX_FILE_NAME_BYTES = 200;
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

function truncateUtf8(text: string, maxBytes: number): string {
  let out = '';
  for (const char of text) {
    if (Buffer.byteLength(out + char) > maxBytes) break;
    out += char;
  }
  return out;
}

/** A safe single segment: no separators, control or reserved characters; keeps the extension. */
export function sanitizeFileName(raw: string, fallback = '导出文件'): string {
  let name = raw.normalize('NFC').replace(FORBIDDEN_CHARS, '_').replace(/^[\s._]+/, '').replace(/[\s.]+$/, '');
  const dot = name.lastIndexOf('.');
  let stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  if (WINDOWS_DEVICE.test(stem)) stem = `_${stem}`;
  if (stem.replace(/[_\s]/g, '') === '') stem = fallback;
  const safeExt = truncateUtf8(ext, 16);
  name = truncateUtf8(stem, MAX_FILE_NAME_BYTES - Buffer.byteLength(safeExt)) + safeExt;
  return name;
}

/** Extensions the export may write (never executables or shortcuts). */
export const EXPORT_EXTENSIONS: ReadonlySet<string> = new Set(['.xlsx', '.json', '.csv', '.txt', '.html', '.md', '.pdf', '.docx', '.zip']);

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}
