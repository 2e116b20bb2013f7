/**
 * The relations between the folder's files: each with its kind, its files, whether it was found
 * or paired by hand, and whether it ran (已比对 N 处) or why not; 解除配对 takes one away, the form
 * pairs two files the review did not relate, and an unpaired relation can be restored.
 */
import { useState, type ReactElement } from 'react';
import type { RelationKind } from '../../../../core/folder/relations';
import type { DocumentEntry } from '../../../../shared/ipc-contract';
import { STRINGS } from '../../strings';
import { useFolderReview } from '../../stores/folder-review';

const S = STRINGS.folder;
/** one empty list, so the selectors return the same value while nothing is loaded */
const NONE: never[] = [];
const KINDS: readonly RelationKind[] = ['versions', 'department-unit', 'year-over-year'];

function PairForm({ documents }: { documents: readonly DocumentEntry[] }): ReactElement {
  const pair = useFolderReview((s) => s.pair);
  const [kind, setKind] = useState<RelationKind>('versions');
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const same = a !== '' && a === b;
  const files = documents.map((d) => d.relativePath);
  const fileSelect = (label: string, value: string, onChange: (v: string) => void, testId: string): ReactElement => (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{S.pairChoose}</option>
        {files.map((f) => (
          <option key={f} value={f}>
            {f}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form
      className="pair-form"
      aria-label={S.pairTitle}
      onSubmit={(e) => {
        e.preventDefault();
        if (a && b && !same) void pair(kind, [a, b]);
      }}
    >
      <h4>{S.pairTitle}</h4>
      <label>
        {S.pairKind}
        <select value={kind} onChange={(e) => setKind(e.target.value as RelationKind)} data-testid="pair-kind">
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {STRINGS.folder.kind[k]}
            </option>
          ))}
        </select>
      </label>
      {fileSelect(S.pairFirst(kind), a, setA, 'pair-first')}
      {fileSelect(S.pairSecond(kind), b, setB, 'pair-second')}
      <button type="submit" disabled={!a || !b || same}>
        {S.pair}
      </button>
      {same ? <span className="status-error">{S.pairSame}</span> : null}
    </form>
  );
}

export function RelationsPanel({ documents }: { documents: readonly DocumentEntry[] }): ReactElement {
  const relations = useFolderReview((s) => s.review?.relations ?? NONE);
  const unpairs = useFolderReview((s) => s.review?.overrides.unpairs ?? NONE);
  const { unpair, restore } = useFolderReview.getState();
  return (
    <section className="folder-relations" aria-label={S.relationsTitle}>
      <h3>{S.relationsTitle}</h3>
      {relations.length === 0 ? <p className="empty">{S.relationsNone}</p> : null}
      <ul>
        {relations.map((r) => (
          <li key={`${r.kind}|${r.files.join('|')}`} className="relation-item" data-kind={r.kind} data-status={r.status} data-source={r.source}>
            <div className="relation-head">
              <strong>{STRINGS.folder.kind[r.kind]}</strong>
              {r.source === 'manual' ? <span className="relation-manual">{S.manual}</span> : null}
              <span className={r.status === 'checked' ? 'status-parsed' : 'status-error'} data-testid="relation-status">
                {r.status === 'checked' ? S.checked(r.checked) : S.notRun}
              </span>
              <button type="button" className="relation-unpair" title={S.unpairHint} onClick={() => void unpair(r)}>
                {S.unpair}
              </button>
            </div>
            <div className="relation-files">
              <span title={S.side[r.kind]![0]}>{r.files[0]}</span> ↔ <span title={S.side[r.kind]![1]}>{r.files[1]}</span>
            </div>
            {r.reason ? <div className="relation-reason">{r.reason}</div> : null}
          </li>
        ))}
      </ul>
      {unpairs.length > 0 ? (
        <>
          <h4>{S.unpairedTitle}</h4>
          <ul>
            {unpairs.map((u) => (
              <li key={`${u.kind ?? ''}|${u.files.join('|')}`} className="relation-item unpaired">
                <span>
                  {u.kind ? STRINGS.folder.kind[u.kind] : ''} {u.files[0]} ↔ {u.files[1]}
                </span>
                <button type="button" onClick={() => void restore(u)}>
                  {S.restore}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <PairForm documents={documents} />
    </section>
  );
}
