/**
 * The last few documents the reviewer moved away from, kept loaded: going back to one (the 部门
 * and the 单位 version of a budget, side by side all morning) shows it without pdf.js loading and
 * parsing it again. Keyed by content hash, so a changed file is never served from here.
 */
export interface Destroyable {
  destroy(): Promise<void>;
}

export class RecentlyClosed<T extends Destroyable> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  /** Takes a kept document back (the caller owns it again), or null. */
  take(key: string): T | null {
    const value = this.entries.get(key) ?? null;
    this.entries.delete(key);
    return value;
  }

  /** Keeps a document; beyond the capacity the longest-kept one is destroyed. */
  keep(key: string, value: T): void {
    const previous = this.entries.get(key);
    this.entries.delete(key);
    if (previous && previous !== value) void previous.destroy().catch(() => undefined);
    this.entries.set(key, value);
    for (const [oldest, doc] of this.entries) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
      void doc.destroy().catch(() => undefined);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
