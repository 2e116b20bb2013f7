/**
 * Where something sits in the source file, as the reviewer would look for it: a PDF page, a
 * worksheet and cell address (XLSX), a table row (DOCX).
 */
import type { Cell, ExtractedDocument, SourceFormat, Table } from '../../../../core/model';
import { STRINGS } from '../../strings';

export function formatOf(doc: ExtractedDocument): SourceFormat {
  return doc.source.format ?? 'pdf';
}

export function cellLocation(doc: ExtractedDocument, cell: Cell): string {
  const source = cell.source;
  if (source?.kind === 'xlsx') return STRINGS.location.sheetCell(source.sheet, source.address);
  if (source?.kind === 'docx') return STRINGS.location.docxCell(source.table + 1, source.row + 1);
  return formatOf(doc) === 'pdf' ? STRINGS.location.page(cell.page) : '';
}

/** The pages (PDF) or worksheets (XLSX) a table occupies; empty for DOCX. */
export function tableLocation(doc: ExtractedDocument, table: Table): string {
  const [first, last] = table.pages;
  const format = formatOf(doc);
  switch (format) {
    case 'pdf':
      return first === last ? STRINGS.location.page(first) : STRINGS.location.pages(first, last);
    case 'xlsx':
      return first === last ? STRINGS.location.sheet(first) : STRINGS.location.sheets(first, last);
    case 'docx':
      return '';
    default: {
      const never: never = format;
      return String(never);
    }
  }
}
