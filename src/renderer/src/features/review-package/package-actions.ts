/**
 * Export and import of review packages from the UI. Export writes the folder's review (every file
 * version in the folder) as one JSON file through 'file:save'. Import reads a file through
 * 'reviewPackage:open', validates it completely (a refused package changes nothing), merges and
 * stores it in one transaction, then refreshes what the workspace shows.
 */
import { createReviewPackage, parseReviewPackage, serializeReviewPackage, type MergeSummary } from '../../../../core/review/package';
import { invoke } from '../../api/client';
import { reviewDb } from '../../db/database';
import { importReviewPackage, loadDocumentReviews, resolveStoredConflict } from '../../db/package-repo';
import { loadEditsByFile, loadReviewedTables } from '../../db/review-repo';
import type { ConflictChoice } from '../../../../core/review/package';
import { editedCellCount } from '../../review/history';
import { monotonicNow, newId } from '../../review/ids';
import { useDocuments } from '../../stores/documents';
import { useFindings } from '../../stores/findings';
import { useReview } from '../../stores/review';
import { useSettings } from '../../stores/settings';
import { STRINGS } from '../../strings';

export type ExportOutcome = { kind: 'empty' } | { kind: 'cancelled' } | { kind: 'saved'; path: string; documents: number };

export type ImportOutcome =
  | { kind: 'cancelled' }
  | { kind: 'refused'; message: string }
  | { kind: 'imported'; exportedBy: string; summary: MergeSummary; notInFolder: number };

function folderFiles(): { fileHash: string; fileName: string }[] {
  const documents = useDocuments.getState().folder?.documents ?? [];
  return documents.flatMap((d) => (d.status === 'parsed' && d.sha256 ? [{ fileHash: d.sha256, fileName: d.name }] : []));
}

function today(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
}

export async function exportReviewPackage(): Promise<ExportOutcome> {
  const reviews = await loadDocumentReviews(reviewDb(), folderFiles());
  if (reviews.length === 0) return { kind: 'empty' };
  const pkg = createReviewPackage(reviews, { exportedBy: useSettings.getState().settings.reviewerName, exportedAt: new Date() });
  const bytes = new TextEncoder().encode(serializeReviewPackage(pkg));
  const saved = await invoke('file:save', { suggestedName: STRINGS.reviewPackage.suggestedName(today()), kind: 'json', bytes });
  return saved ? { kind: 'saved', path: saved.path, documents: reviews.length } : { kind: 'cancelled' };
}

/** After a change to stored reviews: the document list figures and the open document's review. */
async function refreshShown(hashes: readonly string[]): Promise<void> {
  const db = reviewDb();
  const [logs, reviewed] = await Promise.all([loadEditsByFile(db, hashes), loadReviewedTables(db, hashes)]);
  for (const hash of hashes) {
    useDocuments.getState().setFigures(hash, { editedCells: editedCellCount(logs.get(hash) ?? []), reviewedTables: reviewed.filter((r) => r.fileHash === hash).length });
  }
  const doc = useReview.getState().doc;
  if (doc && hashes.includes(doc.source.sha256)) {
    // the findings reload their decisions when their input document changes
    useFindings.getState().setInput(null, []);
    await useReview.getState().load(doc);
  }
}

function importMeta(): { by: string; at: number; newId: () => string } {
  return { by: useSettings.getState().settings.reviewerName, at: monotonicNow(), newId };
}

export async function importReviewPackageFile(): Promise<ImportOutcome> {
  const file = await invoke('reviewPackage:open', undefined);
  if (!file) return { kind: 'cancelled' };
  const parsed = parseReviewPackage(file.text);
  if (!parsed.ok) return { kind: 'refused', message: parsed.error.messageZh };
  const pkg = parsed.package;
  const result = await importReviewPackage(reviewDb(), pkg, importMeta());
  const inFolder = new Set(folderFiles().map((f) => f.fileHash));
  await refreshShown(pkg.documents.map((d) => d.fileHash).filter((h) => inFolder.has(h)));
  return { kind: 'imported', exportedBy: pkg.exportedBy, summary: result.summary, notInFolder: pkg.documents.filter((d) => !inFolder.has(d.fileHash)).length };
}

export async function resolveConflictChoice(conflictId: string, fileHash: string, choice: ConflictChoice): Promise<void> {
  await resolveStoredConflict(reviewDb(), conflictId, choice, importMeta());
  await refreshShown([fileHash]);
}
