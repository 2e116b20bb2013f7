/**
 * Bad input never crashes and never "succeeds" empty: each kind gets a typed DocumentError with a
 * Chinese and an English message, and the CLI exits non-zero with that message.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { DocumentErrorCode } from '../../src/core/errors';
import { DocumentError } from '../../src/core/errors';
import { extractFile } from '../../src/node/extract-file';
import { FIXTURES_DIR } from '../fixtures/truth';

const BAD = join(FIXTURES_DIR, 'bad');
const ROOT = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'bad-input-'));

function badFixture(pattern: RegExp): string {
  const name = readdirSync(BAD).find((f) => pattern.test(f));
  if (!name) throw new Error(`no bad-input fixture matching ${pattern}`);
  return join(BAD, name);
}

function aGoodPdf(): Buffer {
  const dir = join(FIXTURES_DIR, 'pdf');
  const name = readdirSync(dir).find((f) => f.endsWith('.pdf'))!;
  return readFileSync(join(dir, name));
}

const CASES: [string, () => string, DocumentErrorCode][] = [
  ['a zero-byte file', () => badFixture(/empty|zero/i), 'empty-file'],
  ['a truncated PDF', () => badFixture(/truncat/i), 'truncated'],
  ['a PDF cut in the middle while being copied', () => {
    const path = join(scratch, 'half-copied.pdf');
    const good = aGoodPdf();
    writeFileSync(path, good.subarray(0, Math.floor(good.length / 2)));
    return path;
  }, 'truncated'],
  ['a password-protected PDF', () => badFixture(/encrypt|password/i), 'encrypted'],
  ['a scanned PDF without a text layer', () => badFixture(/scan/i), 'no-text-layer'],
  ['a non-PDF file named .pdf', () => badFixture(/not-?a-?pdf|renamed/i), 'not-pdf'],
  ['a missing file', () => join(scratch, 'vanished.pdf'), 'vanished'],
];

describe('bad input', () => {
  it.each(CASES)('%s → a clear typed error', async (_name, file, code) => {
    const error = await extractFile(file()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DocumentError);
    const e = error as DocumentError;
    expect(e.code).toBe(code);
    expect(e.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(e.message).toMatch(/[a-z]/);
  });

  // --no-ocr: without OCR a scan has nothing to read (with OCR, tests/ocr reads it)
  it.each(CASES)('CLI without OCR: %s → non-zero exit and the message in Chinese', async (_name, file, code) => {
    const run = promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/main.ts'), 'extract', file(), '--no-ocr'], { cwd: ROOT });
    const failure = await run.then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure, 'the CLI must not succeed').not.toBeNull();
    expect(failure!.code).not.toBe(0);
    expect(failure!.stderr).toContain(new DocumentError(code).messageZh.slice(0, 8));
  });
});
