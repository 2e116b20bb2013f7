/**
 * Structural check of an ExtractedDocument read back from disk. The cache is outside our
 * process's control (disk errors, a killed write, a user editing files), so nothing read from it
 * is trusted until it has the exact shape the UI relies on.
 */
import type { ExtractedDocument } from '../../core/model';
import type { DocumentErrorCode, SerializedDocumentError } from '../../core/errors';

type Check = (value: unknown) => boolean;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString: Check = (v) => typeof v === 'string';
const isNullableString: Check = (v) => v === null || typeof v === 'string';
const isFiniteNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isPositiveInt: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 1;
const isNonNegativeInt: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 0;
const isBBox: Check = (v) => Array.isArray(v) && v.length === 4 && v.every(isFiniteNumber);
const arrayOf =
  (item: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(item);

const CONFIDENCE = new Set(['ok', 'split-text', 'guessed-column', 'guessed-row', 'inferred-merge']);

const isCell: Check = (v) =>
  isRecord(v) &&
  isString(v.text) &&
  (v.value === null || Number.isSafeInteger(v.value)) &&
  isPositiveInt(v.rowSpan) &&
  isPositiveInt(v.colSpan) &&
  isPositiveInt(v.page) &&
  isBBox(v.bbox) &&
  CONFIDENCE.has(v.confidence as string);

function isGrid(rows: unknown, columnCount: number): boolean {
  return Array.isArray(rows) && rows.every((row) => Array.isArray(row) && row.length === columnCount && row.every((c) => c === null || isCell(c)));
}

const isTable: Check = (v) =>
  isRecord(v) &&
  isString(v.id) &&
  isNullableString(v.title) &&
  isNullableString(v.code) &&
  isNullableString(v.unit) &&
  isNullableString(v.department) &&
  Array.isArray(v.pages) &&
  v.pages.length === 2 &&
  v.pages.every(isPositiveInt) &&
  arrayOf(isString)(v.notes) &&
  isNonNegativeInt(v.columnCount) &&
  isGrid(v.header, v.columnCount as number) &&
  isGrid(v.rows, v.columnCount as number);

const isNarrativeBlock: Check = (v) => isRecord(v) && isPositiveInt(v.page) && isBBox(v.bbox) && isString(v.text);

export function isExtractedDocument(v: unknown, schemaVersion: number): v is ExtractedDocument {
  return (
    isRecord(v) &&
    v.schemaVersion === schemaVersion &&
    isRecord(v.source) &&
    isString(v.source.path) &&
    isString(v.source.sha256) &&
    isNonNegativeInt(v.source.pages) &&
    (v.source.imageOnlyPages === undefined || arrayOf(isNonNegativeInt)(v.source.imageOnlyPages)) &&
    arrayOf(isNarrativeBlock)(v.narrative) &&
    arrayOf(isTable)(v.tables)
  );
}

export function isSerializedDocumentError(v: unknown, knownCodes: ReadonlySet<DocumentErrorCode>): v is SerializedDocumentError {
  return isRecord(v) && knownCodes.has(v.code as DocumentErrorCode) && isString(v.messageZh) && isString(v.message);
}
