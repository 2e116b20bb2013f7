/**
 * The renderer names documents by a path relative to the chosen folder. This is the one place
 * that turns such a path into a file on disk, and it refuses anything that could reach outside
 * the folder: absolute paths, `..`, NUL and control characters, Windows drive/stream syntax and
 * device names, and symlinks whose real target lies outside the folder.
 */
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { IpcError } from './ipc-error';

export type PathPlatform = 'posix' | 'win32';

export const MAX_RELATIVE_PATH_LENGTH = 1024;
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

const currentPlatform = (): PathPlatform => (process.platform === 'win32' ? 'win32' : 'posix');

/** Validates the syntax of a relative path and returns its segments; throws IpcError otherwise. */
export function parseRelativePath(value: unknown, platform: PathPlatform = currentPlatform()): string[] {
  const invalid = (why: string): IpcError => new IpcError('invalid-argument', `路径${why}`);
  if (typeof value !== 'string') throw invalid('必须是字符串');
  if (value.length === 0) throw invalid('为空');
  if (value.length > MAX_RELATIVE_PATH_LENGTH) throw invalid('过长');
  if (CONTROL_CHARS.test(value)) throw invalid('含有控制字符');
  if (value.startsWith('/')) throw new IpcError('path-outside-folder', '不允许绝对路径');
  if (platform === 'win32') {
    if (value.startsWith('\\') || value.includes(':')) throw new IpcError('path-outside-folder', '不允许绝对路径');
  }
  const segments = platform === 'win32' ? value.split(/[\\/]/) : value.split('/');
  for (const segment of segments) {
    if (segment === '..') throw new IpcError('path-outside-folder', '不允许 ..');
    if (segment === '' || segment === '.') throw invalid('格式不规范');
    if (platform === 'win32' && (/[. ]$/.test(segment) || WINDOWS_DEVICE.test(segment) || /[<>"|?*]/.test(segment))) throw invalid('含有 Windows 不允许的名称');
  }
  return segments;
}

function contains(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** True when the real location of `absolutePath` (symlinks resolved) is inside the real `root`. */
export async function isInsideFolder(root: string, absolutePath: string): Promise<boolean> {
  try {
    const [realRoot, realTarget] = await Promise.all([realpath(root), realpath(absolutePath)]);
    return contains(realRoot, realTarget);
  } catch {
    return false;
  }
}

/**
 * Resolves a renderer-supplied relative path to the real path of a regular file inside `root`.
 * Throws IpcError: invalid-argument, path-outside-folder, not-found, folder-unavailable.
 */
export async function resolveInsideFolder(root: string, relativePath: unknown, platform: PathPlatform = currentPlatform()): Promise<string> {
  const segments = parseRelativePath(relativePath, platform);
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    throw new IpcError('folder-unavailable');
  }
  let realTarget: string;
  try {
    realTarget = await realpath(join(realRoot, ...segments));
  } catch {
    throw new IpcError('not-found');
  }
  if (!contains(realRoot, realTarget)) throw new IpcError('path-outside-folder', '链接指向文件夹之外');
  const info = await stat(realTarget).catch(() => null);
  if (!info) throw new IpcError('not-found');
  if (!info.isFile()) throw new IpcError('invalid-argument', '不是文件');
  return realTarget;
}
