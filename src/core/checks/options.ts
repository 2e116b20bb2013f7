/**
 * What a caller can tune. Defaults follow the publications' own declaration: converting to 万元
 * may leave a rounding difference of a cent per summed term.
 */
import type { CodeCatalogue } from './dictionary/catalogue';

export interface CheckOptions {
  /**
   * Declared rounding, in units of the printed resolution (0.01 万元 in most tables) per summed
   * term: a difference within it is a note (尾差), never an error. Default 1.
   */
  roundingPerTerm?: number;
  /** An official code catalogue (功能分类/经济分类) for the year; the built-in one otherwise. */
  catalogue?: CodeCatalogue;
  /** Rule ids to skip (they are listed as not run, with the reason 已停用). */
  disabledRules?: readonly string[];
}

export interface ResolvedOptions {
  roundingPerTerm: number;
  catalogue: CodeCatalogue | null;
  disabledRules: ReadonlySet<string>;
}

export function resolveOptions(options: CheckOptions | undefined): ResolvedOptions {
  const perTerm = options?.roundingPerTerm;
  return {
    roundingPerTerm: perTerm !== undefined && Number.isFinite(perTerm) && perTerm >= 0 ? perTerm : 1,
    catalogue: options?.catalogue ?? null,
    disabledRules: new Set(options?.disabledRules ?? []),
  };
}
