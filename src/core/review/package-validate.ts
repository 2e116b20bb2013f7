/**
 * Structural validation of an imported review package. Everything is checked before anything is
 * merged, and the result is rebuilt from known fields only, so a foreign or hand-edited file can
 * never smuggle unexpected shapes into the review store.
 */
import type {
  Annotation,
  AnnotationCategory,
  AnnotationReply,
  AnnotationStatus,
  AnnotationTarget,
  CellAnchor,
  CellEdit,
  CellRef,
  DocumentReview,
  FindingDecision,
} from './model';

/** Bilingual description of what a field should hold. */
interface Expectation {
  zh: string;
  en: string;
}

/** Thrown inside the validator; turned into a result by the caller. */
export class InvalidField extends Error {
  constructor(
    readonly path: string,
    readonly expected: Expectation,
    readonly kind: 'invalid-field' | 'hash-mismatch' | 'duplicate-id' | 'duplicate-document' = 'invalid-field',
  ) {
    super(`${path}: ${expected.en}`);
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function object(v: unknown, path: string): Obj {
  if (!isObject(v)) throw new InvalidField(path, { zh: '应为对象', en: 'expected an object' });
  return v;
}

export function array(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new InvalidField(path, { zh: '应为数组', en: 'expected an array' });
  return v;
}

export function string(v: unknown, path: string, nonEmpty = false): string {
  if (typeof v !== 'string' || (nonEmpty && v.length === 0)) {
    throw new InvalidField(path, nonEmpty ? { zh: '应为非空字符串', en: 'expected a non-empty string' } : { zh: '应为字符串', en: 'expected a string' });
  }
  return v;
}

function optionalString(v: unknown, path: string): string | undefined {
  return v === undefined ? undefined : string(v, path);
}

function index(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    throw new InvalidField(path, { zh: '应为非负整数', en: 'expected a non-negative integer' });
  }
  return v;
}

function time(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    throw new InvalidField(path, { zh: '应为时间戳（毫秒，非负整数）', en: 'expected a timestamp (epoch milliseconds, non-negative integer)' });
  }
  return v;
}

function finite(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidField(path, { zh: '应为数字', en: 'expected a number' });
  return v;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    const list = allowed.join(' / ');
    throw new InvalidField(path, { zh: `应为 ${list} 之一`, en: `expected one of ${list}` });
  }
  return v as T;
}

function pair(v: unknown, path: string): [number, number] {
  const a = array(v, path);
  if (a.length !== 2) throw new InvalidField(path, { zh: '应为两个整数 [起, 止]', en: 'expected two integers [first, last]' });
  const first = index(a[0], `${path}[0]`);
  const last = index(a[1], `${path}[1]`);
  if (last < first) throw new InvalidField(path, { zh: '止不应小于起', en: 'last must not be less than first' });
  return [first, last];
}

export function fileHash(v: unknown, path: string): string {
  if (typeof v !== 'string' || !SHA256.test(v)) {
    throw new InvalidField(path, { zh: '应为文件的 SHA-256（64 位小写十六进制）', en: 'expected the file SHA-256 (64 lowercase hex digits)' });
  }
  return v;
}

function sameFile(v: unknown, expected: string, path: string): string {
  const hash = fileHash(v, path);
  if (hash !== expected) {
    throw new InvalidField(path, { zh: '属于另一个文件（与所在文档的 fileHash 不一致）', en: "belongs to another file (differs from its document's fileHash)" }, 'hash-mismatch');
  }
  return hash;
}

function cellRef(v: unknown, path: string): CellRef {
  const o = object(v, path);
  return { tableId: string(o.tableId, `${path}.tableId`, true), row: index(o.row, `${path}.row`), col: index(o.col, `${path}.col`) };
}

function anchor(v: unknown, path: string): CellAnchor {
  const o = object(v, path);
  return {
    tableTitle: string(o.tableTitle, `${path}.tableTitle`),
    tableOccurrence: index(o.tableOccurrence, `${path}.tableOccurrence`),
    rowLabel: string(o.rowLabel, `${path}.rowLabel`),
    rowOccurrence: index(o.rowOccurrence, `${path}.rowOccurrence`),
    columnHeader: string(o.columnHeader, `${path}.columnHeader`),
  };
}

function edit(v: unknown, hash: string, path: string): CellEdit {
  const o = object(v, path);
  const e: CellEdit = {
    id: string(o.id, `${path}.id`, true),
    fileHash: sameFile(o.fileHash, hash, `${path}.fileHash`),
    cell: cellRef(o.cell, `${path}.cell`),
    anchor: anchor(o.anchor, `${path}.anchor`),
    before: string(o.before, `${path}.before`),
    after: string(o.after, `${path}.after`),
    reviewer: string(o.reviewer, `${path}.reviewer`),
    at: time(o.at, `${path}.at`),
    op: oneOf(o.op, ['set', 'undo', 'redo'] as const, `${path}.op`),
  };
  const revertsId = optionalString(o.revertsId, `${path}.revertsId`);
  if (revertsId !== undefined) e.revertsId = revertsId;
  return e;
}

function target(v: unknown, path: string): AnnotationTarget {
  const o = object(v, path);
  const kind = oneOf(o.kind, ['cell', 'range', 'narrative', 'page-rect'] as const, `${path}.kind`);
  switch (kind) {
    case 'cell':
      return { kind, cell: cellRef(o.cell, `${path}.cell`), anchor: anchor(o.anchor, `${path}.anchor`) };
    case 'range':
      return {
        kind,
        tableId: string(o.tableId, `${path}.tableId`, true),
        rows: pair(o.rows, `${path}.rows`),
        cols: pair(o.cols, `${path}.cols`),
        anchor: anchor(o.anchor, `${path}.anchor`),
      };
    case 'narrative': {
      const start = index(o.start, `${path}.start`);
      const end = index(o.end, `${path}.end`);
      if (end < start) throw new InvalidField(`${path}.end`, { zh: '不应小于 start', en: 'must not be less than start' });
      return { kind, block: index(o.block, `${path}.block`), start, end, quote: string(o.quote, `${path}.quote`) };
    }
    case 'page-rect': {
      const b = array(o.bbox, `${path}.bbox`);
      if (b.length !== 4) throw new InvalidField(`${path}.bbox`, { zh: '应为四个数字 [x0, y0, x1, y1]', en: 'expected four numbers [x0, y0, x1, y1]' });
      const bbox = b.map((n, i) => finite(n, `${path}.bbox[${i}]`)) as [number, number, number, number];
      const page = index(o.page, `${path}.page`);
      if (page < 1) throw new InvalidField(`${path}.page`, { zh: '页码从 1 开始', en: 'pages are 1-based' });
      return { kind, page, bbox };
    }
    default: {
      const never: never = kind;
      throw new Error(`unhandled target kind ${String(never)}`);
    }
  }
}

function unique<T>(items: T[], key: (item: T) => string, path: string, what: Expectation): T[] {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) throw new InvalidField(`${path}[${i}]`, what, 'duplicate-id');
    seen.add(k);
  });
  return items;
}

function reply(v: unknown, path: string): AnnotationReply {
  const o = object(v, path);
  return { id: string(o.id, `${path}.id`, true), author: string(o.author, `${path}.author`), text: string(o.text, `${path}.text`), at: time(o.at, `${path}.at`) };
}

function annotation(v: unknown, hash: string, path: string): Annotation {
  const o = object(v, path);
  const replies = unique(
    array(o.replies, `${path}.replies`).map((r, i) => reply(r, `${path}.replies[${i}]`)),
    (r) => r.id,
    `${path}.replies`,
    { zh: '回复 id 重复', en: 'duplicate reply id' },
  );
  const a: Annotation = {
    id: string(o.id, `${path}.id`, true),
    fileHash: sameFile(o.fileHash, hash, `${path}.fileHash`),
    target: target(o.target, `${path}.target`),
    text: string(o.text, `${path}.text`),
    category: oneOf<AnnotationCategory>(o.category, ['data-error', 'text-error', 'format', 'question'], `${path}.category`),
    status: oneOf<AnnotationStatus>(o.status, ['open', 'resolved', 'wont-fix'], `${path}.status`),
    author: string(o.author, `${path}.author`),
    createdAt: time(o.createdAt, `${path}.createdAt`),
    updatedAt: time(o.updatedAt, `${path}.updatedAt`),
    replies,
  };
  const findingId = optionalString(o.findingId, `${path}.findingId`);
  if (findingId !== undefined) a.findingId = findingId;
  return a;
}

function decision(v: unknown, hash: string, path: string): FindingDecision {
  const o = object(v, path);
  const d: FindingDecision = {
    fileHash: sameFile(o.fileHash, hash, `${path}.fileHash`),
    findingId: string(o.findingId, `${path}.findingId`, true),
    decision: oneOf(o.decision, ['confirmed', 'dismissed'] as const, `${path}.decision`),
    by: string(o.by, `${path}.by`),
    at: time(o.at, `${path}.at`),
  };
  const reason = optionalString(o.reason, `${path}.reason`);
  if (reason !== undefined) d.reason = reason;
  const annotationId = optionalString(o.annotationId, `${path}.annotationId`);
  if (annotationId !== undefined) d.annotationId = annotationId;
  const findingMessage = optionalString(o.findingMessage, `${path}.findingMessage`);
  if (findingMessage !== undefined) d.findingMessage = findingMessage;
  return d;
}

/** One document of a package; throws InvalidField on the first problem. */
export function documentReview(v: unknown, path: string): DocumentReview {
  const o = object(v, path);
  const hash = fileHash(o.fileHash, `${path}.fileHash`);
  const list = <T>(field: string, item: (x: unknown, h: string, p: string) => T): T[] =>
    array(o[field], `${path}.${field}`).map((x, i) => item(x, hash, `${path}.${field}[${i}]`));
  return {
    fileHash: hash,
    fileName: string(o.fileName, `${path}.fileName`),
    edits: unique(list('edits', edit), (e) => e.id, `${path}.edits`, { zh: '修改记录 id 重复', en: 'duplicate edit id' }),
    annotations: unique(list('annotations', annotation), (a) => a.id, `${path}.annotations`, { zh: '批注 id 重复', en: 'duplicate annotation id' }),
    decisions: unique(list('decisions', decision), (d) => d.findingId, `${path}.decisions`, {
      zh: '同一问题有多条处理决定',
      en: 'more than one decision for the same finding',
    }),
    reviewedTables: [...new Set(array(o.reviewedTables, `${path}.reviewedTables`).map((t, i) => string(t, `${path}.reviewedTables[${i}]`, true)))],
  };
}
