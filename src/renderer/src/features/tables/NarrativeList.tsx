import type { ReactElement } from 'react';
import { STRINGS } from '../../strings';
import { useWorkspace } from '../../stores/workspace';
import { NarrativeSelectable } from '../annotations/NarrativeSelectable';
import { formatOf } from '../cell/location';
import { NarrativeMarks } from '../findings/NarrativeMarks';

/** The document's narrative paragraphs; choosing one turns to its page and outlines it. */
export function NarrativeList(): ReactElement | null {
  const doc = useWorkspace((s) => s.doc);
  const narrative = doc?.narrative;
  const active = useWorkspace((s) => s.narrativeIndex);
  const selectNarrative = useWorkspace((s) => s.selectNarrative);
  if (!doc || !narrative) return null;
  return (
    <section className="narrative-list" aria-label={STRINGS.narrative.region}>
      <h2>{STRINGS.narrative.title(narrative.length)}</h2>
      {narrative.length === 0 ? <p className="empty">{STRINGS.narrative.none}</p> : null}
      <ol>
        {narrative.map((block, i) => (
          <li key={i} className={i === active ? 'active' : ''}>
            <button type="button" onClick={() => selectNarrative(i)}>
              {doc && formatOf(doc) === 'pdf' ? <span className="narrative-page">{STRINGS.location.page(block.page)}</span> : null}
              <NarrativeMarks block={i} text={block.text} />
            </button>
            {i === active ? <NarrativeSelectable block={i} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
