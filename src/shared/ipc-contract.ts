/**
 * The one contract between the Electron main process, the preload bridge and the renderer (and
 * the browser implementation used in tests). Commands are request/response (ipcMain.handle);
 * events flow main → renderer. Main validates every argument: nothing here is trusted.
 */
import type { ExtractedDocument } from '../core/model';
import type { SerializedDocumentError } from '../core/errors';
import type { CrossFinding, FolderReview, RelationResult } from '../core/folder/model';
import type { RelationOverrides } from '../core/folder/relations';

export type SourceFormat = 'pdf' | 'docx' | 'xlsx' | 'xls';

export type DocumentStatus = 'queued' | 'parsing' | 'parsed' | 'error';

export interface DocumentEntry {
  /** Path relative to the chosen folder, '/'-separated: the document's identity in the UI. */
  relativePath: string;
  name: string;
  format: SourceFormat;
  size: number;
  mtimeMs: number;
  /** Content hash once read; reviews are keyed by it, so a renamed file keeps its review. */
  sha256: string | null;
  status: DocumentStatus;
  /** 0..1 while parsing */
  progress: number;
  error: SerializedDocumentError | null;
  tableCount: number | null;
  pageCount: number | null;
}

export interface FolderState {
  /** absolute path of the watched folder, null before one is chosen */
  folder: string | null;
  /** false while the folder is missing (e.g. an unplugged USB drive); documents stay listed */
  available: boolean;
  documents: DocumentEntry[];
}

export interface Settings {
  reviewerName: string;
}

export type SaveKind = 'xlsx' | 'json';

/** Team sync settings as the settings form shows them (never the password). */
export interface SyncSettingsView {
  /** the team's CouchDB database, e.g. https://couch.example:6984/budget-dept-01; '' = off */
  url: string;
  username: string;
  hasPassword: boolean;
  /** 'encrypted': kept by the OS keychain; 'session': until the app quits (no keychain) */
  passwordStored: 'encrypted' | 'session' | 'none';
}

/** What the renderer connects with, for the running session only. */
export interface SyncConnection {
  url: string;
  username: string;
  password: string;
}

/**
 * The whole-folder review (docs/folder-review.md): every listed file's identity, the relations
 * between files (found, or the clerk's pairs) and the cross-document findings, with the clerk's
 * overrides for this folder. Files still queued or parsing are left out until they are parsed.
 */
export interface FolderReviewResult {
  identities: FolderReview['identities'];
  relations: RelationResult[];
  findings: CrossFinding[];
  /** the clerk's pairs and unpairs for this folder, as stored */
  overrides: RelationOverrides;
}

/** Renderer → main requests. `args` is one structured-cloneable value (or undefined). */
export interface Commands {
  'folder:state': { args: undefined; result: FolderState };
  /** opens the system folder picker; resolves to the (possibly unchanged) state */
  'folder:choose': { args: undefined; result: FolderState };
  'document:extraction': { args: { relativePath: string }; result: ExtractedDocument };
  /** the file's bytes, for the source view (pdf.js canvas, DOCX/XLSX preview) */
  'document:source': { args: { relativePath: string }; result: Uint8Array };
  'document:reparse': { args: { relativePath: string }; result: undefined };
  /** stops parsing a queued or parsing file; it is listed as cancelled until parsed again */
  'document:cancel': { args: { relativePath: string }; result: undefined };
  'settings:get': { args: undefined; result: Settings };
  'settings:set': { args: Partial<Settings>; result: Settings };
  /** save dialog then write; null when the user cancels */
  'file:save': { args: { suggestedName: string; kind: SaveKind; bytes: Uint8Array }; result: { path: string } | null };
  /** directory picker for batch export; the token authorises later writes into that directory only */
  'export:chooseDirectory': { args: undefined; result: { token: string; path: string } | null };
  'export:writeFile': { args: { token: string; name: string; bytes: Uint8Array }; result: { path: string } };
  /** open dialog for a review package; its text, null when cancelled */
  'reviewPackage:open': { args: undefined; result: { name: string; text: string } | null };
  'sync:get': { args: undefined; result: SyncSettingsView };
  /** password omitted: keep the stored one; url '' turns sync off */
  'sync:set': { args: { url: string; username: string; password?: string }; result: SyncSettingsView };
  /** the connection with its password, for this session; null when sync is off */
  'sync:connection': { args: undefined; result: SyncConnection | null };
  /** the review of the current folder (re-run only when a file or the overrides changed) */
  'folder:review': { args: undefined; result: FolderReviewResult };
  /** replaces the folder's relation overrides (files must be files of the folder), then reviews */
  'folder:relations:set': { args: RelationOverrides; result: FolderReviewResult };
}

/** Main → renderer notifications. */
export interface Events {
  'folder:changed': FolderState;
  'document:progress': { relativePath: string; progress: number };
}

export type CommandName = keyof Commands;
export type EventName = keyof Events;

/** Channel names, for the preload's allow-list and main's handler registration. */
export const COMMAND_NAMES = [
  'folder:state',
  'folder:choose',
  'document:extraction',
  'document:source',
  'document:reparse',
  'document:cancel',
  'settings:get',
  'settings:set',
  'file:save',
  'export:chooseDirectory',
  'export:writeFile',
  'reviewPackage:open',
  'sync:get',
  'sync:set',
  'sync:connection',
  'folder:review',
  'folder:relations:set',
] as const satisfies readonly CommandName[];

export const EVENT_NAMES = ['folder:changed', 'document:progress'] as const satisfies readonly EventName[];

export type Unsubscribe = () => void;

/**
 * What the preload exposes as `window.proofreader` (and what the browser bridge implements).
 * `invoke` rejects with a plain IpcErrorPayload object (not an Error: contextBridge would drop
 * its fields), so the UI can show `messageZh`.
 */
export interface ProofreaderApi {
  invoke<K extends CommandName>(command: K, args: Commands[K]['args']): Promise<Commands[K]['result']>;
  on<K extends EventName>(event: K, listener: (payload: Events[K]) => void): Unsubscribe;
}

/** Name of the global the preload defines in the renderer. */
export const API_GLOBAL = 'proofreader';

/** Errors cross IPC as this, so the renderer can show the Chinese message. */
export interface IpcErrorPayload {
  code: string;
  messageZh: string;
  message: string;
}

/**
 * Codes besides the DocumentErrorCodes of src/core/errors.ts: invalid-argument,
 * path-outside-folder (the renderer may only read inside the chosen folder), not-found,
 * not-ready (still queued/parsing), no-folder, folder-unavailable (e.g. unplugged drive),
 * too-large, invalid-token (export directory authorisation expired), unknown-command, internal.
 */
export function isIpcErrorPayload(value: unknown): value is IpcErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.messageZh === 'string' && typeof v.message === 'string';
}

/** The wire format of a command's reply (main → preload); the preload unwraps it. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcErrorPayload };
