/**
 * Worksheet names: at most 31 characters, none of []:*?/\, not starting or ending with an
 * apostrophe, not "History", unique ignoring case (Excel's rules; LibreOffice repairs otherwise).
 */
const MAX = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

export function cleanSheetName(raw: string): string {
  const name = raw
    .replace(FORBIDDEN, '_')
    .replace(/\s+/g, ' ')
    .split('')
    .filter((c) => c.charCodeAt(0) >= 0x20)
    .join('')
    .trim()
    .replace(/^'+|'+$/g, '');
  return clip(name, MAX).replace(/'+$/, '').trim();
}

/** Hands out unique names in order of request. */
export class SheetNames {
  private readonly taken = new Set<string>();

  constructor(reserved: readonly string[] = []) {
    for (const r of reserved) this.taken.add(r.toLowerCase());
  }

  claim(raw: string, fallback: string): string {
    let base = cleanSheetName(raw);
    if (!base || base.toLowerCase() === 'history') base = cleanSheetName(fallback);
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) {
      const suffix = `(${n})`;
      name = `${clip(base, MAX - suffix.length)}${suffix}`;
    }
    this.taken.add(name.toLowerCase());
    return name;
  }
}

/** An internal link target as Excel writes it: #'Sheet name'!C12 */
export function internalLink(sheet: string, address: string): string {
  return `#'${sheet.replace(/'/g, "''")}'!${address}`;
}
