/** sync:* — the team-sync connection (stored by main; the password reaches the renderer for the session only). */
import type { SyncCredentialStore } from '../../settings/sync-credentials';
import type { HandlerMap } from '../handler-types';

export function syncHandlers(deps: { sync: SyncCredentialStore }): HandlerMap<'sync:get' | 'sync:set' | 'sync:connection'> {
  return {
    'sync:get': async () => deps.sync.view(),
    'sync:set': async (input) => deps.sync.update(input),
    'sync:connection': async () => deps.sync.connection(),
  };
}
