/**
 * Argument checks for every command: the renderer is treated as untrusted (a compromised page
 * must not be able to read or write arbitrary files). Each validator returns the typed args or
 * throws IpcError('invalid-argument'); path containment is checked later against the real folder.
 */
import type { RelationKind, RelationOverrides } from '../../core/folder/relations';
import type { CommandName, Commands, SaveKind, Settings } from '../../shared/ipc-contract';
import { IpcError } from './ipc-error';
import { parseRelativePath } from './path-guard';
import { MAX_REVIEWER_NAME_LENGTH } from '../settings/settings-store';

export const MAX_TRANSFER_BYTES = 200 * 1024 * 1024;
export const MAX_NAME_LENGTH = 255;
export const MAX_SYNC_URL_LENGTH = 2048;
const TOKEN_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

type Validator<K extends CommandName> = (args: unknown) => Commands[K]['args'];

const invalid = (detail: string): IpcError => new IpcError('invalid-argument', detail);

/** A plain object with exactly the allowed keys (structured clone yields plain objects). */
function record(value: unknown, required: readonly string[], optional: readonly string[] = []): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) throw invalid('参数必须是对象');
  const keys = Object.keys(value);
  for (const key of keys) if (!required.includes(key) && !optional.includes(key)) throw invalid(`多余的字段 ${key.slice(0, 32)}`);
  for (const key of required) if (!(key in value)) throw invalid(`缺少字段 ${key}`);
  return value as Record<string, unknown>;
}

function text(value: unknown, field: string, maxLength: number): string {
  if (typeof value !== 'string') throw invalid(`${field} 必须是字符串`);
  if (value.length > maxLength) throw invalid(`${field} 过长`);
  if (CONTROL_CHARS.test(value)) throw invalid(`${field} 含有控制字符`);
  return value;
}

function name(value: unknown, field: string): string {
  const s = text(value, field, MAX_NAME_LENGTH);
  if (s.trim() === '') throw invalid(`${field} 为空`);
  return s;
}

function bytes(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) throw invalid('bytes 必须是 Uint8Array');
  if (value.byteLength > MAX_TRANSFER_BYTES) throw new IpcError('too-large', `${Math.round(MAX_TRANSFER_BYTES / 1048576)} MB`);
  return value;
}

function noArgs(value: unknown): undefined {
  if (value !== undefined && value !== null) throw invalid('此请求不接受参数');
  return undefined;
}

function documentArgs(value: unknown): { relativePath: string } {
  const r = record(value, ['relativePath']);
  return { relativePath: parseRelativePath(r.relativePath).join('/') };
}

const RELATION_KINDS: readonly RelationKind[] = ['versions', 'department-unit', 'year-over-year'];
export const MAX_RELATION_OVERRIDES = 2000;

function relationFiles(value: unknown, field: string): [string, string] {
  if (!Array.isArray(value) || value.length !== 2) throw invalid(`${field}.files 须为两个文件`);
  const files = value.map((f) => parseRelativePath(f).join('/')) as [string, string];
  if (files[0] === files[1]) throw invalid(`${field}.files 须为两个不同的文件`);
  return files;
}

function relationKind(value: unknown, field: string): RelationKind {
  if (!RELATION_KINDS.includes(value as RelationKind)) throw invalid(`${field}.kind 无效`);
  return value as RelationKind;
}

function overrideList(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw invalid(`${field} 必须是数组`);
  if (value.length > MAX_RELATION_OVERRIDES) throw invalid(`${field} 过多`);
  return value;
}

/**
 * The clerk's relation overrides: `{pairs?: [{kind, files: [a, b]}], unpairs?: [{kind?, files}]}`,
 * files as relative paths of the folder (whether they are listed is checked by the handler).
 */
export function relationOverridesArgs(value: unknown): RelationOverrides {
  const r = record(value, [], ['pairs', 'unpairs']);
  const out: RelationOverrides = { pairs: [], unpairs: [] };
  if ('pairs' in r) {
    out.pairs = overrideList(r.pairs, 'pairs').map((p, i) => {
      const x = record(p, ['kind', 'files']);
      return { kind: relationKind(x.kind, `pairs[${i}]`), files: relationFiles(x.files, `pairs[${i}]`) };
    });
  }
  if ('unpairs' in r) {
    out.unpairs = overrideList(r.unpairs, 'unpairs').map((p, i) => {
      const x = record(p, ['files'], ['kind']);
      const files = relationFiles(x.files, `unpairs[${i}]`);
      return 'kind' in x && x.kind !== undefined ? { kind: relationKind(x.kind, `unpairs[${i}]`), files } : { files };
    });
  }
  return out;
}

const SAVE_KINDS: readonly SaveKind[] = ['xlsx', 'json'];

export const VALIDATORS: { [K in CommandName]: Validator<K> } = {
  'folder:state': noArgs,
  'folder:choose': noArgs,
  'document:extraction': documentArgs,
  'document:source': documentArgs,
  'document:reparse': documentArgs,
  'document:cancel': documentArgs,
  'settings:get': noArgs,
  'settings:set': (value) => {
    const r = record(value, [], ['reviewerName']);
    const out: Partial<Settings> = {};
    if ('reviewerName' in r) out.reviewerName = text(r.reviewerName, 'reviewerName', MAX_REVIEWER_NAME_LENGTH).trim();
    return out;
  },
  'file:save': (value) => {
    const r = record(value, ['suggestedName', 'kind', 'bytes']);
    if (!SAVE_KINDS.includes(r.kind as SaveKind)) throw invalid('kind 无效');
    return { suggestedName: name(r.suggestedName, 'suggestedName'), kind: r.kind as SaveKind, bytes: bytes(r.bytes) };
  },
  'export:chooseDirectory': noArgs,
  'export:writeFile': (value) => {
    const r = record(value, ['token', 'name', 'bytes']);
    if (typeof r.token !== 'string' || !TOKEN_PATTERN.test(r.token)) throw new IpcError('invalid-token');
    return { token: r.token, name: name(r.name, 'name'), bytes: bytes(r.bytes) };
  },
  'reviewPackage:open': noArgs,
  'sync:get': noArgs,
  'sync:set': (value) => {
    const r = record(value, ['url', 'username'], ['password']);
    const url = text(r.url, 'url', MAX_SYNC_URL_LENGTH).trim();
    if (url !== '') {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw invalid('url 不是有效的网址');
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw invalid('url 须为 http(s) 网址');
      if (parsed.username || parsed.password) throw invalid('用户名和密码请填在各自的栏里，不要写进网址');
      if (parsed.pathname.replace(/\/+$/, '') === '') throw invalid('url 须包含数据库名，如 https://服务器:6984/部门库');
    }
    const out: { url: string; username: string; password?: string } = { url, username: text(r.username, 'username', 128).trim() };
    if ('password' in r) out.password = text(r.password, 'password', 1024);
    return out;
  },
  'sync:connection': noArgs,
  'folder:review': noArgs,
  'folder:relations:set': relationOverridesArgs,
};
