/**
 * Electron shell: wires the tested modules to app, BrowserWindow, ipcMain, dialog, protocol and
 * session. No logic of its own beyond start-up order.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import type { WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventName, Events } from '../shared/ipc-contract';
import { samplesFolder } from './app-paths';
import type { Dialogs } from './ipc/dialogs';
import { ExportGrants } from './ipc/export-grants';
import { createHandlers } from './ipc/handlers';
import { registerCommands } from './ipc/register';
import type { IpcMainLike } from './ipc/register';
import { resolveAppAsset } from './security/app-protocol';
import { contentSecurityPolicy, syncOriginOf, withSecurityHeaders } from './security/csp';
import { hardenSession, hardenWebContents } from './security/harden';
import type { SessionLike, WebContentsLike } from './security/harden';
import { APP_ENTRY_URL, APP_SCHEME, isAppUrl } from './security/origin';
import type { RendererOrigin } from './security/origin';
import { mainWindowOptions } from './security/window-options';
import { startServices } from './services';
import type { Services } from './services';

const log = (message: string, error?: unknown): void => console.error(`[main] ${message}`, error ?? '');

const devServerUrl = !app.isPackaged ? (process.env.ELECTRON_RENDERER_URL ?? null) : null;
const origin: RendererOrigin = { devServerOrigin: devServerUrl ? new URL(devServerUrl).origin : null };
/** The CSP of the next page load: the team database (sync settings) is the one remote it may fetch. */
const csp = (): string => contentSecurityPolicy({ ...origin, syncOrigin: syncOriginOf(services?.sync.connection()?.url) });
const rendererDir = join(import.meta.dirname, '../renderer');

app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);

let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;

function sendEvent<K extends EventName>(contents: WebContents | undefined, name: K, payload: Events[K]): void {
  if (contents && !contents.isDestroyed()) contents.send(name, payload);
}

function electronDialogs(): Dialogs {
  const parent = (): BrowserWindow | undefined => mainWindow ?? undefined;
  const withParent = <T>(show: (win: BrowserWindow | undefined) => Promise<T>): Promise<T> => show(parent());
  return {
    chooseDirectory: ({ title, defaultPath }) =>
      withParent(async (win) => {
        const options = { title, defaultPath, properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
        const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
        return r.canceled ? null : (r.filePaths[0] ?? null);
      }),
    chooseSavePath: ({ title, defaultPath, filters }) =>
      withParent(async (win) => {
        const r = win ? await dialog.showSaveDialog(win, { title, defaultPath, filters }) : await dialog.showSaveDialog({ title, defaultPath, filters });
        return r.canceled ? null : (r.filePath ?? null);
      }),
    chooseOpenFile: ({ title, filters }) =>
      withParent(async (win) => {
        const options = { title, filters, properties: ['openFile'] as 'openFile'[] };
        const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
        return r.canceled ? null : (r.filePaths[0] ?? null);
      }),
  };
}

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const asset = resolveAppAsset(rendererDir, request.url);
    if (asset.status !== 200) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(asset.path);
      const headers = withSecurityHeaders({ 'Content-Type': asset.contentType }, csp());
      return new Response(body, { status: 200, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.join(', ')])) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function createWindow(): void {
  const options = mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs'));
  const win = new BrowserWindow({
    ...options,
    // Restated literally (same values as the tested mainWindowOptions) so static checkers such as
    // electronegativity can see them at the constructor.
    webPreferences: { ...options.webPreferences, contextIsolation: true, nodeIntegration: false, sandbox: true, webSecurity: true, disableBlinkFeatures: 'Auxclick' },
  });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.webContents.on('render-process-gone', (_event, details) => {
    log(`renderer gone (${details.reason}); reloading`);
    if (details.reason !== 'clean-exit' && !win.isDestroyed()) void win.loadURL(devServerUrl ?? APP_ENTRY_URL);
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(devServerUrl ?? APP_ENTRY_URL);
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession as unknown as SessionLike, origin, csp);
  serveRenderer();
  services = await startServices({
    userData: app.getPath('userData'),
    samplesFolder: samplesFolder({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() }),
    workerEntry: new URL('./parse-worker.js', import.meta.url),
    folderReviewWorkerEntry: new URL('./folder-review-worker.js', import.meta.url),
    log,
    cipher: safeStorage,
  });
  const handlers = createHandlers({
    workspace: services.workspace,
    settings: services.settings,
    sync: services.sync,
    dialogs: electronDialogs(),
    grants: new ExportGrants(),
    defaultSaveDirectory: app.getPath('documents'),
  });
  registerCommands(ipcMain as unknown as IpcMainLike, handlers, { isTrustedSender: (url) => isAppUrl(url, origin), log });
  services.workspace.onChange((state) => sendEvent(mainWindow?.webContents, 'folder:changed', state));
  services.workspace.onProgress((event) => sendEvent(mainWindow?.webContents, 'document:progress', event));
  // A page's CSP is fixed when it loads: a new team database origin takes a reload (edits are
  // already durable in IndexedDB, so nothing is lost).
  services.sync.onUrlChange((before, after) => {
    if (syncOriginOf(before) !== syncOriginOf(after) && mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.reload();
  });
  createWindow();
}

if (!app.requestSingleInstanceLock()) {
  // A second instance would race the first on the cache and settings: hand over and quit.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents as unknown as WebContentsLike, origin, log));
  app.whenReady().then(start).catch((e: unknown) => log('start-up failed', e));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void services?.close();
  });
}
