import { describe, expect, it } from 'vitest';
import { latestEdits, cellKey } from './edits';
import type { Annotation, CellEdit, DocumentReview, FindingDecision } from './model';
import {
  createReviewPackage,
  mergePackage,
  mergeReview,
  parseReviewPackage,
  resolveConflict,
  serializeReviewPackage,
  validateReviewPackage,
  type EditConflict,
  type ReviewPackageErrorCode,
} from './package';

const HASH = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);

function edit(p: Partial<CellEdit> & { id: string }): CellEdit {
  const cell = p.cell ?? { tableId: 't1', row: 3, col: 2 };
  return {
    fileHash: HASH,
    cell,
    anchor: p.anchor ?? { tableTitle: '支出表', tableOccurrence: 0, rowLabel: `row${cell.row}`, rowOccurrence: 0, columnHeader: `col${cell.col}` },
    before: '698.93',
    after: '698.92',
    reviewer: '张三',
    at: 1000,
    op: 'set',
    ...p,
  };
}

function annotation(p: Partial<Annotation> & { id: string }): Annotation {
  return {
    fileHash: HASH,
    target: { kind: 'cell', cell: { tableId: 't1', row: 1, col: 1 }, anchor: { tableTitle: '支出表', tableOccurrence: 0, rowLabel: '208', rowOccurrence: 0, columnHeader: '合计' } },
    text: '合计与明细不符',
    category: 'data-error',
    status: 'open',
    author: '张三',
    createdAt: 100,
    updatedAt: 100,
    replies: [],
    ...p,
  };
}

function decision(p: Partial<FindingDecision> & { findingId: string }): FindingDecision {
  return { fileHash: HASH, decision: 'confirmed', by: '张三', at: 500, ...p };
}

function review(p: Partial<DocumentReview> = {}): DocumentReview {
  return { fileHash: HASH, fileName: '支出.pdf', edits: [], annotations: [], decisions: [], reviewedTables: [], ...p };
}

/** The current text of a cell after folding the log, as the export and the UI see it. */
function current(r: DocumentReview, cell = { tableId: 't1', row: 3, col: 2 }): string | undefined {
  return latestEdits(r.edits).get(cellKey(cell))?.after;
}

function validPackage(): Record<string, unknown> {
  return JSON.parse(
    serializeReviewPackage(
      createReviewPackage(
        [
          review({
            edits: [edit({ id: 'e1' })],
            annotations: [annotation({ id: 'a1', replies: [{ id: 'r1', author: '李四', text: '已核实', at: 200 }] })],
            decisions: [decision({ findingId: 'f1', decision: 'dismissed', reason: '尾差' })],
            reviewedTables: ['t1'],
          }),
        ],
        { exportedBy: '张三', exportedAt: new Date('2025-03-01T06:00:00Z') },
      ),
    ),
  ) as Record<string, unknown>;
}

/** Deep-set a value at a dotted path with [i] indexes, on a fresh copy. */
function withField(path: string, value: unknown): unknown {
  const pkg = validPackage();
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let o = pkg as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete o[last];
  else o[last] = value;
  return pkg;
}

describe('review package validation', () => {
  it('round-trips a package through its JSON text', () => {
    const result = parseReviewPackage(JSON.stringify(validPackage()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.package.format).toBe('budget-proof-review');
    expect(result.package.version).toBe(1);
    expect(result.package.exportedAt).toBe('2025-03-01T06:00:00.000Z');
    expect(result.package.documents[0]!.edits[0]!.after).toBe('698.92');
    expect(result.package.documents[0]!.decisions[0]!.reason).toBe('尾差');
    expect(result.package.documents[0]!.annotations[0]!.replies[0]!.text).toBe('已核实');
  });

  it('tolerates a UTF-8 BOM and drops unknown fields', () => {
    const pkg = withField('documents[0].edits[0].extra', 'x');
    const result = parseReviewPackage(`\uFEFF${JSON.stringify(pkg)}`);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.package.documents[0]!.edits[0]).not.toHaveProperty('extra');
  });

  const cases: { name: string; input: () => string; code: ReviewPackageErrorCode; path: string | null }[] = [
    { name: 'malformed JSON', input: () => '{"format": "budget-proof-review", ', code: 'malformed-json', path: null },
    { name: 'an array', input: () => '[]', code: 'foreign-format', path: null },
    { name: 'another tool’s JSON', input: () => JSON.stringify({ format: 'something-else', version: 1 }), code: 'foreign-format', path: null },
    { name: 'a newer version', input: () => JSON.stringify(withField('version', 2)), code: 'unsupported-version', path: 'version' },
    { name: 'a version as text', input: () => JSON.stringify(withField('version', '1')), code: 'invalid-field', path: 'version' },
    { name: 'no documents', input: () => JSON.stringify(withField('documents', undefined)), code: 'invalid-field', path: 'documents' },
    { name: 'a bad export time', input: () => JSON.stringify(withField('exportedAt', 'yesterday')), code: 'invalid-field', path: 'exportedAt' },
    { name: 'a file hash that is not SHA-256', input: () => JSON.stringify(withField('documents[0].fileHash', 'abc')), code: 'invalid-field', path: 'documents[0].fileHash' },
    { name: 'a time as text', input: () => JSON.stringify(withField('documents[0].edits[0].at', '2025-03-01')), code: 'invalid-field', path: 'documents[0].edits[0].at' },
    { name: 'an unknown edit op', input: () => JSON.stringify(withField('documents[0].edits[0].op', 'delete')), code: 'invalid-field', path: 'documents[0].edits[0].op' },
    { name: 'a negative row', input: () => JSON.stringify(withField('documents[0].edits[0].cell.row', -1)), code: 'invalid-field', path: 'documents[0].edits[0].cell.row' },
    { name: 'an edit of another file', input: () => JSON.stringify(withField('documents[0].edits[0].fileHash', OTHER)), code: 'hash-mismatch', path: 'documents[0].edits[0].fileHash' },
    { name: 'an unknown category', input: () => JSON.stringify(withField('documents[0].annotations[0].category', 'typo')), code: 'invalid-field', path: 'documents[0].annotations[0].category' },
    { name: 'a reversed range', input: () => JSON.stringify(withField('documents[0].annotations[0].target', { kind: 'range', tableId: 't1', rows: [3, 1], cols: [0, 1], anchor: { tableTitle: '', tableOccurrence: 0, rowLabel: '', rowOccurrence: 0, columnHeader: '' } })), code: 'invalid-field', path: 'documents[0].annotations[0].target.rows' },
    { name: 'replies not an array', input: () => JSON.stringify(withField('documents[0].annotations[0].replies', {})), code: 'invalid-field', path: 'documents[0].annotations[0].replies' },
    { name: 'an unknown decision', input: () => JSON.stringify(withField('documents[0].decisions[0].decision', 'maybe')), code: 'invalid-field', path: 'documents[0].decisions[0].decision' },
    {
      name: 'a duplicate edit id',
      input: () => {
        const pkg = validPackage() as { documents: { edits: unknown[] }[] };
        pkg.documents[0]!.edits.push({ ...(pkg.documents[0]!.edits[0] as object), after: '1.00' });
        return JSON.stringify(pkg);
      },
      code: 'duplicate-id',
      path: 'documents[0].edits[1]',
    },
    {
      name: 'the same file twice',
      input: () => {
        const pkg = validPackage() as { documents: unknown[] };
        pkg.documents.push(pkg.documents[0]);
        return JSON.stringify(pkg);
      },
      code: 'duplicate-document',
      path: 'documents[1].fileHash',
    },
    {
      // the first document is valid, the second is not: nothing may come back
      name: 'a valid document followed by a broken one',
      input: () => {
        const pkg = validPackage() as { documents: Record<string, unknown>[] };
        pkg.documents.push({ ...pkg.documents[0]!, fileHash: OTHER, edits: 'none' });
        return JSON.stringify(pkg);
      },
      code: 'invalid-field',
      path: 'documents[1].edits',
    },
  ];

  it.each(cases)('refuses $name with a clear message', ({ input, code, path }) => {
    const result = parseReviewPackage(input());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.path).toBe(path);
    expect(result.error.messageZh).toMatch(/^无法导入校对包：/);
    expect(result.error.message).toMatch(/^Cannot import the review package: /);
    if (path && code !== 'unsupported-version') {
      expect(result.error.messageZh).toContain(path);
      expect(result.error.message).toContain(path);
    }
    expect(result).not.toHaveProperty('package');
  });

  it('validates a value that is already parsed', () => {
    expect(validateReviewPackage(null).ok).toBe(false);
    expect(validateReviewPackage(validPackage()).ok).toBe(true);
  });
});

describe('mergeReview: edits', () => {
  const A = { tableId: 't1', row: 3, col: 2 };
  const B = { tableId: 't1', row: 4, col: 2 };
  const cases: {
    name: string;
    local: CellEdit[];
    incoming: CellEdit[];
    conflicts: number;
    added: number;
    current: string | undefined;
  }[] = [
    { name: 'different cells both land', local: [edit({ id: 'e1', cell: A })], incoming: [edit({ id: 'e2', cell: B, after: '1.00' })], conflicts: 0, added: 1, current: '698.92' },
    { name: 'the same entry is not duplicated', local: [edit({ id: 'e1' })], incoming: [edit({ id: 'e1' })], conflicts: 0, added: 0, current: '698.92' },
    { name: 'two people typing the same value agree', local: [edit({ id: 'e1' })], incoming: [edit({ id: 'e2', reviewer: '李四', at: 2000 })], conflicts: 0, added: 1, current: '698.92' },
    {
      name: 'two different values conflict and the local one stays',
      local: [edit({ id: 'e1', after: '698.92' })],
      incoming: [edit({ id: 'e2', after: '698.90', reviewer: '李四', at: 2000 })],
      conflicts: 1,
      added: 0,
      current: '698.92',
    },
    {
      name: 'their later edit on top of ours is a fast-forward',
      local: [edit({ id: 'e1' })],
      incoming: [edit({ id: 'e1' }), edit({ id: 'e2', before: '698.92', after: '698.91', reviewer: '李四', at: 2000 })],
      conflicts: 0,
      added: 1,
      current: '698.91',
    },
    {
      name: 'our later edit on top of theirs adds nothing',
      local: [edit({ id: 'e1' }), edit({ id: 'e2', after: '698.91', at: 2000 })],
      incoming: [edit({ id: 'e1' })],
      conflicts: 0,
      added: 0,
      current: '698.91',
    },
    {
      name: 'the same anchor under another cell ref conflicts',
      local: [edit({ id: 'e1', cell: A })],
      incoming: [edit({ id: 'e2', cell: { tableId: 't2', row: 9, col: 9 }, anchor: edit({ id: 'x', cell: A }).anchor, after: '1.00', at: 2000 })],
      conflicts: 1,
      added: 0,
      current: '698.92',
    },
    {
      name: 'an id clash with other content is kept, renamed, and conflicts',
      local: [edit({ id: 'e1', after: '698.92' })],
      incoming: [edit({ id: 'e1', after: '600.00', reviewer: '李四', at: 2000 })],
      conflicts: 1,
      added: 0,
      current: '698.92',
    },
  ];

  it.each(cases)('$name', ({ local, incoming, conflicts, added, current: expected }) => {
    const result = mergeReview(review({ edits: local }), review({ edits: incoming }));
    expect(result.conflicts).toHaveLength(conflicts);
    expect(result.summary.editsAdded).toBe(added);
    expect(current(result.review)).toBe(expected);
    expect(new Set(result.review.edits.map((e) => e.id)).size).toBe(result.review.edits.length);
  });

  it('describes a conflict with both values, both reviewers and the printed text', () => {
    const { conflicts } = mergeReview(
      review({ edits: [edit({ id: 'e1', after: '698.92', at: 1000 })] }),
      review({ edits: [edit({ id: 'e2', after: '698.90', reviewer: '李四', at: 2000 })] }),
    );
    const c = conflicts[0] as EditConflict;
    expect(c.kind).toBe('edit');
    expect(c.printed).toBe('698.93');
    expect(c.local).toEqual({ text: '698.92', reviewer: '张三', at: 1000 });
    expect(c.incoming).toEqual({ text: '698.90', reviewer: '李四', at: 2000 });
    expect(c.cell).toEqual({ tableId: 't1', row: 3, col: 2 });
  });

  it('refuses to merge reviews of different files', () => {
    expect(() => mergeReview(review(), review({ fileHash: OTHER }))).toThrow(/different files/);
  });
});

describe('resolveConflict', () => {
  const local = review({ edits: [edit({ id: 'e1', after: '698.92', at: 1000 })] });
  const incoming = review({ edits: [edit({ id: 'e2', after: '698.90', reviewer: '李四', at: 5000 })] });
  const merged = mergeReview(local, incoming);
  const conflict = merged.conflicts[0]!;

  it.each([
    { choice: 'local' as const, expected: '698.92' },
    { choice: 'incoming' as const, expected: '698.90' },
    { choice: { text: '698.91' }, expected: '698.91' },
  ])('choosing $choice gives $expected and keeps both reviewers in the log', ({ choice, expected }) => {
    // the resolver's clock is behind the incoming entry: the resolution must still be the latest
    const resolved = resolveConflict(merged.review, conflict, choice, { by: '王五', at: 3000 });
    expect(current(resolved)).toBe(expected);
    expect(resolved.edits.map((e) => e.reviewer)).toEqual(expect.arrayContaining(['张三', '李四']));
    const last = resolved.edits[resolved.edits.length - 1]!;
    if (last.reviewer === '王五') expect(last.at).toBeGreaterThan(5000);
  });

  it('resolving twice does not duplicate log entries', () => {
    const once = resolveConflict(merged.review, conflict, 'incoming', { by: '王五', at: 6000 });
    const twice = resolveConflict(once, conflict, 'incoming', { by: '王五', at: 6000 });
    expect(twice.edits).toEqual(once.edits);
  });
});

describe('mergeReview: annotations and decisions', () => {
  it('unions replies and lets the later update win', () => {
    const ours = annotation({ id: 'a1', status: 'open', updatedAt: 100, replies: [{ id: 'r1', author: '张三', text: '请核实', at: 150 }] });
    const theirs = annotation({ id: 'a1', status: 'resolved', updatedAt: 300, replies: [{ id: 'r1', author: '张三', text: '请核实', at: 150 }, { id: 'r2', author: '李四', text: '已更正', at: 250 }] });
    const result = mergeReview(review({ annotations: [ours] }), review({ annotations: [theirs, annotation({ id: 'a2' })] }));
    expect(result.review.annotations).toHaveLength(2);
    const a1 = result.review.annotations.find((a) => a.id === 'a1')!;
    expect(a1.status).toBe('resolved');
    expect(a1.replies.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(result.summary).toMatchObject({ annotationsAdded: 1, annotationsUpdated: 1 });
    expect(result.conflicts).toEqual([]);
  });

  it('keeps our newer annotation text but still takes their replies', () => {
    const ours = annotation({ id: 'a1', text: '新说明', updatedAt: 900 });
    const theirs = annotation({ id: 'a1', text: '旧说明', updatedAt: 100, replies: [{ id: 'r9', author: '李四', text: '同意', at: 120 }] });
    const a1 = mergeReview(review({ annotations: [ours] }), review({ annotations: [theirs] })).review.annotations[0]!;
    expect(a1.text).toBe('新说明');
    expect(a1.replies.map((r) => r.id)).toEqual(['r9']);
  });

  it.each([
    { name: 'same decision, other reviewer', ours: decision({ findingId: 'f1' }), theirs: decision({ findingId: 'f1', by: '李四', at: 900 }), conflicts: 0 },
    { name: 'confirmed vs dismissed', ours: decision({ findingId: 'f1' }), theirs: decision({ findingId: 'f1', decision: 'dismissed', reason: '尾差' }), conflicts: 1 },
    { name: 'dismissed for different reasons', ours: decision({ findingId: 'f1', decision: 'dismissed', reason: '尾差' }), theirs: decision({ findingId: 'f1', decision: 'dismissed', reason: '口径不同' }), conflicts: 1 },
  ])('decisions: $name', ({ ours, theirs, conflicts }) => {
    const result = mergeReview(review({ decisions: [ours] }), review({ decisions: [theirs] }));
    expect(result.conflicts).toHaveLength(conflicts);
    expect(result.review.decisions).toEqual([ours]);
    if (conflicts) {
      const resolved = resolveConflict(result.review, result.conflicts[0]!, 'incoming', { by: '王五', at: 1 });
      expect(resolved.decisions).toEqual([theirs]);
      expect(resolveConflict(result.review, result.conflicts[0]!, 'local', { by: '王五', at: 1 }).decisions).toEqual([ours]);
    }
  });

  it('adds decisions on findings we had not decided, and unions reviewed tables', () => {
    const result = mergeReview(review({ decisions: [decision({ findingId: 'f1' })], reviewedTables: ['t1'] }), review({ decisions: [decision({ findingId: 'f2' })], reviewedTables: ['t2', 't1'] }));
    expect(result.review.decisions.map((d) => d.findingId)).toEqual(['f1', 'f2']);
    expect(result.review.reviewedTables).toEqual(['t1', 't2']);
    expect(result.summary.decisionsAdded).toBe(1);
  });
});

describe('mergePackage', () => {
  it('merges each document with our review of the same file and takes new files as they are', () => {
    const other = review({ fileHash: OTHER, fileName: '收入.pdf', edits: [edit({ id: 'o1', fileHash: OTHER })] });
    const pkg = createReviewPackage([review({ edits: [edit({ id: 'e2', after: '1.00', at: 2000 })] }), other], { exportedBy: '李四', exportedAt: new Date(0) });
    const result = mergePackage([review({ edits: [edit({ id: 'e1' })] })], pkg);
    expect(result.reviews.map((r) => r.fileHash)).toEqual([HASH, OTHER]);
    expect(result.conflicts).toHaveLength(1);
    expect(result.reviews[1]!.edits.map((e) => e.id)).toEqual(['o1']);
    expect(result.summary).toMatchObject({ editsAdded: 1, conflicts: 1 });
  });
});
