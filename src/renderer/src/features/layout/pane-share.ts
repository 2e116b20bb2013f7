/**
 * How much of the workspace the source page takes beside the table, as a percentage: clamped so
 * neither side can vanish, and kept in localStorage (a window preference, not review data).
 */
export const DEFAULT_PAGE_SHARE = 50;
export const MIN_PAGE_SHARE = 20;
export const MAX_PAGE_SHARE = 75;
const STORAGE_KEY = 'proofreader.pageShare';

export function clampShare(share: number): number {
  if (!Number.isFinite(share)) return DEFAULT_PAGE_SHARE;
  return Math.min(MAX_PAGE_SHARE, Math.max(MIN_PAGE_SHARE, Math.round(share * 10) / 10));
}

/** The share a pointer at `clientX` gives, for a workspace row spanning `left` to `left + width`. */
export function shareAt(clientX: number, left: number, width: number): number {
  return width > 0 ? clampShare(((clientX - left) / width) * 100) : DEFAULT_PAGE_SHARE;
}

export function loadShare(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): number {
  try {
    const stored = storage?.getItem(STORAGE_KEY);
    return stored === null || stored === undefined ? DEFAULT_PAGE_SHARE : clampShare(Number(stored));
  } catch {
    return DEFAULT_PAGE_SHARE;
  }
}

export function saveShare(share: number, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(STORAGE_KEY, String(clampShare(share)));
  } catch {
    // storage full or disabled: the split still works for this session
  }
}
