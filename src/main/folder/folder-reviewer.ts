/**
 * The folder review over files known by their content hash: loads each extraction once (from
 * wherever `load` finds it — the parse cache in the worker, the workspace in main), drops those no
 * longer listed, and runs
 * the core reviewFolder with a FolderReviewCache, so a re-check after one file changes re-runs only
 * that file's relations. No Electron; used inside the worker thread and directly in tests.
 */
import { FolderReviewCache, folderDocument, reviewFolder } from '../../core/folder/cross-checks';
import type { FolderDocument, FolderReview } from '../../core/folder/model';
import type { RelationOverrides } from '../../core/folder/relations';
import type { ExtractedDocument } from '../../core/model';
import type { ReviewedFile } from './review-worker-protocol';

export interface ReviewOutcome {
  review: FolderReview;
  /** reading extractions not seen before */
  loadMs: number;
  reviewMs: number;
  documents: number;
}

export class FolderReviewer {
  private readonly docs = new Map<string, ExtractedDocument>();
  private readonly cache = new FolderReviewCache();

  /** `load` gives a parsed file's extraction, or null when it is not there (being parsed again) */
  constructor(private readonly load: (file: ReviewedFile & { sha256: string }) => Promise<ExtractedDocument | null>) {}

  async review(files: readonly ReviewedFile[], overrides: RelationOverrides): Promise<ReviewOutcome> {
    const started = performance.now();
    const live = new Set(files.flatMap((f) => (f.sha256 && !f.error ? [f.sha256] : [])));
    for (const sha of [...this.docs.keys()]) if (!live.has(sha)) this.docs.delete(sha);
    const documents: FolderDocument[] = [];
    for (const f of files) {
      if (f.error || !f.sha256) {
        documents.push(folderDocument(f.file, null, f));
        continue;
      }
      let doc = this.docs.get(f.sha256) ?? null;
      if (!doc) {
        doc = await this.load({ ...f, sha256: f.sha256 });
        if (!doc) continue; // not there (being parsed again): reviewed once it is back
        this.docs.set(f.sha256, doc);
      }
      documents.push(folderDocument(f.file, doc, f));
    }
    const loaded = performance.now();
    const review = reviewFolder(documents, { overrides, cache: this.cache });
    return { review, loadMs: loaded - started, reviewMs: performance.now() - loaded, documents: documents.length };
  }

  /** relation comparisons re-run (not reused) by the last review */
  get ranLastTime(): number {
    return this.cache.ranLastTime;
  }
}
