import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../shared/ipc-contract';
import { COMMAND_NAMES } from '../../shared/ipc-contract';
import type { Dialogs } from './dialogs';
import { ExportGrants } from './export-grants';
import type { AllHandlers } from './handler-types';
import { fileHandlers } from './handlers/file-handlers';
import type { InvokeEvent, IpcMainLike } from './register';
import { registerCommands } from './register';

type Listener = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.listeners.delete(channel);
  }
  invoke(channel: string, args: unknown, url = 'app://renderer/index.html'): Promise<IpcResult<unknown>> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener({ senderFrame: { url } }, args) as Promise<IpcResult<unknown>>;
  }
}

let exportDir: string;
let outsideDir: string;
beforeAll(async () => {
  exportDir = await mkdtemp(join(tmpdir(), 'export-'));
  outsideDir = await mkdtemp(join(tmpdir(), 'outside-'));
});
afterAll(async () => {
  await rm(exportDir, { recursive: true, force: true });
  await rm(outsideDir, { recursive: true, force: true });
});

const dialogs: Dialogs = {
  chooseDirectory: async () => exportDir,
  chooseSavePath: async ({ defaultPath }) => join(outsideDir, defaultPath.split('/').pop()!),
  chooseOpenFile: async () => null,
};

function setup(overrides: Partial<AllHandlers> = {}): { ipc: FakeIpcMain; logged: unknown[] } {
  const ipc = new FakeIpcMain();
  const logged: unknown[] = [];
  const fail = async (): Promise<never> => {
    throw new Error('should not be called in this test');
  };
  const handlers = {
    'folder:state': async () => ({ folder: null, available: false, documents: [] }),
    'folder:choose': fail,
    'document:extraction': fail,
    'document:source': fail,
    'document:reparse': fail,
    'document:cancel': fail,
    'settings:get': async () => ({ reviewerName: '张三' }),
    'settings:set': fail,
    'sync:get': fail,
    'sync:set': fail,
    'sync:connection': fail,
    'folder:review': fail,
    'folder:relations:set': fail,
    ...fileHandlers({ dialogs, grants: new ExportGrants(), defaultSaveDirectory: outsideDir }),
    ...overrides,
  } satisfies AllHandlers;
  registerCommands(ipc, handlers, { isTrustedSender: (url) => url.startsWith('app://renderer/'), log: (_m, e) => logged.push(e) });
  return { ipc, logged };
}

describe('registerCommands', () => {
  it('registers exactly the contract commands and unregisters them', () => {
    const ipc = new FakeIpcMain();
    const unregister = registerCommands(ipc, {} as AllHandlers, { isTrustedSender: () => true });
    expect([...ipc.listeners.keys()].sort()).toEqual([...COMMAND_NAMES].sort());
    unregister();
    expect(ipc.listeners.size).toBe(0);
  });

  it('answers with an ok envelope', async () => {
    const { ipc } = setup();
    expect(await ipc.invoke('settings:get', undefined)).toEqual({ ok: true, value: { reviewerName: '张三' } });
  });

  it('refuses calls from a frame that is not our page', async () => {
    const { ipc } = setup();
    const result = await ipc.invoke('settings:get', undefined, 'https://evil.example/');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('refuses invalid arguments before the handler runs, with a Chinese message', async () => {
    const { ipc } = setup();
    const result = await ipc.invoke('document:source', { relativePath: '../../etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'path-outside-folder' } });
    if (!result.ok) expect(result.error.messageZh).toContain('只能读取所选文件夹内的文件');
  });

  it('turns an unexpected failure into a generic internal error without details', async () => {
    const { ipc, logged } = setup({
      'folder:state': async () => {
        throw new Error('secret /home/user/path in a stack');
      },
    });
    const result = await ipc.invoke('folder:state', undefined);
    expect(result).toEqual({ ok: false, error: { code: 'internal', messageZh: '程序内部错误，请重试。', message: 'Internal error; please retry.' } });
    expect(logged).toHaveLength(1);
  });
});

describe('export through a directory token', () => {
  it('writes a sanitised file into the chosen directory only', async () => {
    const { ipc } = setup();
    const chosen = await ipc.invoke('export:chooseDirectory', undefined);
    if (!chosen.ok || !chosen.value) throw new Error('no token');
    const { token } = chosen.value as { token: string };
    const bytes = new TextEncoder().encode('{"a":1}');

    const written = await ipc.invoke('export:writeFile', { token, name: '../../逃逸.json', bytes });
    expect(written).toEqual({ ok: true, value: { path: join(exportDir, '逃逸.json') } });
    expect(await readFile(join(exportDir, '逃逸.json'), 'utf8')).toBe('{"a":1}');
    expect(await readdir(outsideDir)).toEqual([]);

    expect(await ipc.invoke('export:writeFile', { token, name: 'run.exe', bytes })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await ipc.invoke('export:writeFile', { token: '0f8fad5b-d9cb-469f-a165-70867728950e', name: 'a.json', bytes })).toMatchObject({ ok: false, error: { code: 'invalid-token' } });
  });

  it('file:save writes where the user chose, adding the extension', async () => {
    const { ipc } = setup();
    const result = await ipc.invoke('file:save', { suggestedName: '校对结果', kind: 'json', bytes: new Uint8Array([123, 125]) });
    expect(result).toEqual({ ok: true, value: { path: join(outsideDir, '校对结果.json') } });
    expect(await readFile(join(outsideDir, '校对结果.json'), 'utf8')).toBe('{}');
  });
});
