/**
 * Parse results on disk, keyed by the file's content hash and the extractor version, so an
 * unchanged (or merely renamed) file is never parsed twice, also across restarts.
 *
 * Each entry is an envelope with a digest of its payload: a truncated, bit-flipped or hand-edited
 * entry fails the digest or the shape check, is deleted, and the caller parses the file again.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentErrorCode, SerializedDocumentError } from '../../core/errors';
import type { ExtractedDocument } from '../../core/model';
import { removeStaleTempFiles, writeFileAtomic } from '../fs/atomic-write';
import { isExtractedDocument, isSerializedDocumentError } from './document-shape';

export type CachedResult = { kind: 'document'; document: ExtractedDocument } | { kind: 'error'; error: SerializedDocumentError };

/**
 * Failures that depend only on the bytes, so caching them is safe. Timeouts, crashes and limits
 * depend on the machine, and 'unsupported-format' disappears when an extractor lands: not cached.
 */
export const CACHEABLE_ERROR_CODES: ReadonlySet<DocumentErrorCode> = new Set<DocumentErrorCode>([
  'empty-file',
  'not-pdf',
  'truncated',
  'encrypted',
  'no-text-layer',
]);

const ENVELOPE_FORMAT = 1;
const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export interface CacheVersions {
  schemaVersion: number;
  parserVersion: number;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** entries found damaged and deleted */
  discarded: number;
  writes: number;
}

function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export class ParseCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, discarded: 0, writes: 0 };
  private readonly versionDir: string;

  private constructor(
    private readonly root: string,
    private readonly versions: CacheVersions,
    /** a reader in another thread: never deletes (the owner re-parses what it finds damaged) */
    private readonly readOnly = false,
  ) {
    this.versionDir = join(root, `s${versions.schemaVersion}-p${versions.parserVersion}`);
  }

  /** Reads the entries of the cache another thread owns: no pruning, nothing deleted. */
  static reader(root: string, versions: CacheVersions): ParseCache {
    return new ParseCache(root, versions, true);
  }

  /** Opens the cache under `root`, dropping entries written by other extractor versions. */
  static async open(root: string, versions: CacheVersions): Promise<ParseCache> {
    const cache = new ParseCache(root, versions);
    await cache.pruneOtherVersions();
    return cache;
  }

  private async pruneOtherVersions(): Promise<void> {
    let names: string[] = [];
    try {
      names = await readdir(this.root);
    } catch {
      return;
    }
    const current = `s${this.versions.schemaVersion}-p${this.versions.parserVersion}`;
    await Promise.all(names.filter((n) => /^s\d+-p\d+$/.test(n) && n !== current).map((n) => rm(join(this.root, n), { recursive: true, force: true })));
  }

  /** Where the entry for a hash lives (exposed for the fault-injection tests). */
  entryPath(sha256: string): string {
    if (!SHA256_PATTERN.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.versionDir, sha256.slice(0, 2), `${sha256}.json`);
  }

  async get(sha256: string): Promise<CachedResult | null> {
    const path = this.entryPath(sha256);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      this.stats.misses++;
      return null;
    }
    const result = this.decode(text, sha256);
    if (!result) {
      this.stats.discarded++;
      this.stats.misses++;
      if (!this.readOnly) await rm(path, { force: true });
      return null;
    }
    this.stats.hits++;
    return result;
  }

  private decode(text: string, sha256: string): CachedResult | null {
    let envelope: unknown;
    try {
      envelope = JSON.parse(text);
    } catch {
      return null;
    }
    if (typeof envelope !== 'object' || envelope === null) return null;
    const e = envelope as Record<string, unknown>;
    if (
      e.format !== ENVELOPE_FORMAT ||
      e.sha256 !== sha256 ||
      e.schemaVersion !== this.versions.schemaVersion ||
      e.parserVersion !== this.versions.parserVersion ||
      typeof e.digest !== 'string' ||
      typeof e.result !== 'object' ||
      e.result === null
    ) {
      return null;
    }
    if (digestOf(JSON.stringify(e.result)) !== e.digest) return null;
    const r = e.result as Record<string, unknown>;
    if (r.kind === 'document' && isExtractedDocument(r.document, this.versions.schemaVersion) && r.document.source.sha256 === sha256) {
      return { kind: 'document', document: r.document };
    }
    if (r.kind === 'error' && isSerializedDocumentError(r.error, CACHEABLE_ERROR_CODES)) {
      return { kind: 'error', error: r.error };
    }
    return null;
  }

  /** Stores a result durably (atomic write); errors outside CACHEABLE_ERROR_CODES are ignored. */
  async put(sha256: string, result: CachedResult): Promise<void> {
    if (result.kind === 'error' && !CACHEABLE_ERROR_CODES.has(result.error.code)) return;
    const path = this.entryPath(sha256);
    const body = JSON.stringify(result);
    const envelope = `{"format":${ENVELOPE_FORMAT},"sha256":"${sha256}","schemaVersion":${this.versions.schemaVersion},"parserVersion":${this.versions.parserVersion},"digest":"${digestOf(body)}","result":${body}}`;
    await writeFileAtomic(path, envelope);
    this.stats.writes++;
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.entryPath(sha256), { force: true });
  }

  /** Clears temp files of writes interrupted by a crash. */
  async removeInterruptedWrites(): Promise<number> {
    let dirs: string[] = [];
    try {
      dirs = await readdir(this.versionDir);
    } catch {
      return 0;
    }
    const counts = await Promise.all(dirs.map((d) => removeStaleTempFiles(join(this.versionDir, d))));
    return counts.reduce((a, b) => a + b, 0);
  }
}
