/**
 * The folder dashboard: every file of the folder with its status (parsing with a progress bar,
 * checked, failed, picture-only), its open 错误/警告/提示 (its own checks plus the cross-document
 * findings naming it), its relations, and one click to its worst finding; then the relations and
 * the cross-document findings. The file list is windowed (fixed row height, rows drawn for the
 * scrolled-to part only) so a folder of 500 files scrolls without drawing 500 rows.
 */
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { Severity } from '../../../../core/checks/model';
import { describeIdentity, type DocIdentity } from '../../../../core/folder/identity';
import type { CrossFinding, RelationResult } from '../../../../core/folder/model';
import type { DocumentEntry } from '../../../../shared/ipc-contract';
import { STRINGS } from '../../strings';
import { useDocuments } from '../../stores/documents';
import { useOpenFindingCount } from '../../stores/findings';
import { useFolderReview } from '../../stores/folder-review';
import { CrossFindings } from './CrossFindings';
import { RelationsPanel } from './RelationsPanel';

export const ROW_HEIGHT = 52;
const OVERSCAN = 6;

const S = STRINGS.folder;

export type FileStatus = 'queued' | 'parsing' | 'checked' | 'failed' | 'picture-only';

export function fileStatus(entry: DocumentEntry): FileStatus {
  if (entry.status === 'queued' || entry.status === 'parsing') return entry.status;
  if (entry.status === 'error') return entry.error?.code === 'no-text-layer' ? 'picture-only' : 'failed';
  return entry.tableCount === 0 ? 'picture-only' : 'checked';
}

function StatusCell({ entry }: { entry: DocumentEntry }): ReactElement {
  const status = fileStatus(entry);
  switch (status) {
    case 'queued':
      return <span className="status status-queued">{S.status.queued}</span>;
    case 'parsing':
      return (
        <span className="status status-parsing">
          {S.status.parsing(Math.round(entry.progress * 100))}
          <progress max={1} value={entry.progress} />
        </span>
      );
    case 'checked':
      return <span className="status status-parsed">{S.status.checked}</span>;
    case 'picture-only':
      return (
        <span className="status status-picture" title={entry.error?.messageZh}>
          {S.status.pictureOnly}
        </span>
      );
    case 'failed':
      return (
        <span className="status status-error" title={entry.error?.messageZh}>
          {S.status.failed}：{entry.error?.messageZh ?? STRINGS.errors.generic}
        </span>
      );
  }
}

interface RowData {
  cross: CrossFinding[];
  relations: RelationResult[];
  identity?: DocIdentity;
}

function FileRow({ entry, data, top }: { entry: DocumentEntry; data: RowData | undefined; top: number }): ReactElement {
  const own = useOpenFindingCount(entry.sha256);
  const openWorst = useFolderReview((s) => s.openWorst);
  const cross = data?.cross ?? [];
  const cc = (sev: Severity): number => cross.filter((f) => f.severity === sev).length;
  const counts = own ? { error: own.error + cc('error'), warning: own.warning + cc('warning'), note: own.note + cc('note') } : null;
  const total = counts ? counts.error + counts.warning + counts.note : cross.length;
  const parsed = entry.status === 'parsed';
  // an identity read from nothing but a file name without year or department says nothing
  const identity = data?.identity && (data.identity.from === 'content' || data.identity.year !== null || data.identity.department !== null) ? data.identity : undefined;
  return (
    <div className="folder-file" role="row" data-path={entry.relativePath} data-status={fileStatus(entry)} style={{ top, height: ROW_HEIGHT }}>
      <span className="folder-file-name" role="cell" title={entry.relativePath}>
        {entry.name}
        {identity || entry.relativePath !== entry.name ? (
          <small data-testid="folder-identity">
            {[entry.relativePath !== entry.name ? entry.relativePath : '', identity ? `${describeIdentity(identity)}${identity.from === 'file-name' ? S.fromFileName : ''}` : ''].filter(Boolean).join(' · ')}
          </small>
        ) : null}
      </span>
      <span role="cell" className="folder-file-status">
        <StatusCell entry={entry} />
      </span>
      <span role="cell" className="folder-file-counts" data-testid="folder-counts" title={counts ? S.countsHint(counts.error, counts.warning, counts.note, cross.length) : undefined}>
        {parsed && !counts ? (
          <span className="muted">{S.countsPending}</span>
        ) : counts || cross.length > 0 ? (
          (['error', 'warning', 'note'] as const).map((sev) => {
            const n = counts ? counts[sev] : cc(sev);
            return (
              <span key={sev} className={`count count-${sev}${n > 0 ? ' nonzero' : ''}`} data-severity={sev} data-count={n}>
                {STRINGS.findings.severity[sev]} {n}
              </span>
            );
          })
        ) : null}
        {cross.length > 0 ? <span className="muted">{S.crossCount(cross.length)}</span> : null}
      </span>
      <span role="cell" className="folder-file-relations">
        {(data?.relations ?? []).map((r) => {
          const other = r.files[0] === entry.relativePath ? r.files[1] : r.files[0];
          return (
            <span key={`${r.kind}|${r.files.join('|')}`} className={`relation-chip relation-${r.kind}${r.status === 'not-run' ? ' not-run' : ''}`} title={S.chipHint(STRINGS.folder.kind[r.kind], other)}>
              {S.kind[r.kind]} · {other.split('/').pop()}
            </span>
          );
        })}
      </span>
      <span role="cell" className="folder-file-action">
        {total > 0 ? (
          <button type="button" onClick={() => void openWorst(entry.relativePath)} title={S.worstHint(entry.name)}>
            {S.worst}
          </button>
        ) : parsed && counts ? (
          <span className="muted">{S.noFindings}</span>
        ) : null}
      </span>
    </div>
  );
}

/** Rows [first, last) of `count` to draw for a viewport of `height` scrolled to `scrollTop`. */
export function windowRows(count: number, scrollTop: number, height: number, rowHeight = ROW_HEIGHT, overscan = OVERSCAN): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}

function FileList({ documents, byFile }: { documents: readonly DocumentEntry[]; byFile: Map<string, RowData> }): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (): void => setHeight(el.clientHeight || 600);
    measure();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(el);
    return () => observer?.disconnect();
  }, []);
  const [first, last] = windowRows(documents.length, scrollTop, height);
  return (
    <div className="folder-files" ref={ref} style={{ height: documents.length * ROW_HEIGHT + 2 }} role="table" aria-label={S.files} aria-rowcount={documents.length} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <div className="folder-files-inner" style={{ height: documents.length * ROW_HEIGHT }}>
        {documents.slice(first, last).map((entry, i) => (
          <FileRow key={entry.relativePath} entry={entry} data={byFile.get(entry.relativePath)} top={(first + i) * ROW_HEIGHT} />
        ))}
      </div>
    </div>
  );
}

export function FolderDashboard(): ReactElement {
  const folder = useDocuments((s) => s.folder);
  const review = useFolderReview((s) => s.review);
  const loading = useFolderReview((s) => s.loading);
  const error = useFolderReview((s) => s.error);
  useEffect(() => useFolderReview.getState().start(), []);

  const documents = folder?.documents ?? [];
  const byFile = useMemo(() => {
    const map = new Map<string, RowData>();
    const of = (file: string): RowData => {
      let d = map.get(file);
      if (!d) map.set(file, (d = { cross: [], relations: [] }));
      return d;
    };
    for (const f of review?.findings ?? []) for (const file of new Set(f.documents)) of(file).cross.push(f);
    for (const r of review?.relations ?? []) for (const file of r.files) of(file).relations.push(r);
    for (const x of review?.identities ?? []) of(x.file).identity = x.identity;
    return map;
  }, [review]);

  if (!folder?.folder) return <main className="workspace empty-workspace">{S.noFolder}</main>;
  const parsed = documents.filter((d) => d.status === 'parsed').length;
  const pending = documents.filter((d) => d.status === 'queued' || d.status === 'parsing').length;
  return (
    <main className="workspace folder-dashboard" data-testid="folder-dashboard" aria-label={S.region}>
      <header className="panel-header folder-dashboard-header">
        <h2>{S.title}</h2>
        <span className="folder-summary">{S.summary(documents.length, parsed, review?.relations.length ?? 0)}</span>
        {pending > 0 ? <span className="muted">{S.pending(pending)}</span> : null}
        {loading ? <span className="muted">{S.reviewing}</span> : null}
        {error ? <span className="status-error">{S.failed(error)}</span> : null}
      </header>
      <FileList documents={documents} byFile={byFile} />
      <div className="folder-panels">
        <RelationsPanel documents={documents} />
        <CrossFindings />
      </div>
    </main>
  );
}
