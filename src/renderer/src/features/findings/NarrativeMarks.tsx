import { useEffect, useRef, type ReactElement } from 'react';
import { useFindings } from '../../stores/findings';
import { markedPieces } from './narrative-marks';

/** A narrative paragraph's text with the selected finding's sentences marked (and brought into view). */
export function NarrativeMarks({ block, text }: { block: number; text: string }): ReactElement {
  const spans = useFindings((s) => (s.selectedId ? s.report?.findings.find((f) => f.id === s.selectedId)?.narrative : undefined));
  const mine = spans?.filter((s) => s.block === block) ?? [];
  const marked = mine.length > 0;
  const ref = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (marked) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [marked, spans]);

  if (!marked) return <span className="narrative-text">{text}</span>;
  return (
    <span ref={ref} className="narrative-text narrative-marked" data-testid="narrative-marked">
      {markedPieces(text, mine).map((piece, i) => (piece.marked ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>))}
    </span>
  );
}
