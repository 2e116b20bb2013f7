/**
 * Why a file could not be read. Every failure the user can meet has a code and a message in
 * Chinese (shown in the UI) and English (logs, CLI), so nothing fails as an empty "success".
 */
export type DocumentErrorCode =
  | 'empty-file'
  | 'not-pdf'
  | 'truncated'
  | 'encrypted'
  | 'no-text-layer'
  /** a scanned PDF whose page images OCR could not read (blank, too small, too blurred) */
  | 'ocr-unreadable'
  | 'too-large'
  | 'unsupported-format'
  | 'timeout'
  | 'cancelled'
  | 'vanished'
  | 'unreadable'
  /** the parse worker died (crash or out of memory); the rest of the folder goes on */
  | 'parser-crashed'
  /** a .docx/.xlsx whose zip container is truncated or damaged */
  | 'office-damaged'
  /** a .docx/.xlsx name on content that is not a Word/Excel document */
  | 'not-office'
  /** a password-protected Word/Excel file (an encrypted OLE container) */
  | 'office-encrypted'
  /** an Excel 97-2003 (.xls, BIFF) workbook */
  | 'legacy-xls'
  /** a Word 97-2003 (.doc) document */
  | 'legacy-doc';

const MESSAGES: Record<DocumentErrorCode, { zh: string; en: string }> = {
  'empty-file': { zh: '文件为空（0 字节），可能尚未复制完成。', en: 'The file is empty (0 bytes); it may still be copying.' },
  'not-pdf': { zh: '文件不是 PDF（内容与扩展名不符）。', en: 'The file is not a PDF (its content does not match its extension).' },
  truncated: { zh: 'PDF 文件不完整或已损坏，请重新获取原文件。', en: 'The PDF is truncated or damaged; obtain the original file again.' },
  encrypted: { zh: 'PDF 设有打开密码，无法读取。请提供未加密的文件。', en: 'The PDF is password-protected and cannot be read; provide an unencrypted copy.' },
  'no-text-layer': {
    zh: 'PDF 没有文字层（可能是扫描件），本次未用 OCR 识别页面图像：请开启 OCR 重新解析，或提供可复制文字的 PDF。',
    en: 'The PDF has no text layer (probably scanned) and its page images were not read by OCR this time; parse it again with OCR on, or provide a PDF with selectable text.',
  },
  'ocr-unreadable': {
    zh: 'PDF 没有文字层（扫描件），页面图像也未能识别出文字，请提供更清晰的扫描件或可复制文字的 PDF。',
    en: 'The PDF has no text layer (scanned) and OCR could not read its page images; provide a clearer scan or a PDF with selectable text.',
  },
  'too-large': { zh: '文件超过处理上限。', en: 'The file exceeds the processing limit.' },
  'unsupported-format': { zh: '不支持此文件格式。', en: 'This file format is not supported.' },
  timeout: { zh: '解析超时，已停止处理该文件。', en: 'Parsing timed out and was stopped.' },
  cancelled: { zh: '解析已取消。', en: 'Parsing was cancelled.' },
  vanished: { zh: '文件已被删除或移动。', en: 'The file was deleted or moved.' },
  unreadable: { zh: '无法读取文件。', en: 'The file could not be read.' },
  'parser-crashed': {
    zh: '解析该文件时解析程序异常退出，已跳过该文件，其他文件不受影响。',
    en: 'The parser stopped unexpectedly on this file; it was skipped and the other files are unaffected.',
  },
  'office-damaged': {
    zh: '文件不完整或已损坏，无法作为 Word/Excel 文档打开，请重新获取原文件。',
    en: 'The file is truncated or damaged and cannot be opened as a Word/Excel document; obtain the original file again.',
  },
  'not-office': {
    zh: '文件内容与扩展名不符：不是有效的 Word（.docx）或 Excel（.xlsx）文档。',
    en: 'The file content does not match its extension: it is not a valid Word (.docx) or Excel (.xlsx) document.',
  },
  'office-encrypted': {
    zh: '文档设有打开密码，无法读取。请提供未加密的文件。',
    en: 'The document is password-protected and cannot be read; provide an unencrypted copy.',
  },
  'legacy-xls': {
    zh: '不支持旧版 Excel 97-2003 工作簿（.xls）。请用 Excel 或 WPS 打开后“另存为” Excel 工作簿（.xlsx），再重新导入。',
    en: 'Excel 97-2003 workbooks (.xls) are not supported; open it in Excel or WPS, save it as an Excel workbook (.xlsx) and import that.',
  },
  'legacy-doc': {
    zh: '不支持旧版 Word 97-2003 文档（.doc）。请用 Word 或 WPS 打开后“另存为” Word 文档（.docx），再重新导入。',
    en: 'Word 97-2003 documents (.doc) are not supported; open it in Word or WPS, save it as a Word document (.docx) and import that.',
  },
};

export class DocumentError extends Error {
  override readonly name = 'DocumentError';
  readonly messageZh: string;

  constructor(
    readonly code: DocumentErrorCode,
    /** extra detail appended to both messages (e.g. the limit that was hit) */
    readonly detail?: string,
  ) {
    const base = MESSAGES[code];
    super(detail ? `${base.en} (${detail})` : base.en);
    this.messageZh = detail ? `${base.zh}（${detail}）` : base.zh;
  }

  toJSON(): SerializedDocumentError {
    return { code: this.code, messageZh: this.messageZh, message: this.message };
  }
}

/** The shape that crosses process boundaries (IPC, worker messages, cache). */
export interface SerializedDocumentError {
  code: DocumentErrorCode;
  messageZh: string;
  message: string;
}

export function isDocumentError(e: unknown): e is DocumentError {
  return e instanceof DocumentError;
}

export function serializeError(e: unknown): SerializedDocumentError {
  if (e instanceof DocumentError) return e.toJSON();
  const detail = e instanceof Error ? e.message : String(e);
  return new DocumentError('unreadable', detail).toJSON();
}
