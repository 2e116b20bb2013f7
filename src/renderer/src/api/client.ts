/**
 * The renderer's only way to the outside: the ProofreaderApi of src/shared/ipc-contract.ts, from
 * the Electron preload (`window.proofreader`) or, in browser mode (end-to-end tests), from the
 * browser bridge. Components and stores call `invoke`/`on` here, never the global itself.
 */
import type { CommandName, Commands, EventName, Events, ProofreaderApi, Unsubscribe } from '../../../shared/ipc-contract';
import { API_GLOBAL } from '../../../shared/ipc-contract';

let api: ProofreaderApi | null = null;

/** Picks the API for this environment; call once before rendering. */
export async function initApi(): Promise<ProofreaderApi> {
  if (api) return api;
  const fromPreload = (globalThis as Record<string, unknown>)[API_GLOBAL] as ProofreaderApi | undefined;
  if (fromPreload) {
    api = fromPreload;
  } else if (import.meta.env.MODE === 'browser') {
    // Only the browser-mode build contains the bridge (the condition is constant at build time).
    const { createBrowserBridge } = await import('../bridge/browser-bridge');
    api = createBrowserBridge();
  } else {
    throw new Error(`window.${API_GLOBAL} is missing: the preload did not run`);
  }
  return api;
}

/** For tests: use a given implementation. */
export function setApi(impl: ProofreaderApi): void {
  api = impl;
}

function current(): ProofreaderApi {
  if (!api) throw new Error('initApi() has not run');
  return api;
}

export function invoke<K extends CommandName>(command: K, args: Commands[K]['args']): Promise<Commands[K]['result']> {
  return current().invoke(command, args);
}

export function on<K extends EventName>(event: K, listener: (payload: Events[K]) => void): Unsubscribe {
  return current().on(event, listener);
}
