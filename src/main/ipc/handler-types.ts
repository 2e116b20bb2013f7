/** Handler signatures, typed against the contract: one map per domain, joined in handlers/index.ts. */
import type { CommandName, Commands } from '../../shared/ipc-contract';

export type Handler<K extends CommandName> = (args: Commands[K]['args']) => Promise<Commands[K]['result']>;
export type HandlerMap<K extends CommandName> = { [P in K]: Handler<P> };
export type AllHandlers = HandlerMap<CommandName>;
