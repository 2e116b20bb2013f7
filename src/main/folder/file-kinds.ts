/**
 * Which files in the watched folder are disclosures, and which are noise the watcher must skip
 * (office lock files, partial downloads, editor temp files).
 */
import type { SourceFormat } from '../../shared/ipc-contract';

const FORMATS: Record<string, SourceFormat> = { '.pdf': 'pdf', '.docx': 'docx', '.xlsx': 'xlsx', '.xls': 'xls' };

/** Name patterns of files that are being written or belong to another program. */
const TEMP_NAME_PATTERNS: readonly RegExp[] = [
  /^~\$/, // Word/Excel owner file: ~$报告.docx
  /^\.~lock\./, // LibreOffice lock: .~lock.报告.docx#
  /^\._/, // macOS resource fork on FAT/exFAT USB drives
  /^~.*\.tmp$/i, // Office save temp: ~WRL0001.tmp
  /\.(crdownload|part|partial|download|tmp|temp|swp)$/i, // browser/Firefox/Safari partial downloads
];

/** The base name (last '/'- or '\\'-separated segment). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? '';
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

export function isTemporaryName(name: string): boolean {
  return TEMP_NAME_PATTERNS.some((pattern) => pattern.test(name));
}

/** The disclosure format of a file name, or null when the watcher should ignore the file. */
export function sourceFormatOf(path: string): SourceFormat | null {
  const name = baseName(path);
  if (name === '' || isTemporaryName(name)) return null;
  return FORMATS[extensionOf(name)] ?? null;
}
