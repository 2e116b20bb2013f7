/**
 * Amounts inside the checks are integers in 分 (hundredths of a yuan), whatever unit a table or a
 * sentence prints, so a 元 table and a 万元 table compare exactly. Tolerances are multiples of the
 * printed resolution (0.01 of the printed unit, or 1 unit when a table prints whole numbers).
 */
import { formatAmount } from '../money';

export type MoneyUnit = '元' | '万元' | '亿元' | '千元';

/** 分 per printed unit. */
export const FEN_PER_UNIT: Record<MoneyUnit, number> = { 元: 100, 千元: 100_000, 万元: 1_000_000, 亿元: 10_000_000_000 };

/** The unit a table or caption declares ("单位：万元", "金额单位：元"); null when none is named. */
export function parseUnit(text: string | null | undefined): MoneyUnit | null {
  if (!text) return null;
  const t = text.replace(/\s+/g, '');
  if (/亿元/.test(t)) return '亿元';
  if (/万元/.test(t)) return '万元';
  if (/千元/.test(t)) return '千元';
  if (/(^|[：:（(])元/.test(t) || t === '元') return '元';
  return null;
}

/** Hundredths of `unit` (a Cell.value) → 分. */
export function hundredthsToFen(hundredths: number, unit: MoneyUnit): number {
  return Math.round((hundredths * FEN_PER_UNIT[unit]) / 100);
}

/** Formats 分 in `unit`: two decimals, more only when the value needs them (元 → 万元). */
export function formatFen(fen: number, unit: MoneyUnit): string {
  const perUnit = FEN_PER_UNIT[unit];
  if ((fen * 100) % perUnit === 0) return formatAmount((fen * 100) / perUnit);
  const negative = fen < 0;
  const abs = Math.abs(fen);
  let digits = Math.max(2, Math.round(Math.log10(perUnit)));
  let text = (abs / perUnit).toFixed(digits);
  while (digits > 2 && text.endsWith('0')) {
    digits--;
    text = text.slice(0, -1);
  }
  const [whole, fraction] = text.split('.');
  const grouped = Number(whole).toLocaleString('en-US');
  return `${negative ? '-' : ''}${grouped}.${fraction}`;
}

export type Comparison =
  /** identical at the printed resolution */
  | 'equal'
  /** within the declared rounding (尾差) */
  | 'rounding'
  | 'different';

/**
 * Compares a printed total with the sum of its printed parts. `resolution` is the printed
 * resolution in 分; the tolerance is `perTerm` resolutions per non-zero summed term. `slack` (分)
 * is how far the true figures may lie from the printed ones because some were printed coarser
 * than the table (half a unit each): a difference within it is consistent, not a slip.
 */
export function compareSum(total: number, parts: readonly number[], resolution: number, perTerm: number, slack = 0): Comparison {
  const sum = parts.reduce((a, b) => a + b, 0);
  const diff = Math.abs(total - sum);
  if (diff * 2 < resolution || diff <= slack) return 'equal';
  const terms = Math.max(1, parts.filter((p) => p !== 0).length);
  return diff <= perTerm * terms * resolution + slack ? 'rounding' : 'different';
}

/**
 * Compares two printings of the same figure, each at its own resolution: equal when the finer
 * one rounds to the coarser one; 尾差 within `perTerm` coarse resolutions.
 */
export function compareFigures(a: number, b: number, resolutionA: number, resolutionB: number, perTerm: number): Comparison {
  const coarse = Math.max(resolutionA, resolutionB);
  const diff = Math.abs(a - b);
  if (diff * 2 < coarse || (resolutionA === resolutionB && diff === 0)) return 'equal';
  if (diff * 2 === coarse && resolutionA !== resolutionB) return 'equal';
  return diff <= perTerm * coarse ? 'rounding' : 'different';
}
