/**
 * The header badge of team sync: 未同步 / 连接中 / 已连接 / 同步中 N 项 / 离线（将自动重试）/
 * 无写入权限（只读）, the last time both sides were up to date, waiting conflicts, and records
 * from the server that were refused. Offline is a normal state, never an error dialog. Clicking the
 * badge opens the settings. Mounting it starts team sync (useSyncWiring).
 */
import type { ReactElement } from 'react';
import { useSyncWiring, useSync } from '../../sync/app-sync';
import type { SyncView } from '../../sync/sync-store';
import { STRINGS } from '../../strings';
import { SyncSettingsDialog } from './SyncSettingsDialog';
import { useSyncUi } from './sync-ui';
import './sync.css';

export function stateLabel(view: Pick<SyncView, 'state' | 'pending'>): string {
  return view.state === 'syncing' ? STRINGS.sync.syncing(view.pending) : STRINGS.sync.state[view.state];
}

function hint(view: SyncView): string {
  const lines: string[] = [];
  if (view.state === 'off') lines.push(STRINGS.sync.badgeHint);
  if (view.state === 'offline') lines.push(view.error ? STRINGS.sync.problem(view.error) : STRINGS.sync.offlineHint);
  if (view.state === 'denied') lines.push(STRINGS.sync.deniedHint);
  if (view.state !== 'off') lines.push(view.lastSyncedAt ? STRINGS.sync.lastSynced(view.lastSyncedAt) : STRINGS.sync.neverSynced);
  return lines.join('\n');
}

export function SyncStatus(): ReactElement {
  useSyncWiring();
  const state = useSync((s) => s.state);
  const pending = useSync((s) => s.pending);
  const lastSyncedAt = useSync((s) => s.lastSyncedAt);
  const error = useSync((s) => s.error);
  const readOnly = useSync((s) => s.readOnly);
  const rejected = useSync((s) => s.rejected);
  const conflicts = useSync((s) => s.conflicts.length);
  const view: SyncView = { state, pending, lastSyncedAt, error, readOnly, rejected };
  return (
    <span className="sync-status" data-testid="sync-status" data-state={state}>
      <button type="button" className={`sync-badge sync-${state}${error ? ' sync-problem' : ''}`} title={hint(view)} onClick={() => useSyncUi.getState().setSettingsOpen(true)} data-testid="sync-badge">
        <span className="sync-dot" aria-hidden="true" />
        {stateLabel(view)}
      </button>
      {state !== 'off' && lastSyncedAt ? (
        <small className="sync-last" data-testid="sync-last">
          {STRINGS.sync.lastSynced(lastSyncedAt)}
        </small>
      ) : null}
      {conflicts > 0 ? (
        <button type="button" className="conflict-badge" onClick={() => useSyncUi.getState().fold(null)} data-testid="sync-conflict-badge">
          {STRINGS.sync.conflictBadge(conflicts)}
        </button>
      ) : null}
      {rejected.length > 0 ? (
        <span className="sync-rejected" title={rejected.map((r) => r.messageZh).join('\n')} data-testid="sync-rejected">
          {STRINGS.sync.rejected(rejected.length)}
        </span>
      ) : null}
      <SyncSettingsDialog />
    </span>
  );
}
