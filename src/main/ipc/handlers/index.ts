/** All command handlers, one module per domain, joined into the full contract map. */
import { FolderReviewService, folderReviewOf } from '../../folder/folder-review';
import type { SettingsStore } from '../../settings/settings-store';
import type { Workspace } from '../../workspace/workspace';
import type { Dialogs } from '../dialogs';
import type { ExportGrants } from '../export-grants';
import type { AllHandlers } from '../handler-types';
import { documentHandlers } from './document-handlers';
import { fileHandlers } from './file-handlers';
import { folderHandlers } from './folder-handlers';
import { folderReviewHandlers } from './folder-review-handlers';
import { settingsHandlers } from './settings-handlers';
import { syncHandlers } from './sync-handlers';
import type { SyncCredentialStore } from '../../settings/sync-credentials';

export interface HandlerDeps {
  workspace: Workspace;
  settings: SettingsStore;
  sync: SyncCredentialStore;
  dialogs: Dialogs;
  grants: ExportGrants;
  defaultSaveDirectory: string;
  /** the whole-folder review; by default the one startServices attached to the workspace */
  folderReview?: FolderReviewService;
}

export function createHandlers(deps: HandlerDeps): AllHandlers {
  const folderReview = deps.folderReview ?? folderReviewOf(deps.workspace) ?? FolderReviewService.inMemory({ workspace: deps.workspace, storeDir: null });
  return {
    ...folderReviewHandlers({ folderReview }),
    ...folderHandlers(deps),
    ...documentHandlers(deps),
    ...settingsHandlers(deps),
    ...fileHandlers(deps),
    ...syncHandlers(deps),
  };
}
