import type { ReactElement } from 'react';
import type { RuleCoverage } from '../../../../core/checks/model';
import { STRINGS } from '../../strings';
import { outcomeCounts } from './findings-view';

/** The document's rule checklist: what passed, failed, or could not run and why (never shown as passed). */
export function CoverageList({ coverage }: { coverage: readonly RuleCoverage[] }): ReactElement {
  const counts = outcomeCounts(coverage);
  return (
    <details className="coverage-list" data-testid="coverage">
      <summary>{STRINGS.findings.coverageTitle(counts.passed, counts.failed, counts['not-run'])}</summary>
      <ul>
        {coverage.map((c) => (
          <li key={c.rule} data-rule={c.rule} data-outcome={c.outcome}>
            <span className={`outcome outcome-${c.outcome}`}>{STRINGS.findings.outcome[c.outcome]}</span>
            <span className="coverage-title">{c.title}</span>
            <span className="coverage-detail">{c.outcome === 'not-run' ? (c.reason ?? '') : STRINGS.findings.checked(c.checked)}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
