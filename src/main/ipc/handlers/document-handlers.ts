/** document:* — parsed results and source bytes of files in the watched folder. */
import type { Workspace } from '../../workspace/workspace';
import type { HandlerMap } from '../handler-types';

export function documentHandlers(deps: { workspace: Workspace }): HandlerMap<'document:extraction' | 'document:source' | 'document:reparse' | 'document:cancel'> {
  return {
    'document:extraction': ({ relativePath }) => deps.workspace.extraction(relativePath),
    'document:source': ({ relativePath }) => deps.workspace.source(relativePath),
    'document:reparse': async ({ relativePath }) => {
      await deps.workspace.reparse(relativePath);
      return undefined;
    },
    'document:cancel': async ({ relativePath }) => {
      deps.workspace.cancel(relativePath);
      return undefined;
    },
  };
}
