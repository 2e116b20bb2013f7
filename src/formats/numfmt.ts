/**
 * Spreadsheet number formats (Excel/WPS `numFmt` codes) rendered as the cell prints, so an
 * XLSX cell holding 2006.9 with `#,##0.00` reads "2,006.90" like the published table. Rounding
 * is done on decimal digits, never with float arithmetic: the stored double is first read at
 * 15 significant digits (what Excel itself displays), then rounded half away from zero.
 *
 * Supported: sections (positive;negative;zero;text), [Color]/[$-locale]/[$¥-804] tags,
 * "quoted" and \escaped literals, _x padding, *x fill, 0 # ? placeholders, thousands
 * separators and scaling commas, %, General, simple dates (y m d h s). Not supported:
 * scientific notation and fractions (rendered as General), literals between digit placeholders.
 */

/** A non-negative decimal: digits with the decimal point after `point` digits (may be <0 or >length). */
interface Decimal {
  digits: string;
  point: number;
}

function toDecimal(abs: number): Decimal {
  if (abs === 0) return { digits: '', point: 0 };
  const [mantissa = '0', exp = '0'] = abs.toPrecision(15).split('e');
  const [whole = '0', frac = ''] = mantissa.split('.');
  let digits = whole + frac;
  let point = whole.length + Number(exp);
  const lead = /^0*/.exec(digits)![0].length;
  digits = digits.slice(lead);
  point -= lead;
  return { digits: digits.replace(/0+$/, ''), point };
}

/** Rounds to `decimals` places: returns the integer digits and exactly `decimals` fraction digits. */
function roundDecimal(d: Decimal, decimals: number): { int: string; frac: string } {
  const keep = d.point + decimals; // digits kept before rounding
  let kept = keep <= 0 ? '' : d.digits.slice(0, keep).padEnd(keep, '0');
  const next = keep < 0 ? 0 : Number(d.digits[keep] ?? '0');
  let point = d.point;
  if (next >= 5 && keep >= 0) {
    // add one unit in the last kept place, carrying leftwards
    const arr = kept.split('').map(Number);
    let i = arr.length - 1;
    while (i >= 0 && arr[i] === 9) arr[i--] = 0;
    if (i >= 0) arr[i]! += 1;
    else {
      arr.unshift(1);
      point += 1;
    }
    kept = arr.join('');
  } else if (keep < 0) {
    kept = '';
  }
  // kept now holds (point + decimals) digits, or fewer when the value rounded to zero
  const intLen = Math.max(0, point);
  const all = kept.padStart(intLen + decimals, '0');
  const int = all.slice(0, all.length - decimals).replace(/^0+/, '');
  const frac = decimals ? all.slice(all.length - decimals) : '';
  return { int, frac };
}

function groupThousands(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Excel's General: integers as is, other numbers at 15 significant digits without trailing zeros. */
export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(15)));
}

type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'digit'; ch: '0' | '#' | '?' }
  | { kind: 'point' }
  | { kind: 'comma' }
  | { kind: 'percent' }
  | { kind: 'date'; text: string }
  | { kind: 'general' }
  | { kind: 'unsupported' };

interface Section {
  tokens: Token[];
  condition?: (v: number) => boolean;
}

/** Splits a format code at unquoted, unescaped semicolons. */
function splitSections(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end;
      cur += code.slice(i, stop + 1);
      i = stop;
    } else if (ch === '\\') {
      cur += code.slice(i, i + 2);
      i++;
    } else if (ch === ';') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const CONDITION = /^(<=|>=|<>|<|>|=)(-?\d+(?:\.\d+)?)$/;

function parseCondition(text: string): ((v: number) => boolean) | undefined {
  const m = CONDITION.exec(text);
  if (!m) return undefined;
  const limit = Number(m[2]);
  switch (m[1]) {
    case '<':
      return (v) => v < limit;
    case '<=':
      return (v) => v <= limit;
    case '>':
      return (v) => v > limit;
    case '>=':
      return (v) => v >= limit;
    case '=':
      return (v) => v === limit;
    default:
      return (v) => v !== limit;
  }
}

const DATE_LETTERS = /[yYmMdDhHsS]/;

function tokenize(section: string): Section {
  const tokens: Token[] = [];
  let condition: Section['condition'];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    const rest = section.slice(i);
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      tokens.push({ kind: 'literal', text: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '\\') {
      tokens.push({ kind: 'literal', text: section[i + 1] ?? '' });
      i++;
    } else if (ch === '_') {
      tokens.push({ kind: 'literal', text: ' ' });
      i++;
    } else if (ch === '*') {
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const stop = end < 0 ? section.length : end;
      const inner = section.slice(i + 1, stop);
      if (inner.startsWith('$')) {
        const symbol = inner.slice(1).split('-')[0] ?? '';
        if (symbol) tokens.push({ kind: 'literal', text: symbol });
      } else if (/^[hms]+$/i.test(inner)) {
        tokens.push({ kind: 'date', text: inner });
      } else {
        condition = parseCondition(inner) ?? condition;
      }
      i = stop;
    } else if (/^general/i.test(rest)) {
      tokens.push({ kind: 'general' });
      i += 'general'.length - 1;
    } else if (/^(AM\/PM|A\/P|上午\/下午)/i.test(rest)) {
      const m = /^(AM\/PM|A\/P|上午\/下午)/i.exec(rest)!;
      tokens.push({ kind: 'date', text: m[0] });
      i += m[0].length - 1;
    } else if (ch === '0' || ch === '#' || ch === '?') {
      tokens.push({ kind: 'digit', ch });
    } else if (ch === '.') {
      tokens.push({ kind: 'point' });
    } else if (ch === ',') {
      tokens.push({ kind: 'comma' });
    } else if (ch === '%') {
      tokens.push({ kind: 'percent' });
    } else if ((ch === 'E' || ch === 'e') && /^[Ee][+-]/.test(rest)) {
      tokens.push({ kind: 'unsupported' });
      i++;
    } else if (ch === '/' && tokens.some((t) => t.kind === 'digit')) {
      tokens.push({ kind: 'unsupported' });
    } else if (DATE_LETTERS.test(ch)) {
      let j = i;
      while (j < section.length && section[j]!.toLowerCase() === ch.toLowerCase()) j++;
      tokens.push({ kind: 'date', text: section.slice(i, j) });
      i = j - 1;
    } else if (ch === '@') {
      // text placeholder: meaningless for numbers
    } else {
      tokens.push({ kind: 'literal', text: ch });
    }
  }
  return { tokens, condition };
}

/** Formats a non-negative (or, for conditional sections, signed) number with a numeric section. */
function formatNumeric(value: number, tokens: Token[]): string {
  const firstDigit = tokens.findIndex((t) => t.kind === 'digit');
  if (firstDigit < 0) {
    // a section made of literals only, e.g. the accounting zero section "-"
    return tokens.map((t) => (t.kind === 'literal' ? t.text : t.kind === 'percent' ? '%' : '')).join('');
  }
  let lastDigit = tokens.length - 1;
  while (tokens[lastDigit]!.kind !== 'digit') lastDigit--;
  let prefix = '';
  let suffix = '';
  const intPattern: string[] = [];
  const fracPattern: string[] = [];
  let seenPoint = false;
  let thousands = false;
  let scale = 0;
  let percent = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const inside = i >= firstDigit && i <= lastDigit;
    switch (t.kind) {
      case 'literal':
        if (i < firstDigit) prefix += t.text;
        else if (i > lastDigit) suffix += t.text;
        break;
      case 'digit':
        (seenPoint ? fracPattern : intPattern).push(t.ch);
        break;
      case 'point':
        if (i <= lastDigit || !seenPoint) seenPoint = true;
        break;
      case 'comma':
        if (inside && !seenPoint) thousands = true;
        else if (i > lastDigit || (seenPoint && inside)) scale++;
        break;
      case 'percent':
        percent++;
        if (i < firstDigit) prefix += '%';
        else suffix += '%';
        break;
      case 'date':
      case 'general':
      case 'unsupported':
        break;
      default: {
        const never: never = t;
        throw new Error(`unknown token ${String(never)}`);
      }
    }
  }
  const negative = value < 0;
  const d = toDecimal(Math.abs(value));
  if (d.digits) d.point += 2 * percent - 3 * scale;
  const { int, frac } = roundDecimal(d, fracPattern.length);

  const minZeros = intPattern.length - intPattern.indexOf('0');
  const zeroCount = intPattern.includes('0') ? minZeros : 0;
  let intText = int.padStart(zeroCount, '0');
  if (thousands) intText = groupThousands(intText);
  const questionPad = intPattern.length - Math.max(intText.replace(/,/g, '').length, zeroCount);
  if (intPattern.includes('?') && questionPad > 0) intText = ' '.repeat(questionPad) + intText;

  let fracText = '';
  for (let i = 0; i < fracPattern.length; i++) fracText += frac[i] ?? '0';
  for (let i = fracPattern.length - 1; i >= 0; i--) {
    if (fracText[i] !== '0' || fracPattern[i] === '0') break;
    fracText = fracText.slice(0, i) + (fracPattern[i] === '?' ? ' ' : '') + fracText.slice(i + 1);
  }
  const isZero = !/[1-9]/.test(int + frac);
  const sign = negative && !isZero ? '-' : '';
  return `${prefix}${sign}${intText}${seenPoint ? `.${fracText}` : ''}${suffix}`;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Renders a date (UTC fields, as exceljs builds them) with y/m/d/h/s tokens. */
export function formatDateWith(date: Date, format: string | undefined): string {
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  if (!format || /^general$/i.test(format)) {
    return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
  }
  const { tokens } = tokenize(splitSections(format)[0] ?? '');
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'literal') out += t.text;
    else if (t.kind === 'digit') out += t.ch === '0' ? '0' : '';
    else if (t.kind === 'point') out += '.';
    else if (t.kind === 'date') {
      const k = t.text.toLowerCase();
      const prevDate = tokens.slice(0, i).reverse().find((x) => x.kind === 'date');
      const nextDate = tokens.slice(i + 1).find((x) => x.kind === 'date');
      const isMinute =
        k[0] === 'm' &&
        ((prevDate?.kind === 'date' && /^h/i.test(prevDate.text)) || (nextDate?.kind === 'date' && /^s/i.test(nextDate.text)));
      if (k[0] === 'y') out += k.length <= 2 ? pad(date.getUTCFullYear() % 100, 2) : String(date.getUTCFullYear());
      else if (isMinute) out += pad(date.getUTCMinutes(), k.length >= 2 ? 2 : 1);
      else if (k[0] === 'm') out += k.length >= 2 ? pad(date.getUTCMonth() + 1, 2) : String(date.getUTCMonth() + 1);
      else if (k[0] === 'd') out += k.length >= 2 ? pad(date.getUTCDate(), 2) : String(date.getUTCDate());
      else if (k[0] === 'h') out += k.length >= 2 ? pad(date.getUTCHours(), 2) : String(date.getUTCHours());
      else if (k[0] === 's') out += k.length >= 2 ? pad(date.getUTCSeconds(), 2) : String(date.getUTCSeconds());
    }
  }
  return out;
}

function isDateSection(tokens: Token[]): boolean {
  return tokens.some((t) => t.kind === 'date');
}

/** A workbook uses a handful of formats for thousands of cells: parse each once. */
const PARSED = new Map<string, Section[]>();

function parsedFormat(format: string): Section[] {
  let sections = PARSED.get(format);
  if (!sections) {
    sections = splitSections(format).map(tokenize);
    if (PARSED.size > 500) PARSED.clear();
    PARSED.set(format, sections);
  }
  return sections;
}

/** The text a spreadsheet shows for a number under `format` (undefined = General). */
export function formatNumber(value: number, format: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  if (!format || /^general$/i.test(format.trim())) return formatGeneral(value);
  const sections = parsedFormat(format);
  if (sections.some((s) => isDateSection(s.tokens))) {
    return formatDateWith(new Date(EXCEL_EPOCH_MS + Math.round(value * 86_400_000)), format);
  }
  let chosen: Section | undefined;
  let signed = false;
  if (sections.some((s) => s.condition)) {
    chosen = sections.find((s) => s.condition?.(value)) ?? sections.find((s, i) => !s.condition && i < 3);
    signed = true;
  } else if (value < 0 && sections.length >= 2) chosen = sections[1];
  else if (value === 0 && sections.length >= 3) chosen = sections[2];
  else {
    chosen = sections[0];
    signed = true;
  }
  if (!chosen || chosen.tokens.some((t) => t.kind === 'general' || t.kind === 'unsupported')) {
    const text = formatGeneral(signed ? value : Math.abs(value));
    const literals = chosen?.tokens.filter((t) => t.kind === 'literal').map((t) => (t.kind === 'literal' ? t.text : ''));
    return chosen?.tokens.some((t) => t.kind === 'general') ? text + (literals?.join('') ?? '') : text;
  }
  return formatNumeric(signed ? value : Math.abs(value), chosen.tokens);
}
