import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, NarrativeBlock } from '../../../../core/model';
import { anchorFor } from '../../../../core/review/anchors';
import type { Annotation, AnnotationTarget } from '../../../../core/review/model';
import { EXPENDITURE_BODY, expenditureTable, testDocument } from '../../review/test-document';
import { movedAnnotationId, reanchorAnnotations } from './reanchor';

function paragraph(text: string): NarrativeBlock {
  return { page: 1, bbox: [50, 700, 500, 720], text };
}

function withNarrative(doc: ExtractedDocument, texts: string[], pages = 2): ExtractedDocument {
  return { ...doc, source: { ...doc.source, pages }, narrative: texts.map(paragraph) };
}

const V1 = withNarrative(testDocument('hash-v1'), ['一、收入支出预算总体情况。', '二、支出预算情况说明：基本支出625.94万元。']);
// version 2: two rows inserted at the top, 医疗保障管理事务 removed, a paragraph added before, one page
const NEW_ROWS = [
  ['200', '新科目', '1.00', '1.00', '0.00', ''],
  ['201', '新科目二', '2.00', '2.00', '0.00', ''],
];
const V2 = withNarrative(
  testDocument('hash-v2', [expenditureTable('t1', [...NEW_ROWS, EXPENDITURE_BODY[0]!, EXPENDITURE_BODY[2]!, EXPENDITURE_BODY[3]!])]),
  ['前言。', '一、收入支出预算总体情况。', '二、支出预算情况说明：基本支出625.94万元。'],
  1,
);

function annotation(id: string, target: AnnotationTarget): Annotation {
  return { id, fileHash: 'hash-v1', target, text: id, category: 'data-error', status: 'open', author: '张三', createdAt: 1, updatedAt: 1, replies: [{ id: `${id}-r`, author: '李四', text: '收到', at: 2 }] };
}

function cellTarget(row: number, col: number): AnnotationTarget {
  const cell = { tableId: 't1', row, col };
  return { kind: 'cell', cell, anchor: anchorFor(V1, cell)! };
}

describe('moving annotations onto a new parse', () => {
  it('finds cells and ranges by their anchors, sentences by their words, keeps page rectangles', () => {
    const quote = '基本支出625.94万元';
    const start = V1.narrative[1]!.text.indexOf(quote);
    const annotations = [
      annotation('cell', cellTarget(2, 3)), // 2101501 行政运行 × 人员经费
      annotation('range', { kind: 'range', tableId: 't1', rows: [2, 3], cols: [2, 3], anchor: anchorFor(V1, { tableId: 't1', row: 2, col: 2 })! }),
      annotation('sentence', { kind: 'narrative', block: 1, start, end: start + quote.length, quote }),
      annotation('rect', { kind: 'page-rect', page: 1, bbox: [1, 2, 3, 4] }),
    ];
    const { moved, orphans } = reanchorAnnotations(annotations, V2);
    expect(orphans).toEqual([]);
    const byId = new Map(moved.map((m) => [m.before.id, m.after]));
    // 行政运行 is row 2 in version 1 and row 3 in version 2 (two rows above it added, one removed)
    expect(byId.get('cell')!.target).toMatchObject({ kind: 'cell', cell: { tableId: 't1', row: 3, col: 3 } });
    expect(V2.tables[0]!.rows[3]![1]!.text).toBe('行政运行');
    expect(byId.get('range')!.target).toMatchObject({ kind: 'range', rows: [3, 4], cols: [2, 3] });
    const sentence = byId.get('sentence')!.target as Extract<AnnotationTarget, { kind: 'narrative' }>;
    expect(sentence.block).toBe(2);
    expect(V2.narrative[2]!.text.slice(sentence.start, sentence.end)).toBe(quote);
    expect(byId.get('rect')!.target).toEqual({ kind: 'page-rect', page: 1, bbox: [1, 2, 3, 4] });
    for (const m of moved) {
      expect(m.after.id).toBe(movedAnnotationId(m.before.id, 'hash-v2'));
      expect(m.after.fileHash).toBe('hash-v2');
      expect(m.after.replies).toEqual(m.before.replies);
    }
  });

  it('returns what the new version lacks as orphans, unchanged', () => {
    const gone = annotation('gone', cellTarget(1, 2)); // 医疗保障管理事务, removed in version 2
    const lastPage = annotation('page2', { kind: 'page-rect', page: 2, bbox: [1, 2, 3, 4] });
    const rewritten = annotation('words', { kind: 'narrative', block: 0, start: 0, end: 4, quote: '三、其他' });
    // the whole table body of version 1 (4 rows from 卫生健康支出) runs past the end of version 2's table
    const tooTall = annotation('tall', { kind: 'range', tableId: 't1', rows: [0, 3], cols: [2, 2], anchor: anchorFor(V1, { tableId: 't1', row: 0, col: 2 })! });
    const { moved, orphans } = reanchorAnnotations([gone, lastPage, rewritten, tooTall], V2);
    expect(moved).toEqual([]);
    expect(orphans).toEqual([gone, lastPage, rewritten, tooTall]);
  });
});
