import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CrossFinding, DocCellRef, RelationResult } from '../../../../core/folder/model';
import type { RelationOverrides } from '../../../../core/folder/relations';
import type { DocumentEntry, FolderReviewResult, ProofreaderApi } from '../../../../shared/ipc-contract';
import { setApi } from '../../api/client';
import { crossFindingsOf, placesOf, settledKey, useFolderReview } from '../../stores/folder-review';
import { groupByRelation } from './CrossFindings';
import { fileStatus, windowRows } from './FolderDashboard';

vi.mock('../../pdf/pdfjs', () => ({ openPdf: vi.fn(), pdfjs: {} }));

const cell = (file: string, page: number | null): DocCellRef => ({ file, table: 't1', tableTitle: '收入决算表', row: 3, col: 2, page, bbox: [0, 0, 1, 1], text: '1.00' });

function finding(id: string, severity: CrossFinding['severity'], documents: string[], cells: DocCellRef[] = []): CrossFinding {
  return { id, rule: 'folder.versions', kind: 'cross-document', severity, message: id, documents, cells, narrative: [], expected: null, actual: null, difference: null };
}

const AUTO: RelationResult = { kind: 'versions', files: ['a.pdf', 'b.pdf'], source: 'auto', status: 'checked', checked: 10 };

function entry(relativePath: string, patch: Partial<DocumentEntry> = {}): DocumentEntry {
  return { relativePath, name: relativePath, format: 'pdf', size: 1, mtimeMs: 1, sha256: 'x', status: 'parsed', progress: 1, error: null, tableCount: 3, pageCount: 2, ...patch };
}

describe('folder review store: pair / unpair send the full overrides', () => {
  let sent: RelationOverrides[];
  let overrides: RelationOverrides;

  beforeEach(() => {
    sent = [];
    overrides = { pairs: [], unpairs: [] };
    const review = (): FolderReviewResult => ({ identities: [], relations: [], findings: [], overrides });
    const api: ProofreaderApi = {
      invoke: (async (command: string, args: unknown) => {
        if (command === 'folder:relations:set') {
          sent.push(args as RelationOverrides);
          overrides = args as RelationOverrides;
        }
        return review();
      }) as ProofreaderApi['invoke'],
      on: () => () => undefined,
    };
    setApi(api);
    useFolderReview.setState({ review: review(), error: null, loading: false });
  });

  it('an automatic relation is unpaired; pairing it again takes the unpair back instead of adding a pair', async () => {
    await useFolderReview.getState().unpair(AUTO);
    expect(sent.at(-1)).toEqual({ pairs: [], unpairs: [{ kind: 'versions', files: ['a.pdf', 'b.pdf'] }] });
    await useFolderReview.getState().pair('versions', ['b.pdf', 'a.pdf']);
    expect(sent.at(-1)).toEqual({ pairs: [], unpairs: [] });
  });

  it('a manual pair is added, and unpairing it removes the pair', async () => {
    await useFolderReview.getState().pair('year-over-year', ['x.pdf', 'y.pdf']);
    expect(sent.at(-1)).toEqual({ pairs: [{ kind: 'year-over-year', files: ['x.pdf', 'y.pdf'] }], unpairs: [] });
    await useFolderReview.getState().unpair({ ...AUTO, kind: 'year-over-year', files: ['x.pdf', 'y.pdf'], source: 'manual' });
    expect(sent.at(-1)).toEqual({ pairs: [], unpairs: [] });
  });

  it('restore removes exactly that unpair', async () => {
    overrides = { pairs: [], unpairs: [{ kind: 'versions', files: ['a.pdf', 'b.pdf'] }, { kind: 'department-unit', files: ['c.pdf', 'd.pdf'] }] };
    useFolderReview.setState({ review: { identities: [], relations: [], findings: [], overrides } });
    await useFolderReview.getState().restore({ kind: 'versions', files: ['a.pdf', 'b.pdf'] });
    expect(sent.at(-1)).toEqual({ pairs: [], unpairs: [{ kind: 'department-unit', files: ['c.pdf', 'd.pdf'] }] });
  });

  it('shows the error of a refused request', async () => {
    setApi({ invoke: (() => Promise.reject({ code: 'invalid-argument', messageZh: '文件不在所选文件夹中：z.pdf', message: 'x' })) as ProofreaderApi['invoke'], on: () => () => undefined });
    await useFolderReview.getState().pair('versions', ['a.pdf', 'z.pdf']);
    expect(useFolderReview.getState().error).toContain('z.pdf');
  });
});

describe('dashboard helpers', () => {
  it('windowRows draws the visible rows and a few around them', () => {
    expect(windowRows(500, 0, 520, 52, 6)).toEqual([0, 16]);
    expect(windowRows(500, 52 * 100, 520, 52, 6)).toEqual([94, 116]);
    expect(windowRows(500, 52 * 495, 520, 52, 6)).toEqual([489, 500]);
    expect(windowRows(0, 0, 520)).toEqual([0, 0]);
  });

  it('settledKey ignores progress ticks, not a file finishing', () => {
    const folder = { folder: '/f', available: true, documents: [entry('a.pdf'), entry('b.pdf', { status: 'parsing', progress: 0.1, sha256: null })] };
    const ticked = { ...folder, documents: [folder.documents[0]!, { ...folder.documents[1]!, progress: 0.5 }] };
    expect(settledKey(ticked)).toBe(settledKey(folder));
    const done = { ...folder, documents: [folder.documents[0]!, entry('b.pdf', { sha256: 'y' })] };
    expect(settledKey(done)).not.toBe(settledKey(folder));
  });

  it('fileStatus tells checked, failed, picture-only and parsing apart', () => {
    expect(fileStatus(entry('a.pdf'))).toBe('checked');
    expect(fileStatus(entry('a.pdf', { tableCount: 0 }))).toBe('picture-only');
    expect(fileStatus(entry('a.pdf', { status: 'error', error: { code: 'no-text-layer', messageZh: '扫描件', message: '' } as never }))).toBe('picture-only');
    expect(fileStatus(entry('a.pdf', { status: 'error', error: { code: 'empty-file', messageZh: '空', message: '' } as never }))).toBe('failed');
    expect(fileStatus(entry('a.pdf', { status: 'parsing' }))).toBe('parsing');
  });

  it('groups findings by relation and gives one place per file, the printed cell first', () => {
    const f1 = finding('f1', 'warning', ['a.pdf', 'b.pdf'], [cell('a.pdf', 4), cell('b.pdf', null), cell('b.pdf', 5)]);
    const f2 = finding('f2', 'note', ['a.pdf', 'b.pdf'], [cell('a.pdf', 1)]);
    const f3 = finding('f3', 'error', ['c.pdf', 'd.pdf']);
    expect(groupByRelation([f1, f2, f3]).map((g) => [g.kind, g.files, g.findings.map((f) => f.id)])).toEqual([
      ['versions', ['a.pdf', 'b.pdf'], ['f1', 'f2']],
      ['versions', ['c.pdf', 'd.pdf'], ['f3']],
    ]);
    expect(placesOf(f1).map((p) => [p.file, p.place?.page])).toEqual([
      ['a.pdf', 4],
      ['b.pdf', 5],
    ]);
    expect(placesOf(f2).map((p) => p.place?.page ?? null)).toEqual([1, null]);
    expect(crossFindingsOf([f1, f2, f3], 'c.pdf').map((f) => f.id)).toEqual(['f3']);
  });
});
