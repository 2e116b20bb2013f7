import { useMemo, useState, type ReactElement } from 'react';
import { STRINGS } from '../../strings';
import { useWorkspace } from '../../stores/workspace';
import { annotateSelection } from './annotate';
import { authorName } from './format';
import { movedAnnotationId } from './reanchor';
import { useAnnotations } from './store';
import { targetLabel } from './targets';

/**
 * Annotations made on an earlier version of a file whose place the new version lacks. They stay
 * listed (never dropped) until the reviewer attaches them to a place in the new version.
 */
export function OrphanAnnotations(): ReactElement | null {
  const moves = useAnnotations((s) => s.moves);
  const all = useAnnotations((s) => s.all);
  const scope = useAnnotations((s) => s.scope);
  const hash = useWorkspace((s) => s.doc?.source.sha256 ?? null);
  const [hint, setHint] = useState(false);
  const orphans = useMemo(() => {
    const ids = new Set(all.map((a) => a.id));
    return moves
      .filter((m) => scope === 'folder' || m.toHash === hash)
      .flatMap((m) => m.orphans.map((a) => ({ annotation: a, toHash: m.toHash, reattached: ids.has(movedAnnotationId(a.id, m.toHash)) })));
  }, [moves, all, scope, hash]);
  if (orphans.length === 0) return null;
  const waiting = orphans.filter((o) => !o.reattached).length;

  return (
    <section className="orphan-list annotation-orphans" data-testid="annotation-orphans">
      <h3>{STRINGS.annotations.orphansTitle(waiting)}</h3>
      <p>{STRINGS.annotations.orphansExplain}</p>
      {hint ? <p className="status-warning">{STRINGS.annotations.noTarget}</p> : null}
      <ul>
        {orphans.map(({ annotation, toHash, reattached }) => (
          <li key={`${toHash}:${annotation.id}`} data-orphan-id={annotation.id}>
            <span className="annotation-chip">{STRINGS.annotations.orphanBadge}</span>
            <span>{annotation.text}</span>
            <span className="history-meta">
              {targetLabel(null, annotation.target)} · {authorName(annotation.author)}
            </span>
            {reattached ? (
              <span className="status-parsed">{STRINGS.annotations.reattached}</span>
            ) : toHash === hash ? (
              <button type="button" onClick={() => setHint(!annotateSelection(annotation))}>
                {STRINGS.annotations.reattach}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
