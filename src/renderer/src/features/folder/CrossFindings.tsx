/**
 * The cross-document findings, grouped by the relation they belong to: each with its message (the
 * computation), and one link per file opening that document at the source cell ("打开旧版 第3页").
 */
import { useState, type ReactElement } from 'react';
import type { CrossFinding, DocCellRef, DocNarrativeRef } from '../../../../core/folder/model';
import { STRINGS } from '../../strings';
import { placesOf, useFolderReview } from '../../stores/folder-review';
import { ComparePages } from './ComparePages';

const S = STRINGS.folder;
/** one empty list, so the selectors return the same value while nothing is loaded */
const NONE: never[] = [];

function kindOf(f: CrossFinding): string {
  return f.rule.replace(/^folder\./, '');
}

/** The label of each of a finding's files: 旧版/新版, 部门/单位, 上年/本年. */
function sideLabel(f: CrossFinding, index: number): string {
  const sides = S.side[kindOf(f)] ?? ['', ''];
  return index === 0 ? sides[0] : sides[1];
}

function describePlace(place: DocCellRef | DocNarrativeRef): string {
  if ('table' in place) return `${place.tableTitle}${place.text ? ` “${place.text}”` : ''}`;
  return STRINGS.findings.narrativeSpan(place.block, place.page, '');
}

interface Group {
  key: string;
  kind: string;
  files: string[];
  findings: CrossFinding[];
}

export function groupByRelation(findings: readonly CrossFinding[]): Group[] {
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const key = `${f.rule}|${f.documents.join('|')}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, kind: kindOf(f), files: f.documents, findings: [] }));
    g.findings.push(f);
  }
  return [...groups.values()];
}

function FindingRow({ finding, onCompare }: { finding: CrossFinding; onCompare: (f: CrossFinding) => void }): ReactElement {
  const openAt = useFolderReview((s) => s.openAt);
  const comparable = placesOf(finding).filter((p) => p.place?.page != null).length === 2;
  return (
    <li className="cross-finding" data-severity={finding.severity} data-id={finding.id} data-change={finding.change ?? ''}>
      <span className={`severity severity-${finding.severity}`}>{STRINGS.findings.severity[finding.severity]}</span>
      <span className="cross-message">{finding.message}</span>
      <span className="cross-links">
        {placesOf(finding).map(({ file, place }, i) =>
          place ? (
            <button key={file} type="button" className="cross-link" data-file={file} data-page={place.page ?? ''} title={S.openHint(file, describePlace(place))} onClick={() => void openAt(place)}>
              {S.open(sideLabel(finding, i), place.page)}
            </button>
          ) : null,
        )}
        {comparable ? (
          <button type="button" className="cross-link cross-compare" title={S.compareHint} onClick={() => onCompare(finding)}>
            {S.compare}
          </button>
        ) : null}
      </span>
    </li>
  );
}

export function CrossFindings(): ReactElement {
  const findings = useFolderReview((s) => s.review?.findings ?? NONE);
  const groups = groupByRelation(findings);
  const [comparing, setComparing] = useState<CrossFinding | null>(null);
  return (
    <section className="cross-findings" aria-label={S.crossTitle(findings.length)}>
      <h3>{S.crossTitle(findings.length)}</h3>
      {findings.length === 0 ? <p className="empty">{S.crossNone}</p> : null}
      {groups.map((g) => (
        <div key={g.key} className="cross-group" data-kind={g.kind}>
          <h4>
            {(S.kind as Record<string, string>)[g.kind] ?? g.kind}：{g.files.join(' ↔ ')}
          </h4>
          <ol>
            {g.findings.map((f) => (
              <FindingRow key={f.id} finding={f} onCompare={setComparing} />
            ))}
          </ol>
        </div>
      ))}
      {comparing ? <ComparePages finding={comparing} onClose={() => setComparing(null)} /> : null}
    </section>
  );
}
