import { useRef, type ReactElement } from 'react';
import { STRINGS } from '../../strings';
import { useWorkspace } from '../../stores/workspace';
import { paragraphSelection } from './selection-offer';
import { useAnnotations } from './store';

/** The chosen paragraph in full, as selectable text: select words, then "添加批注". */
export function NarrativeSelectable({ block }: { block: number }): ReactElement | null {
  const doc = useWorkspace((s) => s.doc);
  const ref = useRef<HTMLParagraphElement>(null);
  const text = doc?.narrative[block]?.text;
  if (!doc || text === undefined) return null;
  return (
    <p
      ref={ref}
      className="narrative-full"
      data-block={block}
      data-testid="narrative-full"
      title={STRINGS.annotations.addHint}
      onMouseUp={() => {
        const element = ref.current;
        const selected = element ? paragraphSelection(doc, block, element) : null;
        useAnnotations.getState().setOffer(selected ? { fileHash: doc.source.sha256, ...selected } : null);
      }}
    >
      {text}
    </p>
  );
}
