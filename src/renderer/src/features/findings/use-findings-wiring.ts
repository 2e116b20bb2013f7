/**
 * Connects the checks to the rest of the workspace: the open document's edit log drives the
 * findings (re-run on every edit, undo and redo), parsed documents get their open-finding counts
 * in idle time, and the exception keys work window-wide.
 */
import { useEffect } from 'react';
import { invoke } from '../../api/client';
import { reviewDb } from '../../db/database';
import { loadDecisions } from '../../db/decision-repo';
import { loadEdits } from '../../db/review-repo';
import { useDocuments } from '../../stores/documents';
import { useFindings } from '../../stores/findings';
import { useReview } from '../../stores/review';
import type { DocumentEntry, FolderState } from '../../../../shared/ipc-contract';
import { checkDocument } from './checks-client';
import { openCount } from './findings-view';
import { useFindingKeys } from './use-finding-keys';

function useLiveChecks(): void {
  useEffect(() => {
    const feed = (): void => {
      const { doc, log } = useReview.getState();
      useFindings.getState().setInput(doc, log);
    };
    feed();
    return useReview.subscribe((s, prev) => {
      if (s.doc !== prev.doc || s.log !== prev.log) feed();
    });
  }, []);
}

function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout: 2000 });
  else setTimeout(task, 50);
}

/** Counts open findings of parsed documents one at a time, when the UI is idle, in the checks worker. */
function useBackgroundCounts(): void {
  useEffect(() => {
    const seen = new Set<string>();
    const queue: DocumentEntry[] = [];
    let busy = false;
    let stopped = false;

    async function count(entry: DocumentEntry): Promise<void> {
      const hash = entry.sha256!;
      const findings = useFindings.getState();
      // the open document is counted live, with its edits and decisions as they change
      if (findings.openFindings[hash] || findings.doc?.source.sha256 === hash) return;
      const doc = await invoke('document:extraction', { relativePath: entry.relativePath });
      const db = reviewDb();
      const [edits, decisions] = await Promise.all([loadEdits(db, doc.source.sha256), loadDecisions(db, doc.source.sha256)]);
      const { report } = await checkDocument(doc, edits, false);
      if (useFindings.getState().doc?.source.sha256 === doc.source.sha256) return;
      useFindings.getState().setOpenFindings(doc.source.sha256, openCount(report, new Map(decisions.map((d) => [d.findingId, d]))));
    }

    function pump(): void {
      if (busy || stopped) return;
      const next = queue.shift();
      if (!next) return;
      busy = true;
      whenIdle(() => {
        count(next)
          .catch(() => seen.delete(next.sha256!)) // counted again at the next folder change
          .finally(() => {
            busy = false;
            pump();
          });
      });
    }

    function enqueue(folder: FolderState | null): void {
      for (const entry of folder?.documents ?? []) {
        if (entry.status !== 'parsed' || !entry.sha256 || seen.has(entry.sha256)) continue;
        seen.add(entry.sha256);
        queue.push(entry);
      }
      pump();
    }

    // Counted after the folder's versions are reconciled, so edits moved onto a changed file count.
    enqueue(useDocuments.getState().reconciled);
    const unsubscribe = useDocuments.subscribe((s, prev) => {
      if (s.reconciled !== prev.reconciled) enqueue(s.reconciled);
    });
    return () => {
      stopped = true;
      unsubscribe();
    };
  }, []);
}

export function useFindingsWiring(): void {
  useLiveChecks();
  useBackgroundCounts();
  useFindingKeys();
}
