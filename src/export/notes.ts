/** Texts of the cell notes: what was printed, who corrected it and when, and the annotations. */
import type { Annotation, CellEdit } from '../core/review/model';
import { CATEGORY_LABELS, STATUS_LABELS } from './labels';
import { formatTime } from './time';

/** Four short lines: Excel shows a note in a box about four rows high. */
export function correctionNote(printed: string, latest: CellEdit, editCount: number): string {
  const lines = [
    `【已更正】原印刷值：${printed === '' ? '（空）' : printed}`,
    `更正为：${latest.after === '' ? '（空）' : latest.after}`,
    `${latest.reviewer || '（未署名）'} 修改于 ${formatTime(latest.at)}`,
  ];
  if (editCount > 1) lines.push(`共 ${editCount} 次修改，详见“修改记录”表`);
  return lines.join('\n');
}

export function annotationNote(a: Annotation): string {
  const lines = [
    `【批注·${CATEGORY_LABELS[a.category]}·${STATUS_LABELS[a.status]}】`,
    `${a.author || '（未署名）'}（${formatTime(a.createdAt)}）：${a.text}`,
  ];
  for (const r of a.replies) lines.push(`  回复 ${r.author || '（未署名）'}（${formatTime(r.at)}）：${r.text}`);
  return lines.join('\n');
}
