/**
 * The renderer's whole view of the main process: `invoke` for the contract's commands and `on`
 * for its events, nothing else (never ipcRenderer itself). Channel names are checked against the
 * contract's allow-lists, replies are unwrapped from their IpcResult envelope, and failures reject
 * with the plain IpcErrorPayload (an Error would lose its fields crossing contextBridge).
 */
import type { CommandName, Commands, EventName, Events, IpcErrorPayload, IpcResult, ProofreaderApi, Unsubscribe } from '../shared/ipc-contract';
import { COMMAND_NAMES, EVENT_NAMES, isIpcErrorPayload } from '../shared/ipc-contract';

/** The part of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const COMMANDS: ReadonlySet<string> = new Set(COMMAND_NAMES);
const EVENTS: ReadonlySet<string> = new Set(EVENT_NAMES);

const bridgeError = (code: string, messageZh: string, message: string): IpcErrorPayload => ({ code, messageZh, message });

function isResult(value: unknown): value is IpcResult<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: unknown };
  return v.ok === true || (v.ok === false && isIpcErrorPayload(v.error));
}

export function createBridge(ipc: IpcRendererLike): ProofreaderApi {
  const api = {
    async invoke<K extends CommandName>(command: K, args: Commands[K]['args']): Promise<Commands[K]['result']> {
      if (!COMMANDS.has(command)) throw bridgeError('unknown-command', '未知的请求。', `Unknown command: ${String(command).slice(0, 64)}`);
      const reply = await ipc.invoke(command, args);
      if (!isResult(reply)) throw bridgeError('internal', '程序内部错误，请重试。', 'Malformed reply from the main process.');
      if (reply.ok) return reply.value as Commands[K]['result'];
      throw reply.error;
    },
    on<K extends EventName>(event: K, listener: (payload: Events[K]) => void): Unsubscribe {
      if (!EVENTS.has(event)) throw bridgeError('unknown-command', '未知的事件。', `Unknown event: ${String(event).slice(0, 64)}`);
      if (typeof listener !== 'function') throw bridgeError('invalid-argument', '请求参数无效。', 'listener must be a function');
      // The IpcRendererEvent (with its sender) never reaches the page.
      const wrapped = (_event: unknown, payload: unknown): void => listener(payload as Events[K]);
      ipc.on(event, wrapped);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(event, wrapped);
      };
    },
  } satisfies ProofreaderApi;
  return api;
}
