import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, EVENT_NAMES } from '../shared/ipc-contract';
import type { CommandName, EventName } from '../shared/ipc-contract';
import type { IpcRendererLike } from './bridge';
import { createBridge } from './bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

class FakeIpcRenderer implements IpcRendererLike {
  readonly calls: [string, unknown[]][] = [];
  readonly listeners = new Map<string, Set<Listener>>();
  constructor(private readonly reply: (channel: string, args: unknown[]) => unknown) {}
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.calls.push([channel, args]);
    return this.reply(channel, args);
  }
  on(channel: string, listener: Listener): void {
    if (!this.listeners.has(channel)) this.listeners.set(channel, new Set());
    this.listeners.get(channel)!.add(listener);
  }
  removeListener(channel: string, listener: Listener): void {
    this.listeners.get(channel)?.delete(listener);
  }
  emit(channel: string, payload: unknown): void {
    for (const l of this.listeners.get(channel) ?? []) l({ sender: 'ipc internals' }, payload);
  }
}

describe('preload bridge', () => {
  it('invokes allow-listed commands and unwraps the reply', async () => {
    const ipc = new FakeIpcRenderer(() => ({ ok: true, value: { reviewerName: '张三' } }));
    const api = createBridge(ipc);
    expect(await api.invoke('settings:get', undefined)).toEqual({ reviewerName: '张三' });
    expect(ipc.calls).toEqual([['settings:get', [undefined]]]);
  });

  it('rejects with the plain error payload so the UI can show the Chinese message', async () => {
    const error = { code: 'path-outside-folder', messageZh: '只能读取所选文件夹内的文件。', message: 'Only files inside the chosen folder can be read.' };
    const api = createBridge(new FakeIpcRenderer(() => ({ ok: false, error })));
    await expect(api.invoke('document:source', { relativePath: '../x.pdf' })).rejects.toEqual(error);
  });

  it('refuses channels outside the contract without touching ipc', async () => {
    const ipc = new FakeIpcRenderer(() => ({ ok: true, value: null }));
    const api = createBridge(ipc);
    await expect(api.invoke('fs:readFile' as CommandName, undefined as never)).rejects.toMatchObject({ code: 'unknown-command' });
    expect(() => api.on('ELECTRON_BROWSER_REQUIRE' as EventName, () => undefined)).toThrow();
    expect(ipc.calls).toEqual([]);
    expect(ipc.listeners.size).toBe(0);
  });

  it('reports a malformed reply as an internal error', async () => {
    const api = createBridge(new FakeIpcRenderer(() => 'surprise'));
    await expect(api.invoke('folder:state', undefined)).rejects.toMatchObject({ code: 'internal' });
  });

  it('delivers events without the ipc event object, and on() returns a working unsubscribe', () => {
    const ipc = new FakeIpcRenderer(() => null);
    const api = createBridge(ipc);
    const received: unknown[][] = [];
    const off = api.on('document:progress', (...args: unknown[]) => received.push(args));
    ipc.emit('document:progress', { relativePath: 'a.pdf', progress: 0.5 });
    off();
    off();
    ipc.emit('document:progress', { relativePath: 'a.pdf', progress: 1 });
    expect(received).toEqual([[{ relativePath: 'a.pdf', progress: 0.5 }]]);
    expect(ipc.listeners.get('document:progress')?.size).toBe(0);
  });

  it('covers every command and event of the contract', () => {
    expect(new Set(COMMAND_NAMES).size).toBe(COMMAND_NAMES.length);
    expect(EVENT_NAMES).toEqual(['folder:changed', 'document:progress']);
  });
});
