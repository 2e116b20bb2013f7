import { useMemo, type ReactElement } from 'react';
import type { FindingKind, Severity } from '../../../../core/checks/model';
import { STRINGS } from '../../strings';
import { useFindings } from '../../stores/findings';
import { useAnnotations } from '../annotations/store';
import { CoverageList } from './CoverageList';
import './findings.css';
import { DismissDialog } from './DismissDialog';
import { FindingItem } from './FindingItem';
import { facetCounts, filterViews, findingViews, KINDS, openBySeverity, SEVERITIES, STATUSES, type FindingStatus } from './findings-view';

function FilterSelect<K extends string>({
  label,
  value,
  values,
  names,
  counts,
  onChange,
  testId,
}: {
  label: string;
  value: K | 'all';
  values: readonly K[];
  names: Record<K, string>;
  counts: Record<K, number>;
  onChange: (v: K | 'all') => void;
  testId: string;
}): ReactElement {
  const total = values.reduce((n, v) => n + counts[v], 0);
  return (
    <label className="findings-filter">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as K | 'all')} data-testid={testId}>
        <option value="all">{STRINGS.findings.option(STRINGS.findings.all, total)}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {STRINGS.findings.option(names[v], counts[v])}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Folded to a strip of open counts while the annotations pane has the right side, so the page and
 * the grid keep their room on an ordinary screen; the keys and the dismiss dialog keep working.
 */
function CollapsedFindings({ open, onExpand }: { open: Record<Severity, number>; onExpand: () => void }): ReactElement {
  return (
    <aside className="findings-panel findings-collapsed" aria-label={STRINGS.findings.region} data-testid="findings-panel-collapsed">
      <button type="button" title={STRINGS.findings.expand} onClick={onExpand}>
        <span className="findings-collapsed-title">{STRINGS.findings.title}</span>
        {SEVERITIES.map((s) => (
          <span key={s} className={`severity-chip severity-${s}`} title={STRINGS.findings.severityHint[s]}>
            {open[s]}
          </span>
        ))}
      </button>
      <DismissDialog />
    </aside>
  );
}

/** The open document's findings: counts, filters, the list, the rule checklist; the reviewer works through the open ones. */
export function FindingsPanel({
  collapsed = false,
  onCollapse,
  onExpand,
}: {
  collapsed?: boolean;
  /** fold the panel to its strip (more room for page and grid) */
  onCollapse?: () => void;
  onExpand?: () => void;
}): ReactElement {
  const report = useFindings((s) => s.report);
  const decisions = useFindings((s) => s.decisions);
  const loaded = useFindings((s) => s.decisionsLoaded);
  const filters = useFindings((s) => s.filters);
  const setFilters = useFindings((s) => s.setFilters);
  const error = useFindings((s) => s.error);
  const timing = useFindings((s) => s.timing);

  const views = useMemo(() => (report ? findingViews(report.findings, decisions) : []), [report, decisions]);
  const shown = useMemo(() => filterViews(views, filters), [views, filters]);
  const open = useMemo(() => openBySeverity(views), [views]);
  const facets = useMemo(() => facetCounts(views, filters), [views, filters]);
  const ready = report !== null && loaded;

  if (collapsed) return <CollapsedFindings open={open} onExpand={onExpand ?? (() => useAnnotations.getState().setPaneOpen(false))} />;
  return (
    <aside
      className="findings-panel"
      aria-label={STRINGS.findings.region}
      data-testid="findings-panel"
      data-ready={ready ? '' : undefined}
      data-check-runs={timing?.runs}
      data-check-ms={timing?.engineMs.toFixed(1)}
      data-check-latency-ms={timing?.latencyMs.toFixed(1)}
    >
      <header className="findings-header">
        <h2>{STRINGS.findings.title}</h2>
        {onCollapse ? (
          <button type="button" className="findings-fold" title={STRINGS.findings.collapse} onClick={onCollapse} data-testid="findings-collapse">
            {STRINGS.findings.collapseLabel}
          </button>
        ) : null}
        <span className="findings-counts" aria-label={STRINGS.findings.openCountsLabel} data-testid="open-counts">
          {SEVERITIES.map((s: Severity) => (
            <span key={s} className={`severity-chip severity-${s}`} data-severity={s} title={STRINGS.findings.severityHint[s]}>
              {STRINGS.findings.openCount(STRINGS.findings.severity[s], open[s])}
            </span>
          ))}
        </span>
      </header>
      <div className="findings-filters">
        <FilterSelect<FindingKind>
          label={STRINGS.findings.filterKind}
          value={filters.kind}
          values={KINDS}
          names={STRINGS.findings.kind}
          counts={facets.kind}
          onChange={(kind) => setFilters({ kind })}
          testId="filter-kind"
        />
        <FilterSelect<Severity>
          label={STRINGS.findings.filterSeverity}
          value={filters.severity}
          values={SEVERITIES}
          names={STRINGS.findings.severity}
          counts={facets.severity}
          onChange={(severity) => setFilters({ severity })}
          testId="filter-severity"
        />
        <FilterSelect<FindingStatus>
          label={STRINGS.findings.filterStatus}
          value={filters.status}
          values={STATUSES}
          names={STRINGS.findings.status}
          counts={facets.status}
          onChange={(status) => setFilters({ status })}
          testId="filter-status"
        />
      </div>
      <p className="findings-help">
        {STRINGS.findings.help}
        {timing ? <span className="findings-timing"> · {STRINGS.findings.timing(timing.engineMs)}</span> : null}
      </p>
      {error ? <p className="status-error">{STRINGS.findings.failed(error)}</p> : null}
      <div className="findings-scroll">
        {report ? <CoverageList coverage={report.coverage} /> : null}
        {!ready ? <p className="empty">{STRINGS.findings.checking}</p> : null}
        {ready && views.length === 0 ? <p className="empty">{STRINGS.findings.none}</p> : null}
        {ready && views.length > 0 && shown.length === 0 ? <p className="empty">{STRINGS.findings.noneMatch}</p> : null}
        {ready ? (
          <ol className="findings-list">
            {shown.map((view) => (
              <FindingItem key={view.finding.id} view={view} />
            ))}
          </ol>
        ) : null}
      </div>
      <DismissDialog />
    </aside>
  );
}
