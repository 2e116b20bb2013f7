/**
 * Registers one ipcMain handler per contract command. Every call: the sender must be our own
 * page, the arguments pass the command's validator, and the reply is an IpcResult envelope so
 * errors reach the renderer as IpcErrorPayload (code + Chinese message), never as a stack trace.
 */
import type { CommandName, IpcResult } from '../../shared/ipc-contract';
import { COMMAND_NAMES } from '../../shared/ipc-contract';
import type { AllHandlers, Handler } from './handler-types';
import { IpcError, toIpcErrorPayload } from './ipc-error';
import { VALIDATORS } from './validators';

/** The part of Electron's IpcMainInvokeEvent we look at. */
export interface InvokeEvent {
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface RegisterOptions {
  /** true for frames of our own renderer (see security/navigation-policy) */
  isTrustedSender: (url: string) => boolean;
  log?: (message: string, error?: unknown) => void;
}

export async function dispatch<K extends CommandName>(command: K, handlers: AllHandlers, event: InvokeEvent, rawArgs: unknown, options: RegisterOptions): Promise<IpcResult<unknown>> {
  try {
    const url = event.senderFrame?.url;
    if (url === undefined || !options.isTrustedSender(url)) throw new IpcError('invalid-argument', '请求来源不受信任');
    const args = VALIDATORS[command](rawArgs);
    const handler = handlers[command] as Handler<K>;
    return { ok: true, value: await handler(args) };
  } catch (e) {
    if (!(e instanceof IpcError)) options.log?.(`command ${command} failed`, e);
    return { ok: false, error: toIpcErrorPayload(e) };
  }
}

/** Registers all handlers; returns a function that removes them. */
export function registerCommands(ipc: IpcMainLike, handlers: AllHandlers, options: RegisterOptions): () => void {
  for (const command of COMMAND_NAMES) {
    ipc.handle(command, (event, ...args) => dispatch(command, handlers, event, args[0], options));
  }
  return () => {
    for (const command of COMMAND_NAMES) ipc.removeHandler(command);
  };
}
