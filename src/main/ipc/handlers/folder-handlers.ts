/** folder:* — the watched folder and its document list. */
import type { SettingsStore } from '../../settings/settings-store';
import type { Workspace } from '../../workspace/workspace';
import type { Dialogs } from '../dialogs';
import type { HandlerMap } from '../handler-types';

export function folderHandlers(deps: { workspace: Workspace; settings: SettingsStore; dialogs: Dialogs }): HandlerMap<'folder:state' | 'folder:choose'> {
  return {
    'folder:state': async () => deps.workspace.state(),
    'folder:choose': async () => {
      const current = deps.settings.get().folder ?? undefined;
      const chosen = await deps.dialogs.chooseDirectory({ title: '选择要校对的文件夹', defaultPath: current });
      if (chosen && chosen !== deps.workspace.state().folder) {
        await deps.settings.update({ folder: chosen });
        await deps.workspace.setFolder(chosen);
      }
      return deps.workspace.state();
    },
  };
}
