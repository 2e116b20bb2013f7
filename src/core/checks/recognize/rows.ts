/**
 * Blocks and rows. A block is one key area (code/label columns) with the amount columns that
 * follow it: most tables have one; 收支总表 has an income block and an expense block side by side;
 * 公开06 prints three (code, name, amount) blocks. Each body row of a block gets a code (function
 * or economic, printed whole or split over 类/款/项), a label and a kind.
 */
import type { Cell, Table } from '../../model';
import type { MoneyUnit } from '../amount';
import { hundredthsToFen } from '../amount';
import { coreLabel, isBreakdownLabel, outlineDepth, squash, totalKind } from '../text';
import type { TotalKind } from '../text';
import type { ColumnInfo } from './columns';
import { isAmountText } from './columns';
import { isColumnNumbersRow } from './header';

export type CodeSystem = 'function' | 'econ' | 'gov-econ';

export type RowKind =
  /** 栏次 / column-number rows and repeated header lines */
  | 'numbers'
  | 'total'
  /** 单位/部门 rows (516, 516001) in multi-unit tables */
  | 'unit'
  | 'code'
  /** 其中：… */
  | 'breakdown'
  | 'item'
  | 'blank';

export interface RowInfo {
  /** index in table.rows */
  row: number;
  kind: RowKind;
  code: string | null;
  system: CodeSystem | null;
  /** 1 类, 2 款, 3 项 (by code length) */
  level: number;
  /** a second code on the row (政府预算经济分类 beside 部门预算经济分类) */
  altCode: string | null;
  /** printed label as is */
  label: string;
  /** coreLabel(label) */
  core: string;
  total: TotalKind | null;
  /** outline depth of the label (一、 = 1, （一） = 2 …), 0 unmarked */
  outline: number;
  /** the outline depth was read from the label's indentation (no codes, no 一、 marks): a guess */
  outlineFromIndent?: true;
  /** PDF: points from the label cell's left edge to its text */
  indent?: number;
  unitCode: string | null;
  /** amounts in 分 by grid column; null = empty cell */
  values: Map<number, number | null>;
  /** a code whose 款/项 was printed with one digit (301 2) */
  irregularCode: boolean;
  /** the grid column the label was read from (finding cells) */
  labelCol: number;
}

export interface Block {
  index: number;
  side: 'income' | 'expense' | null;
  /** the header label above the block's key columns (收入 / 支出 / 本年收入 …) */
  sideLabel: string;
  codeCol: number | null;
  altCodeCol: number | null;
  codeParts: number[];
  /** 政府预算经济分类 printed as 类/款 beside the 部门预算 code */
  altCodeParts: number[];
  unitCodeCol: number | null;
  labelCol: number | null;
  altLabelCol: number | null;
  textCols: number[];
  amountCols: number[];
  rows: RowInfo[];
}

const ORG_NAME = /(局|委员会|委|办公室|办事处|中心|院|站|所|处|队|馆|会|室|部|厅|社|团|校|园|署|本级|本部|机关)$/;

export function classifyCode(code: string): CodeSystem | null {
  if (!/^\d{3}(\d{2}){0,2}$/.test(code)) return null;
  const head = Number(code.slice(0, 3));
  if (head >= 201 && head <= 299) return 'function';
  if (head >= 301 && head <= 399) return 'econ';
  if (head >= 501 && head <= 599) return 'gov-econ';
  return null;
}

function cellText(cell: Cell | null | undefined): string {
  return cell ? cell.text.replace(/\s+/g, ' ').trim() : '';
}

/** Splits the columns into blocks. */
export function buildBlocks(columns: readonly ColumnInfo[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let hasAmounts = false;
  const start = (): Block => {
    const b: Block = {
      index: blocks.length,
      side: null,
      sideLabel: '',
      codeCol: null,
      altCodeCol: null,
      codeParts: [],
      altCodeParts: [],
      unitCodeCol: null,
      labelCol: null,
      altLabelCol: null,
      textCols: [],
      amountCols: [],
      rows: [],
    };
    blocks.push(b);
    hasAmounts = false;
    return b;
  };
  for (const col of columns) {
    const isKey = col.role === 'code' || col.role === 'code-part' || col.role === 'label';
    if (!current || (isKey && hasAmounts)) current = start();
    switch (col.role) {
      case 'code':
        if (current.codeCol === null && current.codeParts.length === 0) current.codeCol = col.col;
        else if (current.altCodeCol === null) current.altCodeCol = col.col;
        break;
      case 'code-part':
        if (current.codeCol === null && current.labelCol === null && current.codeParts.length < 3) current.codeParts.push(col.col);
        else if (current.altCodeCol === null && current.altCodeParts.length < 3) current.altCodeParts.push(col.col);
        else current.textCols.push(col.col);
        break;
      case 'unit-code':
        current.unitCodeCol ??= col.col;
        break;
      case 'label':
        if (current.labelCol === null) current.labelCol = col.col;
        else if (current.altLabelCol === null) {
          // The line's own name (项目名称, 科目名称) beats the unit it belongs to (单位名称).
          const first = columns[current.labelCol]!.path.at(-1) ?? '';
          const leaf = col.path.at(-1) ?? '';
          if (/^(单位|部门)名称$/.test(first) && /项目|科目/.test(leaf)) {
            current.altLabelCol = current.labelCol;
            current.labelCol = col.col;
          } else current.altLabelCol = col.col;
        } else current.textCols.push(col.col);
        break;
      case 'text':
      case 'serial':
        current.textCols.push(col.col);
        break;
      case 'amount':
        current.amountCols.push(col.col);
        hasAmounts = true;
        break;
    }
  }
  // A second block whose key columns repeat the first block's secondary code (政府经济分类)
  // stays one block only when it has no amounts of its own; blocks without amounts are dropped.
  return blocks.filter((b) => b.amountCols.length > 0).map((b, i) => ({ ...b, index: i }));
}

function joinCodeParts(parts: string[], last: { cls: string; kuan: string }): { code: string | null; irregular: boolean } {
  const [clsRaw = '', kuanRaw = '', xiangRaw = ''] = parts.map((p) => p.replace(/\s+/g, ''));
  if (!clsRaw && !kuanRaw && !xiangRaw) return { code: null, irregular: false };
  if ([clsRaw, kuanRaw, xiangRaw].some((p) => p !== '' && !/^\d+$/.test(p))) return { code: null, irregular: false };
  let irregular = false;
  const cls = clsRaw || last.cls;
  if (!/^\d{3}$/.test(cls)) return { code: null, irregular: false };
  let code = cls;
  if (kuanRaw || xiangRaw) {
    const kuan = kuanRaw || last.kuan;
    if (!/^\d{1,2}$/.test(kuan)) return { code: null, irregular: false };
    if (kuan.length === 1) irregular = true;
    code += kuan.padStart(2, '0');
    if (xiangRaw) {
      if (!/^\d{1,2}$/.test(xiangRaw)) return { code: null, irregular: false };
      if (xiangRaw.length === 1) irregular = true;
      code += xiangRaw.padStart(2, '0');
    }
  }
  return { code, irregular };
}

const UNIT_CODE = /^\d{3,9}$/;

/** Reads every body row of every block. */
export function readRows(table: Table, blocks: Block[], unit: MoneyUnit): void {
  for (const block of blocks) {
    const last = { cls: '', kuan: '' };
    table.rows.forEach((row, r) => {
      block.rows.push(readRow(row, r, block, unit, last));
    });
  }
  for (const block of blocks) indentOutline(block);
  for (const block of blocks) {
    moveSpanningLabels(table, blocks, block);
    // A unit code printed in the code column (516 beside 301…) reads as a code of another system.
    const counts = new Map<CodeSystem, number>();
    for (const r of block.rows) if (r.system) counts.set(r.system, (counts.get(r.system) ?? 0) + 1);
    const major = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    for (const r of block.rows) {
      if (r.kind === 'code' && major && r.system !== major && looksLikeOrgName(r.label)) {
        r.kind = 'unit';
        r.unitCode = r.code;
        r.code = null;
        r.system = null;
        r.level = 0;
      }
    }
  }
}

/** Indents closer than this (points) are one level: producers jitter by a fraction of a point. */
const INDENT_STEP = 3;

/**
 * Names printed without codes and without 一、/（一） marks, whose level shows only by indentation
 * (一般公共服务支出 / ␣␣财政事务 / ␣␣␣␣行政运行): each distinct indent becomes an outline depth, so the
 * sums read parents and children as a clerk does. Marked as a guess: a mismatch is a warning.
 */
function indentOutline(block: Block): void {
  const items = block.rows.filter((r) => r.kind === 'item' && r.label);
  if (items.length < 3 || items.some((r) => r.outline > 0) || block.rows.some((r) => r.kind === 'code')) return;
  const indents = items.map((r) => r.indent).filter((x): x is number => x !== undefined);
  if (indents.length < items.length) return;
  const levels: number[] = [];
  for (const x of [...indents].sort((a, b) => a - b)) if (levels.length === 0 || x - levels[levels.length - 1]! >= INDENT_STEP) levels.push(x);
  if (levels.length < 2 || levels.length > 4) return;
  for (const r of items) {
    let depth = 0;
    levels.forEach((l, i) => {
      if (r.indent! >= l - INDENT_STEP / 2) depth = i + 1;
    });
    r.outline = depth;
    r.outlineFromIndent = true;
  }
}

/**
 * A label merged across blocks ("公用经费合计" spanning groups 2–3 of 公开06表) belongs to the block
 * whose amount column follows the merge.
 */
function moveSpanningLabels(table: Table, blocks: Block[], block: Block): void {
  const keyCols = [block.codeCol, ...block.codeParts, block.labelCol].filter((c): c is number => c !== null);
  if (keyCols.length === 0 || block.amountCols.length === 0) return;
  const first = Math.min(...keyCols);
  const lastAmount = Math.max(...block.amountCols);
  table.rows.forEach((row, r) => {
    let start = -1;
    for (let c = first; c >= 0; c--) {
      const cell = row[c];
      if (cell) {
        if (c + cell.colSpan > first) start = c;
        break;
      }
    }
    if (start < 0) return;
    const cell = row[start]!;
    const end = start + cell.colSpan - 1;
    if (end < lastAmount) return;
    const target = blocks.find((b) => b !== block && b.amountCols.length > 0 && Math.min(...b.amountCols) > end && [b.codeCol, ...b.codeParts, b.labelCol].some((c) => c !== null && c <= end));
    const info = block.rows[r];
    if (!info) return;
    info.kind = 'blank';
    if (!target) return;
    const t = target.rows[r];
    if (!t) return;
    t.label = cellText(cell);
    t.core = coreLabel(t.label);
    t.total = totalKind(t.label);
    t.labelCol = start;
    if (t.total) t.kind = 'total';
    else if (t.kind === 'blank' || t.kind === 'item') t.kind = 'item';
  });
}

function readRow(row: (Cell | null)[], r: number, block: Block, unit: MoneyUnit, last: { cls: string; kuan: string }): RowInfo {
  let code: string | null = null;
  let irregular = false;
  let codeCellText = '';
  if (block.codeParts.length > 0) {
    const parts = block.codeParts.map((c) => cellText(row[c]));
    codeCellText = parts.join('');
    const joined = joinCodeParts(parts, last);
    code = joined.code;
    irregular = joined.irregular;
    if (code) {
      last.cls = code.slice(0, 3);
      if (code.length >= 5) last.kuan = code.slice(3, 5);
    }
  } else if (block.codeCol !== null) {
    codeCellText = cellText(row[block.codeCol]);
    const t = codeCellText.replace(/\s+/g, '');
    if (/^\d{3}(\d{2}){0,2}$/.test(t)) code = t;
  }
  let altCode: string | null = null;
  if (block.altCodeParts.length > 0) {
    altCode = joinCodeParts(
      block.altCodeParts.map((c) => cellText(row[c])),
      { cls: '', kuan: '' },
    ).code;
  } else if (block.altCodeCol !== null) {
    const t = cellText(row[block.altCodeCol]).replace(/\s+/g, '');
    if (/^\d{3}(\d{2}){0,2}$/.test(t)) altCode = t;
  }
  let labelCol = block.labelCol ?? block.codeCol ?? block.codeParts[0] ?? 0;
  let label = block.labelCol !== null ? cellText(row[block.labelCol]) : '';
  let unitCode: string | null = block.unitCodeCol !== null ? cellText(row[block.unitCodeCol]).replace(/\s+/g, '') || null : null;
  if (unitCode && !UNIT_CODE.test(unitCode)) unitCode = null;
  // A pure number in the label column next to an organisation name is a unit code (516 | 焦作市…局).
  const keyCols = [block.labelCol, block.altLabelCol, ...block.textCols, block.codeCol, ...block.codeParts].filter((c): c is number => c !== null);
  // A unit code in any key column beside an organisation name (516 | 焦作市…局 in 类型/项目名称).
  if (!unitCode && !code && ORG_NAME.test(squash(label)) && !UNIT_CODE.test(label.replace(/\s+/g, ''))) {
    const digits = keyCols.map((c) => cellText(row[c]).replace(/\s+/g, '')).find((t) => UNIT_CODE.test(t));
    if (digits) unitCode = digits;
  }
  if (UNIT_CODE.test(label.replace(/\s+/g, '')) && !code) {
    const name = keyCols.map((c) => ({ c, t: cellText(row[c]) })).find((x) => x.c !== block.labelCol && ORG_NAME.test(squash(x.t)));
    if (name) {
      unitCode = label.replace(/\s+/g, '');
      label = name.t;
      labelCol = name.c;
    }
  }
  if (!label) {
    // A merged total cell sits in the first key column; other rows may print the name elsewhere.
    const fallback = keyCols
      .slice()
      .sort((a, b) => a - b)
      .map((c) => ({ c, t: cellText(row[c]) }))
      .find((x) => x.t !== '' && !/^\d+$/.test(x.t.replace(/\s+/g, '')));
    if (fallback) {
      label = fallback.t;
      labelCol = fallback.c;
    } else if (codeCellText && !code) {
      label = codeCellText;
    }
  }
  // "2080505 机关事业单位基本养老保险缴费支出" printed in one label cell (no code column).
  if (!code && block.codeCol === null && block.codeParts.length === 0) {
    const m = /^(\d{7}|\d{5}|\d{3})[\s\u3000]*([^\d\s].*)$/.exec(label.trim());
    if (m && classifyCode(m[1]!) !== null && !ORG_NAME.test(squash(m[2]!))) {
      code = m[1]!;
      label = m[2]!;
    }
  }
  // "853保定市莲池区医疗保障局" printed as one label: unit code glued to the name.
  const glued = /^(\d{3,9})(\D.*)$/.exec(squash(label));
  if (!code && !unitCode && glued && ORG_NAME.test(glued[2]!)) {
    unitCode = glued[1]!;
  }
  const values = new Map<number, number | null>();
  let anyValue = false;
  let numbersOnly = true;
  for (const c of block.amountCols) {
    const cell = row[c];
    const text = cell ? cell.text.replace(/\s+/g, '') : '';
    if (!cell || !text) {
      values.set(c, null);
      continue;
    }
    if (!/^\d{1,2}$/.test(text)) numbersOnly = false;
    if (cell.value !== null && isAmountText(text)) {
      values.set(c, hundredthsToFen(cell.value, unit));
      anyValue = true;
    } else values.set(c, null);
  }
  const core = coreLabel(label);
  const total = code ? null : totalKind(label);
  let kind: RowKind;
  if (/^(栏次|行次)$/.test(core) || isColumnNumbersRow(row) || (numbersOnly && anyValue && !label && !code) || (!anyValue && /^(类|款|项|科目编码|项目)$/.test(core))) kind = 'numbers';
  else if (total) kind = 'total';
  else if (code && (classifyCode(code) !== null)) kind = 'code';
  else if (unitCode) kind = 'unit';
  else if (isBreakdownLabel(label)) kind = 'breakdown';
  else if (label || anyValue) kind = 'item';
  else kind = 'blank';
  const system = code ? classifyCode(code) : null;
  return {
    row: r,
    kind,
    code: kind === 'code' ? code : null,
    system: kind === 'code' ? system : null,
    level: code ? (code.length - 1) / 2 : 0,
    altCode,
    label,
    core,
    total,
    outline: outlineDepth(label),
    ...(row[labelCol]?.indent !== undefined ? { indent: row[labelCol]!.indent } : {}),
    unitCode,
    values,
    irregularCode: irregular,
    labelCol,
  };
}

/** Whether the label names an organisation (unit rows without a code column). */
export function looksLikeOrgName(label: string): boolean {
  return ORG_NAME.test(squash(label)) && !/支出|收入|经费|补助|事务|费$/.test(squash(label));
}
