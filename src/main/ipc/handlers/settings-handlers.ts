/** settings:* — the reviewer's name (the folder is changed through folder:choose). */
import type { Settings } from '../../../shared/ipc-contract';
import type { SettingsStore } from '../../settings/settings-store';
import type { HandlerMap } from '../handler-types';

export function settingsHandlers(deps: { settings: SettingsStore }): HandlerMap<'settings:get' | 'settings:set'> {
  const visible = (): Settings => ({ reviewerName: deps.settings.get().reviewerName });
  return {
    'settings:get': async () => visible(),
    'settings:set': async (change) => {
      // resolves once the change is on disk
      if (change.reviewerName !== undefined) await deps.settings.update({ reviewerName: change.reviewerName });
      return visible();
    },
  };
}
