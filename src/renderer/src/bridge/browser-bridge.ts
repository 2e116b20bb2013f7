/**
 * Browser mode (end-to-end tests, plain Chromium): the ProofreaderApi implemented in the page.
 * The "folder" is served over HTTP (see manifest.ts) and polled so a copied-in file appears;
 * PDFs are hashed with WebCrypto and parsed by the core extractor in a Web Worker; settings live
 * in localStorage. Parse results are cached per content hash, so an unchanged file is parsed once.
 */
import { DocumentError, serializeError, type SerializedDocumentError } from '../../../core/errors';
import type { FolderDocument } from '../../../core/folder/model';
import type { RelationKind, RelationOverrides } from '../../../core/folder/relations';
import type { ExtractedDocument } from '../../../core/model';
import type {
  CommandName,
  Commands,
  DocumentEntry,
  EventName,
  Events,
  FolderReviewResult,
  FolderState,
  IpcErrorPayload,
  ProofreaderApi,
  Settings,
  SourceFormat,
  SyncConnection,
  Unsubscribe,
} from '../../../shared/ipc-contract';
import { fetchFile, fetchManifest, type ManifestFile } from './manifest';
import type { ParseReply, ParseRequest } from './worker-protocol';

export interface BrowserBridgeOptions {
  /** URL of the served folder (its manifest.json and files/) */
  folderUrl: string;
  /** URL of pdf.js's cmaps/ and standard_fonts/ */
  pdfjsAssetsUrl: string;
  pollMs: number;
  /**
   * URL of the export directory (batch export): `GET <url>directory` names it, `PUT <url>files/<name>`
   * writes one workbook into it. Without such an endpoint, choosing a directory is refused.
   */
  exportUrl: string;
  /** a team-sync database to start with (end-to-end tests: `?sync=<url>`); '' = sync off */
  syncUrl?: string;
}

const SETTINGS_KEY = 'proofreader.settings';
/** the clerk's relation overrides per folder: {"<folder>": {pairs, unpairs}} */
const RELATIONS_KEY = 'proofreader.folder-relations';
const RELATION_KINDS: readonly RelationKind[] = ['versions', 'department-unit', 'year-over-year'];
const DEFAULT_SETTINGS: Settings = { reviewerName: '' };

const FORMATS: Record<string, SourceFormat> = { pdf: 'pdf', docx: 'docx', xlsx: 'xlsx', xls: 'xls' };

function formatOf(relativePath: string): SourceFormat | null {
  const ext = /\.([^./]+)$/.exec(relativePath)?.[1]?.toLowerCase() ?? '';
  return FORMATS[ext] ?? null;
}

async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Errors as Electron's main process sends them (IpcErrorPayload), for the UI's Chinese message. */
function ipcError(code: string, messageZh: string, message: string): IpcErrorPayload {
  return { code, messageZh, message };
}

function isSerialized(e: unknown): e is SerializedDocumentError {
  return typeof e === 'object' && e !== null && !(e instanceof Error) && 'code' in e && 'messageZh' in e;
}

interface Tracked {
  entry: DocumentEntry;
  /** resolves with the extraction of the current version (rejects with its error) */
  result: Promise<ExtractedDocument> | null;
}

type Listeners = { [K in EventName]: Set<(payload: Events[K]) => void> };

export function defaultBridgeOptions(): BrowserBridgeOptions {
  const params = new URLSearchParams(location.search);
  return {
    folderUrl: new URL(params.get('folder') ?? '/__folder/', location.href).href,
    pdfjsAssetsUrl: new URL('pdfjs/', location.href).href,
    pollMs: Number(params.get('poll') ?? 1000),
    exportUrl: new URL(params.get('export') ?? '/__export/', location.href).href,
    syncUrl: params.get('sync') ? new URL(params.get('sync')!, location.href).href : '',
  };
}

export function createBrowserBridge(options: BrowserBridgeOptions = defaultBridgeOptions()): ProofreaderApi {
  const tracked = new Map<string, Tracked>();
  const extractions = new Map<string, ExtractedDocument>();
  const bytesByHash = new Map<string, Uint8Array>();
  const exportTokens = new Set<string>();
  const listeners: Listeners = { 'folder:changed': new Set(), 'document:progress': new Set() };
  let folderName: string | null = null;
  let available = false;
  let syncConnection: SyncConnection = { url: options.syncUrl ?? '', username: '', password: '' };
  let worker: Worker | null = null;
  let nextRequest = 1;
  const pending = new Map<number, { resolve: (d: ExtractedDocument) => void; reject: (e: unknown) => void; onProgress: (p: number) => void }>();
  /** parses run one at a time, in the order files were found */
  let queue: Promise<unknown> = Promise.resolve();
  /** files whose parse the reviewer cancelled (until they are enqueued again) */
  const cancelled = new Set<string>();
  /** the worker request parsing each file, while it runs */
  const running = new Map<string, number>();

  function emit<K extends EventName>(event: K, payload: Events[K]): void {
    for (const listener of listeners[event]) (listener as (p: Events[K]) => void)(payload);
  }

  function state(): FolderState {
    const documents = [...tracked.values()].map((t) => ({ ...t.entry })).sort((a, b) => a.relativePath.localeCompare(b.relativePath, 'zh-CN'));
    return { folder: folderName, available, documents };
  }

  function changed(): void {
    emit('folder:changed', state());
  }

  function parseWorker(): Worker {
    if (worker) return worker;
    worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<ParseReply>) => {
      const reply = event.data;
      const request = pending.get(reply.id);
      if (!request) return;
      if (reply.type === 'progress') {
        request.onProgress(reply.total > 0 ? reply.done / reply.total : 0);
        return;
      }
      pending.delete(reply.id);
      if (reply.type === 'done') request.resolve(reply.doc);
      else request.reject(reply.error);
    });
    worker.addEventListener('error', (event) => {
      // A crashed worker fails every request in flight; the next parse starts a new one.
      for (const request of pending.values()) request.reject(new DocumentError('parser-crashed', event.message).toJSON());
      pending.clear();
      worker = null;
    });
    return worker;
  }

  function parseInWorker(path: string, sha256: string, data: Uint8Array, onProgress: (p: number) => void): Promise<ExtractedDocument> {
    return new Promise<ExtractedDocument>((resolve, reject) => {
      const id = nextRequest++;
      running.set(path, id);
      pending.set(id, { resolve, reject, onProgress });
      const copy = data.slice();
      const request: ParseRequest = { type: 'parse', id, path, sha256, data: copy, pdfjsAssetsUrl: options.pdfjsAssetsUrl };
      parseWorker().postMessage(request, [copy.buffer]);
    }).finally(() => running.delete(path));
  }

  /** Stops a file's parse: a running one by stopping the worker (the next parse starts another). */
  function cancel(relativePath: string): void {
    const t = tracked.get(relativePath);
    if (!t || (t.entry.status !== 'queued' && t.entry.status !== 'parsing')) return;
    cancelled.add(relativePath);
    const id = running.get(relativePath);
    const request = id === undefined ? undefined : pending.get(id);
    if (id !== undefined && request) {
      pending.delete(id);
      worker?.terminate();
      worker = null;
      request.reject(new DocumentError('cancelled').toJSON());
    } else {
      update(relativePath, { status: 'error', progress: 0, error: new DocumentError('cancelled').toJSON() });
      changed();
    }
  }

  function update(relativePath: string, patch: Partial<DocumentEntry>): DocumentEntry | null {
    const t = tracked.get(relativePath);
    if (!t) return null;
    t.entry = { ...t.entry, ...patch };
    return t.entry;
  }

  async function parse(relativePath: string): Promise<ExtractedDocument> {
    const t = tracked.get(relativePath);
    if (!t) throw new DocumentError('vanished').toJSON();
    try {
      const data = await fetchFile(options.folderUrl, relativePath).catch(() => {
        throw new DocumentError('vanished');
      });
      const sha256 = await sha256Hex(data);
      bytesByHash.set(sha256, data);
      update(relativePath, { sha256, size: data.length });
      if (cancelled.has(relativePath)) throw new DocumentError('cancelled');
      const cached = extractions.get(sha256);
      if (cached) {
        update(relativePath, { status: 'parsed', progress: 1, tableCount: cached.tables.length, pageCount: cached.source.pages, error: null });
        changed();
        return cached;
      }
      update(relativePath, { status: 'parsing', progress: 0 });
      changed();
      const doc = await parseInWorker(relativePath, sha256, data, (progress) => {
        update(relativePath, { progress });
        emit('document:progress', { relativePath, progress });
      });
      extractions.set(sha256, doc);
      update(relativePath, { status: 'parsed', progress: 1, tableCount: doc.tables.length, pageCount: doc.source.pages, error: null });
      changed();
      return doc;
    } catch (error) {
      // Worker replies are already serialized; anything thrown here is serialized now.
      const serialized = isSerialized(error) ? error : serializeError(error);
      update(relativePath, { status: 'error', progress: 0, error: serialized });
      changed();
      throw serialized;
    }
  }

  function enqueue(relativePath: string): void {
    const t = tracked.get(relativePath);
    if (!t) return;
    cancelled.delete(relativePath);
    const result = queue.then(() => parse(relativePath));
    result.catch(() => undefined); // reported through the entry's status
    queue = result.catch(() => undefined);
    t.result = result;
  }

  function track(file: ManifestFile, format: SourceFormat): void {
    const name = file.relativePath.split('/').pop() ?? file.relativePath;
    const entry: DocumentEntry = {
      relativePath: file.relativePath,
      name,
      format,
      size: file.size,
      mtimeMs: file.mtimeMs,
      sha256: null,
      status: 'queued',
      progress: 0,
      error: null,
      tableCount: null,
      pageCount: null,
    };
    tracked.set(file.relativePath, { entry, result: null });
    enqueue(file.relativePath);
  }

  async function refresh(): Promise<void> {
    let files: ManifestFile[];
    try {
      const manifest = await fetchManifest(options.folderUrl);
      folderName = manifest.folder;
      files = manifest.files;
      if (!available) {
        available = true;
        changed();
      }
    } catch {
      if (available) {
        available = false;
        changed();
      }
      return;
    }
    let dirty = false;
    const seen = new Set<string>();
    for (const file of files) {
      const format = formatOf(file.relativePath);
      if (!format) continue;
      seen.add(file.relativePath);
      const known = tracked.get(file.relativePath);
      if (known && known.entry.size === file.size && known.entry.mtimeMs === file.mtimeMs) continue;
      if (known) update(file.relativePath, { size: file.size, mtimeMs: file.mtimeMs, status: 'queued', progress: 0 });
      if (known) enqueue(file.relativePath);
      else track(file, format);
      dirty = true;
    }
    for (const path of [...tracked.keys()]) {
      if (!seen.has(path)) {
        tracked.delete(path);
        dirty = true;
      }
    }
    if (dirty) changed();
  }

  let refreshing: Promise<void> | null = null;
  function refreshOnce(): Promise<void> {
    refreshing ??= refresh().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }
  const firstRefresh = refreshOnce();
  setInterval(() => void refreshOnce(), options.pollMs);

  function readSettings(): Settings {
    try {
      const raw = localStorage.getItem(SETTINGS_KEY);
      return raw ? { ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as Partial<Settings>) } : { ...DEFAULT_SETTINGS };
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
  }

  async function extraction(relativePath: string): Promise<ExtractedDocument> {
    await firstRefresh;
    const t = tracked.get(relativePath);
    if (!t?.result) throw new DocumentError('vanished').toJSON();
    return t.result;
  }

  /** The page's own file picker stands in for the open dialog; null when the user cancels it. */
  function pickTextFile(accept: string): Promise<{ name: string; text: string } | null> {
    return new Promise((resolve, reject) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = accept;
      input.hidden = true;
      const done = (): void => input.remove();
      input.addEventListener('cancel', () => {
        done();
        resolve(null);
      });
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        done();
        if (!file) return resolve(null);
        file.text().then((text) => resolve({ name: file.name, text }), reject);
      });
      document.body.append(input);
      input.click();
    });
  }

  function download(name: string, bytes: Uint8Array): void {
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  function readRelations(): Record<string, RelationOverrides> {
    try {
      const raw = localStorage.getItem(RELATIONS_KEY);
      const value = raw ? (JSON.parse(raw) as unknown) : {};
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, RelationOverrides>) : {};
    } catch {
      return {};
    }
  }

  /** As main's validator does: known kinds, two different files, each a listed file of the folder. */
  function checkOverrides(value: RelationOverrides): RelationOverrides {
    const bad = (why: string): IpcErrorPayload => ipcError('invalid-argument', `请求参数无效：${why}`, `invalid relation overrides: ${why}`);
    if (typeof value !== 'object' || value === null) throw bad('参数必须是对象');
    const files = (p: { files?: unknown }): [string, string] => {
      const f = p?.files;
      if (!Array.isArray(f) || f.length !== 2 || f[0] === f[1]) throw bad('files 须为两个不同的文件');
      for (const x of f) if (typeof x !== 'string' || !tracked.has(x)) throw bad(`文件不在所选文件夹中：${String(x).slice(0, 120)}`);
      return [f[0] as string, f[1] as string];
    };
    const kind = (k: unknown): RelationKind => {
      if (!RELATION_KINDS.includes(k as RelationKind)) throw bad('kind 无效');
      return k as RelationKind;
    };
    return {
      pairs: (value.pairs ?? []).map((p) => ({ kind: kind(p.kind), files: files(p) })),
      unpairs: (value.unpairs ?? []).map((p) => (p.kind === undefined ? { files: files(p) } : { kind: kind(p.kind), files: files(p) })),
    };
  }

  let lastReview: { key: string; result: FolderReviewResult } | null = null;

  /** The core review over the parsed documents of the folder (pure, so it runs right here). */
  async function folderReview(): Promise<FolderReviewResult> {
    await firstRefresh;
    const folder = folderName ?? '';
    const stored = readRelations()[folder];
    const overrides: RelationOverrides = { pairs: stored?.pairs ?? [], unpairs: stored?.unpairs ?? [] };
    const entries = [...tracked.values()].map((t) => t.entry).filter((e) => e.status === 'parsed' || e.status === 'error');
    const key = JSON.stringify([folder, entries.map((e) => [e.relativePath, e.status, e.sha256, e.mtimeMs]), overrides]);
    if (lastReview?.key === key) return lastReview.result;
    // loaded on first use: the folder checks are not part of the page's first load
    const { folderDocument, reviewFolder } = await import('../../../core/folder/cross-checks');
    const documents: FolderDocument[] = [];
    for (const e of entries) {
      const doc = e.sha256 ? extractions.get(e.sha256) : undefined;
      if (e.status === 'error') documents.push(folderDocument(e.relativePath, null, { error: e.error?.messageZh, modifiedAt: e.mtimeMs }));
      else if (doc) documents.push(folderDocument(e.relativePath, doc, { modifiedAt: e.mtimeMs }));
    }
    const present = new Set(documents.map((d) => d.file));
    const applies = (p: { files: [string, string] }): boolean => present.has(p.files[0]) && present.has(p.files[1]);
    const review = reviewFolder(documents, { overrides: { pairs: overrides.pairs!.filter(applies), unpairs: overrides.unpairs!.filter(applies) } });
    const result: FolderReviewResult = { identities: review.identities, relations: review.relations, findings: review.findings, overrides };
    lastReview = { key, result };
    return result;
  }

  const handlers: { [K in CommandName]: (args: Commands[K]['args']) => Promise<Commands[K]['result']> } = {
    'folder:state': async () => {
      await firstRefresh;
      return state();
    },
    'folder:choose': async () => {
      await refreshOnce();
      return state();
    },
    'document:extraction': ({ relativePath }) => extraction(relativePath),
    'document:source': async ({ relativePath }) => {
      const doc = await extraction(relativePath);
      const bytes = bytesByHash.get(doc.source.sha256) ?? (await fetchFile(options.folderUrl, relativePath));
      return bytes.slice();
    },
    'document:reparse': async ({ relativePath }) => {
      const t = tracked.get(relativePath);
      if (t?.entry.sha256) extractions.delete(t.entry.sha256);
      enqueue(relativePath);
      return undefined;
    },
    'document:cancel': async ({ relativePath }) => {
      cancel(relativePath);
      return undefined;
    },
    'settings:get': async () => readSettings(),
    'settings:set': async (patch) => {
      const next: Settings = { ...readSettings() };
      if (typeof patch.reviewerName === 'string') next.reviewerName = patch.reviewerName.trim().slice(0, 40);
      localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
      return next;
    },
    // The browser stand-in keeps the sync connection for the page's lifetime only.
    'sync:get': async () => ({ url: syncConnection.url, username: syncConnection.username, hasPassword: syncConnection.password !== '', passwordStored: syncConnection.password ? 'session' : 'none' }),
    'sync:set': async ({ url, username, password }) => {
      syncConnection = { url, username: url ? username : '', password: url ? (password ?? syncConnection.password) : '' };
      return { url: syncConnection.url, username: syncConnection.username, hasPassword: syncConnection.password !== '', passwordStored: syncConnection.password ? 'session' : 'none' };
    },
    'sync:connection': async () => (syncConnection.url ? { ...syncConnection } : null),
    'file:save': async ({ suggestedName, bytes }) => {
      download(suggestedName, bytes);
      return { path: suggestedName };
    },
    // A plain page has no directory access: the served export endpoint stands in for one.
    'export:chooseDirectory': async () => {
      const response = await fetch(new URL('directory', options.exportUrl), { cache: 'no-store' }).catch(() => null);
      if (!response?.ok) return null;
      const { path } = (await response.json()) as { path?: unknown };
      if (typeof path !== 'string') return null;
      const token = crypto.randomUUID();
      exportTokens.add(token);
      return { token, path };
    },
    'export:writeFile': async ({ token, name, bytes }) => {
      if (!exportTokens.has(token)) throw ipcError('invalid-token', '导出目录的授权已失效，请重新选择目录。', 'export directory token is not valid');
      if (!/^[^/\\]+\.xlsx$/i.test(name)) throw ipcError('invalid-argument', `文件名无效：${name}`, `invalid file name: ${name}`);
      const response = await fetch(new URL(`files/${encodeURIComponent(name)}`, options.exportUrl), { method: 'PUT', body: bytes as Uint8Array<ArrayBuffer> });
      if (!response.ok) throw ipcError('internal', `写入 ${name} 失败（HTTP ${response.status}）。`, `writing ${name} failed: HTTP ${response.status}`);
      const { path } = (await response.json()) as { path: string };
      return { path };
    },
    'reviewPackage:open': () => pickTextFile('.json,application/json'),
    'folder:review': () => folderReview(),
    'folder:relations:set': async (overrides) => {
      await firstRefresh;
      const clean = checkOverrides(overrides);
      const all = readRelations();
      const folder = folderName ?? '';
      if (clean.pairs!.length === 0 && clean.unpairs!.length === 0) delete all[folder];
      else all[folder] = clean;
      localStorage.setItem(RELATIONS_KEY, JSON.stringify(all));
      return folderReview();
    },
  };

  return {
    invoke<K extends CommandName>(command: K, args: Commands[K]['args']): Promise<Commands[K]['result']> {
      const handler = handlers[command] as (a: Commands[K]['args']) => Promise<Commands[K]['result']>;
      return handler(args);
    },
    on<K extends EventName>(event: K, listener: (payload: Events[K]) => void): Unsubscribe {
      const set = listeners[event] as Set<(p: Events[K]) => void>;
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
