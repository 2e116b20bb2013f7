/** folder:review, folder:relations:set — the whole-folder review and the clerk's relation overrides. */
import type { FolderReviewService } from '../../folder/folder-review';
import type { HandlerMap } from '../handler-types';

export function folderReviewHandlers(deps: { folderReview: FolderReviewService }): HandlerMap<'folder:review' | 'folder:relations:set'> {
  return {
    'folder:review': () => deps.folderReview.review(),
    'folder:relations:set': (overrides) => deps.folderReview.setOverrides(overrides),
  };
}
