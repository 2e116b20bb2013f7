/**
 * The checks engine (src/core/checks/index.ts) is being written alongside the export; until it
 * lands the export runs without findings instead of failing. Loaded by a computed specifier so
 * the type-check does not depend on the module existing yet.
 */
import type { CheckReport, Finding } from '../../core/checks/model';
import type { ExtractedDocument } from '../../core/model';

const CHECKS_MODULE = '../../core/checks/index';

/** Findings on the (edited) document, or null when the checks are not available. */
export async function runChecksOn(document: ExtractedDocument): Promise<Finding[] | null> {
  let mod: { runChecks?: (doc: ExtractedDocument) => CheckReport };
  try {
    mod = (await import(/* @vite-ignore */ CHECKS_MODULE)) as typeof mod;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return null;
    throw e;
  }
  return typeof mod.runChecks === 'function' ? mod.runChecks(document).findings : null;
}
