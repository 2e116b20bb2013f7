import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runChecks } from '../../../core/checks';
import { applyEdits } from '../../../core/review/edits';
import type { CellEdit } from '../../../core/review/model';
import { loadAnnotationHistory } from '../db/annotation-repo';
import { reviewDb } from '../db/database';
import { loadDecisionLog, loadDecisions } from '../db/decision-repo';
import { testDocument } from '../review/test-document';
import { useFindings } from './findings';
import { useReview } from './review';
import { useSettings } from './settings';
import { useWorkspace } from './workspace';

// the workspace store opens PDFs with pdf.js's browser build, which Node cannot load
vi.mock('../pdf/pdfjs', () => ({ openPdf: vi.fn(), pdfjs: {} }));

let n = 0;
function freshDoc(): ReturnType<typeof testDocument> {
  return testDocument(`findings-hash-${++n}`);
}

/** 部门支出预算表 row 210: 合计 698.93 ≠ 基本支出 625.94 + 项目支出 72.98 = 698.92 (尾差). */
function roundingId(doc: ReturnType<typeof testDocument>): string {
  const f = runChecks(doc).findings.find((x) => x.severity === 'note' && x.cells[0]?.row === 0 && x.cells[0].col === 2);
  if (!f) throw new Error('test document has no 尾差 on row 210');
  return f.id;
}

function edit(doc: ReturnType<typeof testDocument>, after: string): CellEdit {
  return {
    id: `e-${after}`,
    fileHash: doc.source.sha256,
    cell: { tableId: 't1', row: 0, col: 2 },
    anchor: { tableTitle: '部门支出预算表', tableOccurrence: 0, rowLabel: '210 卫生健康支出', rowOccurrence: 0, columnHeader: '合计' },
    before: '698.93',
    after,
    reviewer: '赵六',
    at: 1,
    op: 'set',
  };
}

/** Waits until the document set last has been checked and its decisions loaded. */
async function checked(): Promise<void> {
  await vi.waitFor(() => {
    const s = useFindings.getState();
    if (!s.report || !s.decisionsLoaded) throw new Error('not checked yet');
  });
}

describe('findings store', () => {
  beforeEach(() => {
    useSettings.setState({ settings: { reviewerName: '赵六' } });
    useFindings.getState().setInput(null, []);
  });

  it('checks the open document and re-checks after an edit: the corrected sum clears its finding', async () => {
    const doc = freshDoc();
    const id = roundingId(doc);
    useWorkspace.setState({ doc });
    useFindings.getState().setInput(doc, []);
    await checked();
    expect(useFindings.getState().report!.findings.map((f) => f.id)).toEqual(runChecks(doc).findings.map((f) => f.id));
    expect(useFindings.getState().openFindings[doc.source.sha256]).toEqual({ error: 1, warning: 0, note: 3 });

    const fixed = [edit(doc, '698.92')];
    useFindings.getState().setInput(doc, fixed);
    await vi.waitFor(() => expect(useFindings.getState().report!.findings.some((f) => f.id === id)).toBe(false));
    expect(useFindings.getState().report!.findings.map((f) => f.id)).toEqual(runChecks(applyEdits(doc, fixed)).findings.map((f) => f.id));
    expect(useFindings.getState().timing!.engineMs).toBeGreaterThan(0);
  });

  it('runs once for several edits made before the next run', async () => {
    const doc = freshDoc();
    useFindings.getState().setInput(doc, []);
    await checked();
    const runs = useFindings.getState().timing!.runs;
    const a = [edit(doc, '1.00')];
    const b = [...a, { ...edit(doc, '698.92'), id: 'e2', at: 2 }];
    useFindings.getState().setInput(doc, a);
    useFindings.getState().setInput(doc, b);
    await vi.waitFor(() => expect(useFindings.getState().timing!.runs).toBe(runs + 1));
    expect(useFindings.getState().report!.findings.map((f) => f.id)).toEqual(runChecks(applyEdits(doc, b)).findings.map((f) => f.id));
  });

  it('dismisses only with a reason, keeps the decision and its history, and revokes it', async () => {
    const doc = freshDoc();
    const id = roundingId(doc);
    useFindings.getState().setInput(doc, []);
    await checked();
    await useFindings.getState().dismiss(id, '   ');
    expect(useFindings.getState().decisions.size).toBe(0);
    expect(await loadDecisions(reviewDb(), doc.source.sha256)).toEqual([]);

    await useFindings.getState().dismiss(id, ' 尾差，可接受 ');
    expect(useFindings.getState().decisions.get(id)).toMatchObject({ decision: 'dismissed', reason: '尾差，可接受', by: '赵六' });
    expect(await loadDecisions(reviewDb(), doc.source.sha256)).toEqual([expect.objectContaining({ findingId: id, decision: 'dismissed', reason: '尾差，可接受' })]);
    expect(useFindings.getState().openFindings[doc.source.sha256]).toEqual({ error: 1, warning: 0, note: 2 });

    // a re-opened document (a reload, a re-parse giving the same ids) finds the decision again
    useFindings.getState().setInput(null, []);
    useFindings.getState().setInput(doc, []);
    await checked();
    expect(useFindings.getState().decisions.get(id)?.reason).toBe('尾差，可接受');

    await useFindings.getState().revoke(id);
    expect(useFindings.getState().decisions.has(id)).toBe(false);
    expect(await loadDecisions(reviewDb(), doc.source.sha256)).toEqual([]);
    expect((await loadDecisionLog(reviewDb(), doc.source.sha256)).map((l) => [l.action, l.reason])).toEqual([
      ['dismissed', '尾差，可接受'],
      ['revoked', undefined],
    ]);
    expect(useFindings.getState().openFindings[doc.source.sha256]).toEqual({ error: 1, warning: 0, note: 3 });
  });

  it('a read-only team review (no write rights) records no decision', async () => {
    const doc = freshDoc();
    const id = roundingId(doc);
    useFindings.getState().setInput(doc, []);
    await checked();
    useReview.setState({ readOnly: true });
    try {
      await useFindings.getState().confirm(id);
      useFindings.getState().askDismiss(id);
      await useFindings.getState().dismiss(id, '尾差，不予处理');
      expect(useFindings.getState().decisions.has(id)).toBe(false);
      expect(useFindings.getState().dismissingId).toBeNull();
      expect(await loadDecisions(reviewDb(), doc.source.sha256)).toEqual([]);
    } finally {
      useReview.setState({ readOnly: false });
    }
    await useFindings.getState().confirm(id);
    expect(useFindings.getState().decisions.get(id)).toMatchObject({ decision: 'confirmed' });
  });

  it('confirms into one annotation: revoking marks it 不予处理, confirming again reopens it', async () => {
    const doc = freshDoc();
    const id = roundingId(doc);
    const finding = runChecks(doc).findings.find((f) => f.id === id)!;
    useFindings.getState().setInput(doc, []);
    await checked();

    await useFindings.getState().confirm(id);
    const decision = useFindings.getState().decisions.get(id)!;
    expect(decision).toMatchObject({ decision: 'confirmed', by: '赵六' });
    const annotations = await reviewDb().annotations.where('fileHash').equals(doc.source.sha256).toArray();
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatchObject({ id: decision.annotationId, findingId: id, text: finding.message, category: 'data-error', status: 'open', author: '赵六' });
    expect(annotations[0]!.target).toMatchObject({ kind: 'cell', cell: { tableId: 't1', row: 0, col: 2 } });

    await useFindings.getState().revoke(id);
    expect((await reviewDb().annotations.get(decision.annotationId!))?.status).toBe('wont-fix');
    await useFindings.getState().confirm(id);
    expect(useFindings.getState().decisions.get(id)?.annotationId).toBe(decision.annotationId);
    expect(await reviewDb().annotations.where('fileHash').equals(doc.source.sha256).count()).toBe(1);
    expect((await reviewDb().annotations.get(decision.annotationId!))?.status).toBe('open');
    expect((await loadAnnotationHistory(reviewDb(), decision.annotationId!)).map((e) => e.kind)).toEqual(['created', 'edited', 'edited']);
    expect((await loadDecisionLog(reviewDb(), doc.source.sha256)).map((l) => l.action)).toEqual(['confirmed', 'revoked', 'confirmed']);
  });

  it('steps through open findings within the kind and severity filters, and selects their cells', async () => {
    const doc = freshDoc();
    useWorkspace.setState({ doc, tableId: 't1', selection: null });
    useFindings.getState().setInput(doc, []);
    await checked();
    const report = useFindings.getState().report!;
    const notes = report.findings.filter((f) => f.severity === 'note');
    useFindings.getState().setFilters({ severity: 'note' });
    useFindings.getState().step(1);
    expect(useFindings.getState().selectedId).toBe(notes[0]!.id);
    const first = notes[0]!.cells[0]!;
    expect(useWorkspace.getState().selection).toEqual({ tableId: first.table, row: first.row, col: first.col });
    await useFindings.getState().dismiss(notes[1]!.id, '口径不同');
    useFindings.getState().step(1);
    expect(useFindings.getState().selectedId).toBe(notes[2]!.id);
    useFindings.getState().step(1);
    expect(useFindings.getState().selectedId).toBe(notes[0]!.id);
    useFindings.getState().setFilters({ severity: 'all' });
  });
});
