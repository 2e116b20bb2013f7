import type { ReactElement } from 'react';
import { STRINGS } from '../../strings';
import { useReview } from '../../stores/review';

/**
 * Edits made on an earlier version of the file that could not be placed on the new parse. They
 * stay listed so the reviewer can redo them by hand; nothing is dropped silently.
 */
export function OrphanList(): ReactElement | null {
  const reanchors = useReview((s) => s.reanchors);
  const orphans = reanchors.flatMap((r) => r.orphans.filter((e) => e.op === 'set').map((e) => ({ edit: e, at: r.at })));
  if (orphans.length === 0) return null;
  return (
    <section className="orphan-list" aria-label={STRINGS.orphans.region} data-testid="orphans">
      <h3>{STRINGS.orphans.title(orphans.length)}</h3>
      <p>{STRINGS.orphans.explain}</p>
      <ul>
        {orphans.map(({ edit }) => (
          <li key={edit.id}>
            <span>{edit.anchor.tableTitle || STRINGS.orphans.untitled}</span>
            <span>
              {edit.anchor.rowLabel || '—'} / {edit.anchor.columnHeader || '—'}
            </span>
            <span>
              {edit.before || STRINGS.cell.empty} → {edit.after || STRINGS.cell.empty}
            </span>
            <span className="history-meta">{edit.reviewer || STRINGS.cell.anonymous}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
