/** Which exception key an event is (none with Ctrl/Alt/Meta: Ctrl+C stays copy). */
export type FindingAction = 'next' | 'previous' | 'confirm' | 'dismiss';

export function actionOf(e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>): FindingAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'n' || key === 'f8') return e.shiftKey ? 'previous' : 'next';
  if (e.shiftKey) return null;
  if (key === 'c') return 'confirm';
  if (key === 'd') return 'dismiss';
  return null;
}
