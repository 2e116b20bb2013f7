/** Ids and timestamps for log entries. */

export function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

let last = 0;
/**
 * Epoch milliseconds that never go backwards within a session, so log order by time agrees with
 * insertion order even if the system clock is adjusted.
 */
export function monotonicNow(): number {
  last = Math.max(Date.now(), last);
  return last;
}
