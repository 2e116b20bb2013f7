/**
 * Team sync settings: the team database's URL, user name and password (kept by main — the
 * password field is never filled in from what is stored), and the name put on this person's edits.
 * Saving calls 'sync:set' and reconnects; 关闭同步 clears the URL.
 */
import { useEffect, useState, type ReactElement } from 'react';
import type { SyncSettingsView } from '../../../../shared/ipc-contract';
import { invoke } from '../../api/client';
import { userMessage } from '../../api/errors';
import { useSync } from '../../sync/app-sync';
import { STRINGS } from '../../strings';
import { useSettings } from '../../stores/settings';
import { useSyncUi } from './sync-ui';

export function validSyncUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

export function SyncSettingsDialog(): ReactElement | null {
  const open = useSyncUi((s) => s.settingsOpen);
  const reviewerName = useSettings((s) => s.settings.reviewerName);
  const rejected = useSync((s) => s.rejected);
  const [stored, setStored] = useState<SyncSettingsView | null>(null);
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState(reviewerName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setPassword('');
    setError(null);
    setName(useSettings.getState().settings.reviewerName);
    invoke('sync:get', undefined).then(
      (view) => {
        if (!live) return;
        setStored(view);
        setUrl(view.url);
        setUsername(view.username);
      },
      (e: unknown) => live && setError(userMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [open]);

  if (!open) return null;
  const close = (): void => useSyncUi.getState().setSettingsOpen(false);

  async function save(next: { url: string; username: string; password?: string }): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await invoke('sync:set', next);
      if (name.trim() !== useSettings.getState().settings.reviewerName) await useSettings.getState().setReviewerName(name.trim());
      close();
      await useSync.getState().start();
    } catch (e) {
      setError(STRINGS.sync.saveFailed(userMessage(e)));
    } finally {
      setBusy(false);
    }
  }

  const urlOk = validSyncUrl(url.trim());
  return (
    <div className="modal-backdrop">
      <form
        className="sync-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="sync-settings-title"
        data-testid="sync-settings"
        onSubmit={(e) => {
          e.preventDefault();
          if (urlOk) void save({ url: url.trim(), username: username.trim(), ...(password ? { password } : {}) });
        }}
      >
        <h2 id="sync-settings-title">{STRINGS.sync.settingsTitle}</h2>
        <p className="conflict-explain">{STRINGS.sync.settingsExplain}</p>
        <label>
          {STRINGS.sync.url}
          <input value={url} placeholder={STRINGS.sync.urlPlaceholder} onChange={(e) => setUrl(e.target.value)} autoFocus spellCheck={false} />
        </label>
        {url.trim() && !urlOk ? <p className="status-error">{STRINGS.sync.urlInvalid}</p> : null}
        <label>
          {STRINGS.sync.username}
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" spellCheck={false} />
        </label>
        <label>
          {STRINGS.sync.password}
          <input type="password" value={password} placeholder={stored?.hasPassword ? STRINGS.sync.passwordKept : ''} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
        </label>
        {stored && stored.passwordStored !== 'none' ? <p className="conflict-explain">{STRINGS.sync.passwordStored[stored.passwordStored]}</p> : null}
        <label>
          {STRINGS.sync.displayName}
          <input value={name} placeholder={STRINGS.sync.displayNamePlaceholder} onChange={(e) => setName(e.target.value)} />
        </label>
        {rejected.length > 0 ? (
          <details className="sync-rejected-list">
            <summary>
              {STRINGS.sync.rejectedTitle}（{rejected.length}）
            </summary>
            <ul>
              {rejected.map((r, i) => (
                <li key={`${r.id}-${i}`}>
                  <code>{r.id}</code> {r.messageZh}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {error ? <p className="status-error">{error}</p> : null}
        <footer className="dialog-footer">
          {stored?.url ? (
            <button type="button" disabled={busy} onClick={() => void save({ url: '', username: '' })}>
              {STRINGS.sync.turnOff}
            </button>
          ) : null}
          <span className="toolbar-gap" />
          <button type="button" onClick={close}>
            {STRINGS.sync.cancel}
          </button>
          <button type="submit" className="primary" disabled={busy || !urlOk}>
            {STRINGS.sync.save}
          </button>
        </footer>
      </form>
    </div>
  );
}
