import { useEffect, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { STRINGS } from '../../strings';
import { useFindings } from '../../stores/findings';

/** Asks why a finding is dismissed; a reason is required. Enter dismisses, Esc cancels. */
export function DismissDialog(): ReactElement | null {
  const id = useFindings((s) => s.dismissingId);
  const message = useFindings((s) => (s.dismissingId ? s.report?.findings.find((f) => f.id === s.dismissingId)?.message : undefined));
  const [reason, setReason] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setReason('');
    if (id) inputRef.current?.focus();
  }, [id]);

  if (!id) return null;
  const cancel = (): void => useFindings.getState().cancelDismiss();
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (reason.trim()) void useFindings.getState().dismiss(id, reason);
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && cancel()}>
      <form
        className="dismiss-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={STRINGS.findings.dismissTitle}
        data-testid="dismiss-dialog"
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            cancel();
          }
        }}
      >
        <h3>{STRINGS.findings.dismissTitle}</h3>
        {message ? <p className="dismiss-message">{message}</p> : null}
        <label>
          {STRINGS.findings.dismissReason}
          <input ref={inputRef} value={reason} placeholder={STRINGS.findings.dismissPlaceholder} onChange={(e) => setReason(e.target.value)} required />
        </label>
        <div className="dismiss-presets">
          {STRINGS.findings.dismissPresets.map((preset) => (
            <button
              key={preset}
              type="button"
              onClick={() => {
                setReason(preset);
                inputRef.current?.focus();
              }}
            >
              {preset}
            </button>
          ))}
        </div>
        <div className="dialog-buttons">
          <button type="button" onClick={cancel}>
            {STRINGS.findings.cancel}
          </button>
          <button type="submit" className="primary" disabled={!reason.trim()}>
            {STRINGS.findings.dismissSubmit}
          </button>
        </div>
      </form>
    </div>
  );
}
