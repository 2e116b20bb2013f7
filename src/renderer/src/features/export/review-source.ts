/**
 * A document's review as stored in IndexedDB, in the shape the workbook takes: the full edit log
 * (the workbook folds it and lists it in 修改记录), annotations, finding decisions and the tables
 * marked reviewed.
 */
import type { DocumentReview } from '../../../../core/review/model';
import type { ReviewDatabase } from '../../db/database';
import { loadEdits, loadReviewedTables } from '../../db/review-repo';

export async function loadDocumentReview(db: ReviewDatabase, fileHash: string, fileName: string): Promise<DocumentReview> {
  const [edits, annotations, decisions, reviewed] = await Promise.all([
    loadEdits(db, fileHash),
    db.annotations.where('fileHash').equals(fileHash).toArray(),
    db.decisions.where('fileHash').equals(fileHash).toArray(),
    loadReviewedTables(db, [fileHash]),
  ]);
  return { fileHash, fileName, edits, annotations, decisions, reviewedTables: reviewed.map((r) => r.tableId) };
}
