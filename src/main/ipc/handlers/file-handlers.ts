/**
 * file:save, export:*, reviewPackage:open — writes and reads the user consented to in a native
 * dialog. The renderer never names a path: it gets a dialog result or an export-directory token.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { SaveKind } from '../../../shared/ipc-contract';
import { writeFileAtomic } from '../../fs/atomic-write';
import type { Dialogs, FileFilter } from '../dialogs';
import type { ExportGrants } from '../export-grants';
import { EXPORT_EXTENSIONS, extensionOf, sanitizeFileName } from '../file-name';
import type { HandlerMap } from '../handler-types';
import { IpcError } from '../ipc-error';
import { MAX_TRANSFER_BYTES } from '../validators';

const SAVE_FILTERS: Record<SaveKind, FileFilter> = {
  xlsx: { name: 'Excel 工作簿', extensions: ['xlsx'] },
  json: { name: 'JSON 文件', extensions: ['json'] },
};

export const MAX_REVIEW_PACKAGE_BYTES = 50 * 1024 * 1024;

export function fileHandlers(deps: {
  dialogs: Dialogs;
  grants: ExportGrants;
  /** where save dialogs open (e.g. Documents) */
  defaultSaveDirectory: string;
}): HandlerMap<'file:save' | 'export:chooseDirectory' | 'export:writeFile' | 'reviewPackage:open'> {
  return {
    'file:save': async ({ suggestedName, kind, bytes }) => {
      let name = sanitizeFileName(suggestedName);
      if (extensionOf(name) !== `.${kind}`) name += `.${kind}`;
      const path = await deps.dialogs.chooseSavePath({ title: '保存文件', defaultPath: join(deps.defaultSaveDirectory, name), filters: [SAVE_FILTERS[kind]] });
      if (!path) return null;
      await writeFileAtomic(path, bytes);
      return { path };
    },
    'export:chooseDirectory': async () => {
      const directory = await deps.dialogs.chooseDirectory({ title: '选择导出目录' });
      if (!directory) return null;
      return { token: deps.grants.grant(directory), path: directory };
    },
    'export:writeFile': async ({ token, name, bytes }) => {
      const directory = deps.grants.directoryOf(token);
      if (!directory) throw new IpcError('invalid-token');
      const safe = sanitizeFileName(name);
      if (!EXPORT_EXTENSIONS.has(extensionOf(safe))) throw new IpcError('invalid-argument', `不允许的文件类型 ${extensionOf(safe) || '（无扩展名）'}`);
      const path = join(directory, safe);
      // belt and braces: the sanitised name is one segment, so the file lands in the directory
      if (dirname(path) !== directory || basename(path) !== safe) throw new IpcError('path-outside-folder');
      await writeFileAtomic(path, bytes);
      return { path };
    },
    'reviewPackage:open': async () => {
      const path = await deps.dialogs.chooseOpenFile({ title: '打开校对包', filters: [{ name: '校对包', extensions: ['json'] }] });
      if (!path) return null;
      const info = await stat(path);
      if (info.size > Math.min(MAX_REVIEW_PACKAGE_BYTES, MAX_TRANSFER_BYTES)) throw new IpcError('too-large', `${Math.round(MAX_REVIEW_PACKAGE_BYTES / 1048576)} MB`);
      return { name: basename(path), text: await readFile(path, 'utf8') };
    },
  };
}
