/**
 * The open document and what the reviewer is looking at: the table, the selected cell, the page.
 * Selecting a cell turns the source view to its page; the view then outlines the cell.
 */
import { create } from 'zustand';
import type { BBox, ExtractedDocument } from '../../../core/model';
import type { CellRef } from '../../../core/review/model';
import type { DocumentEntry } from '../../../shared/ipc-contract';
import { invoke } from '../api/client';
import { userMessage } from '../api/errors';
import { openPdf, type PDFDocumentProxy } from '../pdf/pdfjs';
import { RecentlyClosed } from '../pdf/recently-closed';
import { useReview } from './review';

/** What the source view outlines: a table cell or a narrative block. */
export interface Focus {
  page: number;
  bbox: BBox;
}

export type SelectionOrigin = 'grid' | 'page' | 'list';

interface WorkspaceState {
  openPath: string | null;
  doc: ExtractedDocument | null;
  pdf: PDFDocumentProxy | null;
  loading: boolean;
  error: string | null;
  tableId: string | null;
  selection: CellRef | null;
  /** who made the selection, so the grid does not re-focus a cell the reviewer just clicked */
  selectionOrigin: SelectionOrigin | null;
  narrativeIndex: number | null;
  focus: Focus | null;
  page: number;
  openDocument: (relativePath: string) => Promise<void>;
  closeDocument: () => void;
  /** reopens the open document when its file now holds another version (or closes it when gone) */
  followFileChange: (documents: readonly DocumentEntry[]) => void;
  selectTable: (tableId: string) => void;
  selectCell: (ref: CellRef | null, origin: SelectionOrigin) => void;
  /** `focus` outlines part of the paragraph (a finding's sentence) instead of all of it */
  selectNarrative: (index: number, focus?: Focus) => void;
  setPage: (page: number) => void;
}

function sameRef(a: CellRef | null, b: CellRef | null): boolean {
  return a === b || (!!a && !!b && a.tableId === b.tableId && a.row === b.row && a.col === b.col);
}

export const useWorkspace = create<WorkspaceState>()((set, get) => {
  let opening = 0;
  const recentPdfs = new RecentlyClosed<PDFDocumentProxy>(2);

  /** Parks the open PDF for a quick return, or destroys it when it belongs to no known version. */
  function release(pdf: PDFDocumentProxy | null, sha256: string | null): void {
    if (!pdf) return;
    if (sha256) recentPdfs.keep(sha256, pdf);
    else void pdf.destroy();
  }

  return {
    openPath: null,
    doc: null,
    pdf: null,
    loading: false,
    error: null,
    tableId: null,
    selection: null,
    selectionOrigin: null,
    narrativeIndex: null,
    focus: null,
    page: 1,

    openDocument: async (relativePath) => {
      const ticket = ++opening;
      const { pdf: previous, doc: previousDoc } = get();
      set({ openPath: relativePath, loading: true, error: null, doc: null, pdf: null, tableId: null, selection: null, focus: null, narrativeIndex: null });
      release(previous, previousDoc?.source.sha256 ?? null);
      try {
        const [doc, source] = await Promise.all([invoke('document:extraction', { relativePath }), invoke('document:source', { relativePath })]);
        if (ticket !== opening) return;
        const isPdf = (doc.source.format ?? 'pdf') === 'pdf';
        const parked = isPdf ? recentPdfs.take(doc.source.sha256) : null;
        const [pdf] = await Promise.all([isPdf ? (parked ? Promise.resolve(parked) : openPdf(source)) : Promise.resolve(null), useReview.getState().load(doc)]);
        if (ticket !== opening) {
          release(pdf, doc.source.sha256);
          return;
        }
        const first = doc.tables[0];
        set({ doc, pdf, loading: false, tableId: first?.id ?? null, page: first?.pages[0] ?? 1 });
      } catch (e) {
        if (ticket === opening) set({ loading: false, error: userMessage(e) });
      }
    },

    closeDocument: () => {
      opening++;
      void get().pdf?.destroy();
      useReview.getState().close();
      set({ openPath: null, doc: null, pdf: null, loading: false, error: null, tableId: null, selection: null, focus: null, narrativeIndex: null });
    },

    followFileChange: (documents) => {
      const { openPath, doc, tableId } = get();
      if (!openPath || !doc) return;
      const entry = documents.find((d) => d.relativePath === openPath);
      if (!entry) {
        get().closeDocument();
        return;
      }
      if (entry.status !== 'parsed' || !entry.sha256 || entry.sha256 === doc.source.sha256) return;
      // Stay on the same table (by position among tables of the same title) in the new version.
      const table = doc.tables.find((t) => t.id === tableId);
      const occurrence = table ? doc.tables.filter((t) => t.title === table.title).indexOf(table) : -1;
      void get()
        .openDocument(openPath)
        .then(() => {
          const next = get().doc?.tables.filter((t) => table && t.title === table.title)[occurrence];
          if (next) get().selectTable(next.id);
        });
    },

    selectTable: (tableId) => {
      const table = get().doc?.tables.find((t) => t.id === tableId);
      if (!table) return;
      set({ tableId, selection: null, selectionOrigin: null, focus: null, narrativeIndex: null, page: table.pages[0] });
    },

    selectCell: (ref, origin) => {
      if (sameRef(ref, get().selection)) return;
      if (!ref) {
        set({ selection: null, selectionOrigin: origin, focus: null });
        return;
      }
      const cell = get().doc?.tables.find((t) => t.id === ref.tableId)?.rows[ref.row]?.[ref.col];
      if (!cell) return;
      set({ tableId: ref.tableId, selection: ref, selectionOrigin: origin, narrativeIndex: null, focus: { page: cell.page, bbox: cell.bbox }, page: cell.page });
    },

    selectNarrative: (index, focus) => {
      const block = get().doc?.narrative[index];
      if (!block) return;
      const shown = focus ?? { page: block.page, bbox: block.bbox };
      set({ narrativeIndex: index, selection: null, selectionOrigin: 'list', focus: shown, page: shown.page });
    },

    setPage: (page) => {
      const pages = get().doc?.source.pages ?? 1;
      set({ page: Math.min(Math.max(1, Math.round(page)), pages) });
    },
  };
});
