import type { ReactElement } from 'react';
import { STRINGS } from '../../strings';
import { useAnnotations } from './store';

/** "添加批注" next to text the reviewer selected on the page or in the narrative list. */
export function TextOfferButton(): ReactElement | null {
  const offer = useAnnotations((s) => s.offer);
  if (!offer) return null;
  return (
    <button
      type="button"
      className="annotation-offer primary"
      data-testid="annotation-offer"
      style={{ left: offer.x, top: offer.y }}
      // keep the text selected while the button is pressed
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => {
        useAnnotations.getState().startDraft({ fileHash: offer.fileHash, target: offer.target });
        window.getSelection()?.removeAllRanges();
      }}
    >
      {STRINGS.annotations.addSelection}
    </button>
  );
}
