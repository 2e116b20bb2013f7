/**
 * Amounts are exact decimals held as integer hundredths of the printed unit ("cents" of 万元
 * when the table is in 万元). Never compare amounts as floats.
 */

const AMOUNT = /^([-−]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;
const DASHES = /^[-—–−]{1,2}$/;

/**
 * Parses printed amount text to hundredths: "2,006.90" → 200690, "0.00" → 0, "-" / "--" → 0,
 * "(1.50)" → -150. Returns null for empty or non-amount text ("≥90%", "100百分比", codes are
 * handled by the caller's context, not here).
 */
export function parseAmount(printed: string): number | null {
  // full-width digits and separators read as their ASCII forms (the printed text is kept as is)
  const text = printed
    .replace(/\s+/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[，]/g, ',')
    .replace(/[．]/g, '.')
    .replace(/[－]/g, '-');
  if (!text) return null;
  if (DASHES.test(text)) return 0;
  let negative = false;
  let body = text;
  const parenthesised = /^\((.*)\)$/.exec(body) ?? /^（(.*)）$/.exec(body);
  if (parenthesised) {
    negative = true;
    body = parenthesised[1]!;
  }
  const m = AMOUNT.exec(body);
  if (!m) return null;
  if (m[1]) negative = !negative;
  const whole = Number(m[2]!.replace(/,/g, ''));
  const fraction = Number((m[3] ?? '').padEnd(2, '0'));
  const hundredths = whole * 100 + fraction;
  if (!Number.isSafeInteger(hundredths)) return null;
  return negative && hundredths !== 0 ? -hundredths : hundredths;
}

/** Formats hundredths as printed in disclosures: 200690 → "2,006.90". */
export function formatAmount(hundredths: number): string {
  const negative = hundredths < 0;
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  const fraction = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}
