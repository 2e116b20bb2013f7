/**
 * Errors the main process returns to the renderer. Each has a code the UI can branch on and a
 * Chinese message it can show as is; nothing else (no stack, no absolute paths of other files)
 * crosses the bridge.
 */
import { DocumentError } from '../../core/errors';
import type { IpcErrorPayload } from '../../shared/ipc-contract';

export type MainErrorCode =
  | 'invalid-argument'
  | 'path-outside-folder'
  | 'not-found'
  | 'not-ready'
  | 'no-folder'
  | 'folder-unavailable'
  | 'too-large'
  | 'invalid-token'
  | 'unknown-command'
  | 'internal';

const MESSAGES: Record<MainErrorCode, { zh: string; en: string }> = {
  'invalid-argument': { zh: '请求参数无效。', en: 'Invalid request argument.' },
  'path-outside-folder': { zh: '只能读取所选文件夹内的文件。', en: 'Only files inside the chosen folder can be read.' },
  'not-found': { zh: '文件不存在，可能已被删除或移动。', en: 'The file does not exist; it may have been deleted or moved.' },
  'not-ready': { zh: '文件尚未解析完成，请稍候。', en: 'The file has not been parsed yet.' },
  'no-folder': { zh: '尚未选择文件夹。', en: 'No folder has been chosen.' },
  'folder-unavailable': { zh: '文件夹当前不可访问（例如 U 盘已拔出），重新连接后会自动恢复。', en: 'The folder is not accessible right now (e.g. an unplugged drive).' },
  'too-large': { zh: '数据超过大小上限。', en: 'The data exceeds the size limit.' },
  'invalid-token': { zh: '导出目录授权已失效，请重新选择导出目录。', en: 'The export directory authorisation is no longer valid; choose the directory again.' },
  'unknown-command': { zh: '未知的请求。', en: 'Unknown command.' },
  internal: { zh: '程序内部错误，请重试。', en: 'Internal error; please retry.' },
};

export class IpcError extends Error {
  override readonly name = 'IpcError';
  readonly messageZh: string;

  constructor(
    readonly code: MainErrorCode,
    /** what exactly was wrong (field name, limit); appended to both messages */
    readonly detail?: string,
  ) {
    const base = MESSAGES[code];
    super(detail ? `${base.en} (${detail})` : base.en);
    this.messageZh = detail ? `${base.zh}（${detail}）` : base.zh;
  }

  toPayload(): IpcErrorPayload {
    return { code: this.code, messageZh: this.messageZh, message: this.message };
  }
}

/** Re-throws an error that already has its payload form (e.g. a document's stored parse error). */
export class PayloadError extends Error {
  override readonly name = 'PayloadError';
  constructor(readonly payload: IpcErrorPayload) {
    super(payload.message);
  }
}

/** Anything thrown by a handler, as the payload the renderer receives. */
export function toIpcErrorPayload(e: unknown): IpcErrorPayload {
  if (e instanceof IpcError) return e.toPayload();
  if (e instanceof PayloadError) return { ...e.payload };
  if (e instanceof DocumentError) return e.toJSON();
  // Unexpected failures: a generic message; the details stay in the main-process log.
  return new IpcError('internal').toPayload();
}
