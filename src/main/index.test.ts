/**
 * The Electron shell with a stand-in `electron` module (the binary is not available here): proves
 * the start-up wiring — secure window, app:// protocol with CSP, every contract command
 * registered and guarded by the sender check, hardening hooks installed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES } from '../shared/ipc-contract';
import { waitFor } from '../../tests/faults/helpers/wait';

type Listener = (...args: unknown[]) => unknown;

const stub = vi.hoisted(() => {
  const state = {
    userData: '',
    appPath: '',
    windows: [] as { options: Record<string, unknown>; loaded: string[]; reloads: number }[],
    ipcHandlers: new Map<string, Listener>(),
    protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
    privileged: [] as unknown[],
    appEvents: new Map<string, Listener>(),
    sandboxEnabled: false,
    headersHook: null as Listener | null,
    permissionHandler: null as Listener | null,
  };
  class BrowserWindow {
    readonly record: { options: Record<string, unknown>; loaded: string[]; reloads: number };
    readonly webContents = { on: (): void => undefined, send: (): void => undefined, isDestroyed: (): boolean => false, reload: (): void => void this.record.reloads++ };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [], reloads: 0 };
      state.windows.push(this.record);
    }
    once(): void {}
    on(): void {}
    isDestroyed(): boolean {
      return false;
    }
    loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  }
  const electron = {
    app: {
      isPackaged: false,
      enableSandbox: () => {
        state.sandboxEnabled = true;
      },
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: Listener) => state.appEvents.set(event, listener),
      whenReady: () => Promise.resolve(),
      getPath: (name: string) => (name === 'userData' ? state.userData : join(state.userData, name)),
      getAppPath: () => state.appPath,
      quit: () => undefined,
    },
    BrowserWindow,
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) },
    ipcMain: {
      handle: (channel: string, listener: Listener) => state.ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => state.ipcHandlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privileged.push(...schemes),
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => state.protocolHandlers.set(scheme, handler),
    },
    // no OS keychain (a Linux desktop without a keyring): sync passwords stay in memory
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: () => {
        throw new Error('encryption unavailable');
      },
      decryptString: () => {
        throw new Error('encryption unavailable');
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => {
          state.permissionHandler = h;
        },
        setPermissionCheckHandler: () => undefined,
        webRequest: {
          onHeadersReceived: (h: Listener) => {
            state.headersHook = h;
          },
        },
      },
    },
  };
  return { state, electron };
});

vi.mock('electron', () => stub.electron);

describe('Electron shell (src/main/index.ts)', () => {
  beforeAll(async () => {
    stub.state.userData = await mkdtemp(join(tmpdir(), 'shell-userdata-'));
    stub.state.appPath = await mkdtemp(join(tmpdir(), 'shell-app-')); // no samples: nothing to parse
    await import('./index');
    await waitFor(() => stub.state.windows.length === 1, 'main window created', 30_000);
  });
  afterAll(async () => {
    await stub.state.appEvents.get('will-quit')?.();
    await rm(stub.state.userData, { recursive: true, force: true });
    await rm(stub.state.appPath, { recursive: true, force: true });
  });

  it('opens one sandboxed, isolated window on app://renderer', () => {
    const [win] = stub.state.windows;
    expect(win!.options.webPreferences).toMatchObject({ contextIsolation: true, nodeIntegration: false, sandbox: true, webSecurity: true, webviewTag: false });
    expect(String((win!.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(win!.loaded).toEqual(['app://renderer/index.html']);
    expect(stub.state.sandboxEnabled).toBe(true);
  });

  it('registers exactly the contract commands, answering only our own page', async () => {
    expect([...stub.state.ipcHandlers.keys()].sort()).toEqual([...COMMAND_NAMES].sort());
    const folderState = stub.state.ipcHandlers.get('folder:state')!;
    expect(await folderState({ senderFrame: { url: 'app://renderer/index.html' } }, undefined)).toEqual({ ok: true, value: { folder: null, available: false, documents: [] } });
    expect(await folderState({ senderFrame: { url: 'https://evil.example/' } }, undefined)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('serves the renderer over a privileged app:// scheme with the CSP header, nothing outside it', async () => {
    expect(stub.state.privileged).toMatchObject([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    const handler = stub.state.protocolHandlers.get('app')!;
    const page = await handler({ url: 'app://renderer/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await handler({ url: 'app://renderer/..%2f..%2fpackage.json' })).status).toBe(404);
    expect((await handler({ url: 'app://renderer/missing.js' })).status).toBe(404);
  });

  it('admits the team database in the CSP once it is configured, and reloads the page for it', async () => {
    const from = { senderFrame: { url: 'app://renderer/index.html' } };
    const headersNow = (): string => {
      let headers: Record<string, string[]> = {};
      stub.state.headersHook!({ responseHeaders: {} }, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders));
      return headers['Content-Security-Policy']![0]!;
    };
    expect(headersNow()).not.toContain('couch.example');
    const set = stub.state.ipcHandlers.get('sync:set')!;
    expect(await set(from, { url: 'https://couch.example.gov.cn:6984/budget', username: '张三', password: 'pw' })).toMatchObject({ ok: true });
    expect(headersNow()).toContain('connect-src \'self\' blob: https://couch.example.gov.cn:6984;');
    const page = await stub.state.protocolHandlers.get('app')!({ url: 'app://renderer/index.html' });
    expect(page.headers.get('content-security-policy')).toContain('https://couch.example.gov.cn:6984');
    expect(stub.state.windows[0]!.reloads).toBe(1);
    await set(from, { url: '', username: '' });
    expect(headersNow()).not.toContain('couch.example');
    expect(stub.state.windows[0]!.reloads).toBe(2);
  });

  it('installs the hardening hooks on the session and on every web contents', () => {
    let headers: Record<string, string[]> = {};
    stub.state.headersHook!({ responseHeaders: {} }, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']?.[0]).toContain("object-src 'none'");
    let granted: boolean | null = null;
    stub.state.permissionHandler!(null, 'media', (g: boolean) => (granted = g), { requestingUrl: 'app://renderer/' });
    expect(granted).toBe(false);

    let openHandler: ((d: { url: string }) => unknown) | null = null;
    const events = new Map<string, Listener>();
    const contents = { setWindowOpenHandler: (h: (d: { url: string }) => unknown) => (openHandler = h), on: (e: string, l: Listener) => events.set(e, l) };
    stub.state.appEvents.get('web-contents-created')!({}, contents);
    expect(openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    let prevented = false;
    events.get('will-navigate')!({ preventDefault: () => (prevented = true) }, 'https://evil.example/');
    expect(prevented).toBe(true);
  });
});
