/**
 * When a file changes on disk, the documents store first moves its edits onto the new parse;
 * once that pass is done, the open document is reopened in its new version.
 */
import { useEffect } from 'react';
import { useDocuments } from '../stores/documents';
import { useWorkspace } from '../stores/workspace';

export function useFollowFileChanges(): void {
  useEffect(
    () =>
      useDocuments.subscribe((state, previous) => {
        if (state.reconciled && state.reconciled !== previous.reconciled) useWorkspace.getState().followFileChange(state.reconciled.documents);
      }),
    [],
  );
}
