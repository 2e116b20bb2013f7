import { useEffect, useMemo, useRef, useState, type MouseEvent, type ReactElement } from 'react';
import { STRINGS } from '../../strings';
import { useWorkspace } from '../../stores/workspace';
import { bodyCellsBySource, targetOf, xlsxCellKey } from './source-index';
import { useHighlight } from './use-highlight';
import type { SheetView } from './xlsx-sheets';

type Sheets = { kind: 'loading' } | { kind: 'ready'; sheets: SheetView[] } | { kind: 'error'; message: string };

function SheetTable({ sheet }: { sheet: SheetView }): ReactElement {
  return (
    <table className="xlsx-sheet" data-sheet-index={sheet.index} style={{ width: sheet.columnWidths.reduce((a, b) => a + b, 0) }}>
      <colgroup>
        {sheet.columnWidths.map((w, i) => (
          <col key={i} style={{ width: w }} />
        ))}
      </colgroup>
      <tbody>
        {sheet.rows.map((r) => (
          <tr key={r.row} data-row={r.row}>
            {r.cells.map((c) => (
              <td
                key={c.address}
                data-address={c.address}
                rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}
                colSpan={c.colSpan > 1 ? c.colSpan : undefined}
                className={[c.numeric ? 'num' : '', c.bold ? 'bold' : ''].filter(Boolean).join(' ') || undefined}
                style={c.align ? { textAlign: c.align } : undefined}
              >
                {c.text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The workbook, one worksheet at a time (tabs), the selected cell outlined. */
export function XlsxSource({ bytes }: { bytes: Uint8Array }): ReactElement {
  const doc = useWorkspace((s) => s.doc);
  const page = useWorkspace((s) => s.page);
  const selection = useWorkspace((s) => s.selection);
  const narrativeIndex = useWorkspace((s) => s.narrativeIndex);
  const [state, setState] = useState<Sheets>({ kind: 'loading' });
  const scrollRef = useRef<HTMLDivElement>(null);
  const index = useMemo(() => (doc ? bodyCellsBySource(doc) : new Map()), [doc]);

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    // exceljs is loaded only when a workbook is shown
    import('./xlsx-sheets')
      .then(({ readSheets }) => readSheets(bytes))
      .then(
        (sheets) => live && setState({ kind: 'ready', sheets }),
        (e: unknown) => {
          console.error(e);
          if (live) setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
        },
      );
    return () => {
      live = false;
    };
  }, [bytes]);

  const sheets = state.kind === 'ready' ? state.sheets : [];
  const visible = sheets.filter((s) => !s.hidden);
  // the workspace's "page" is the worksheet position for workbooks (cell.page = sheetIndex)
  const shown = visible.find((s) => s.index === page) ?? visible[0] ?? null;

  const target = doc ? targetOf(doc, selection, narrativeIndex) : null;
  const targetKey = target?.kind === 'cell' ? target.key : null;
  useHighlight(
    scrollRef,
    () => {
      const m = targetKey ? /^x:(\d+):([A-Z]+\d+)$/.exec(targetKey) : null;
      if (!m || !shown || Number(m[1]) !== shown.index) return null;
      return scrollRef.current?.querySelector<HTMLElement>(`td[data-address="${m[2]}"]`) ?? null;
    },
    [targetKey, shown],
  );

  function onClick(e: MouseEvent<HTMLDivElement>): void {
    const td = (e.target as Element).closest<HTMLElement>('td[data-address]');
    if (!td || !shown || (window.getSelection()?.toString() ?? '') !== '') return;
    const ref = index.get(xlsxCellKey(shown.index, td.dataset.address ?? ''));
    if (ref) useWorkspace.getState().selectCell(ref, 'page');
  }

  return (
    <>
      <div className="toolbar source-toolbar sheet-tabs" role="tablist" aria-label={STRINGS.source.sheets}>
        {visible.map((s) => (
          <button
            key={s.index}
            type="button"
            role="tab"
            aria-selected={s === shown}
            className={s === shown ? 'active' : ''}
            data-sheet-index={s.index}
            onClick={() => useWorkspace.getState().setPage(s.index)}
          >
            {s.name}
          </button>
        ))}
      </div>
      <div className="source-scroll" ref={scrollRef} onClick={onClick} data-testid="xlsx-source" data-sheet-index={shown?.index}>
        {state.kind === 'loading' ? <p className="source-loading">{STRINGS.source.loading}</p> : null}
        {state.kind === 'error' ? <p className="page-error">{STRINGS.source.failed(state.message)}</p> : null}
        {shown && shown.rows.length === 0 ? <p className="empty">{STRINGS.source.emptySheet}</p> : null}
        {shown ? <SheetTable sheet={shown} /> : null}
        {shown && shown.omittedRows > 0 ? <p className="empty">{STRINGS.source.truncated(shown.rows.length, shown.rows.length + shown.omittedRows)}</p> : null}
      </div>
    </>
  );
}
