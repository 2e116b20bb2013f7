import type { ReactElement } from 'react';
import { STRINGS } from '../../strings';
import { useDatabaseHealth } from './database-health';
import './storage.css';

function message(health: ReturnType<typeof useDatabaseHealth.getState>['health']): string | null {
  switch (health.kind) {
    case 'ok':
      return null;
    case 'too-new':
      return STRINGS.storage.versionTooNew;
    case 'failed':
      return STRINGS.storage.openFailed(health.detail);
    case 'reset':
      return STRINGS.storage.reset(new Date(health.since).toLocaleString('zh-CN'));
    default: {
      const never: never = health;
      return String(never);
    }
  }
}

/** A banner under the header when the review database cannot be trusted (db/health.ts). */
export function DatabaseNotice(): ReactElement | null {
  const health = useDatabaseHealth((s) => s.health);
  const dismissed = useDatabaseHealth((s) => s.dismissed);
  const text = message(health);
  if (!text || dismissed) return null;
  // a database that cannot be used stays announced; a one-time loss can be acknowledged
  const dismissable = health.kind === 'reset';
  return (
    <div className="database-notice" role="alert" data-testid="database-notice" data-kind={health.kind}>
      <span>{text}</span>
      {dismissable ? (
        <button type="button" onClick={() => useDatabaseHealth.getState().dismiss()}>
          {STRINGS.storage.acknowledge}
        </button>
      ) : null}
    </div>
  );
}
