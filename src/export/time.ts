/**
 * Times in the workbook are Beijing time (UTC+8, no daylight saving), whatever the machine's zone:
 * the readers are Chinese finance bureaus and the same review must export identically anywhere.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** epoch ms → "2025-03-01 14:05" */
export function formatTime(ms: number): string {
  const d = new Date(ms + OFFSET_MS);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}
