import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCheck } from './check';

const FIXTURE = join(import.meta.dirname, '../../../tests/fixtures/pdf/002-libreoffice.pdf');
const dir = mkdtempSync(join(tmpdir(), 'check-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): { out: string[]; err: string[]; restore: () => void } {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  return { out, err, restore: () => (log.mockRestore(), error.mockRestore()) };
}

describe('check command', () => {
  it('prints findings by severity with the checklist and writes {findings, coverage}', async () => {
    const json = join(dir, 'out.json');
    const io = capture();
    const code = await runCheck([FIXTURE, '--json', json]);
    io.restore();
    expect(code).toBe(0);
    const text = io.out.join('\n');
    expect(text).toMatch(/错误（\d+）/);
    expect(text).toMatch(/提示（\d+）/);
    expect(text).toContain('尾差');
    expect(text).toContain('检查清单');
    const written = JSON.parse(readFileSync(json, 'utf8')) as { findings: { id: string; severity: string }[]; coverage: unknown[] };
    expect(written.findings.length).toBeGreaterThan(0);
    expect(written.coverage.length).toBeGreaterThan(30);
  });

  it('exits 1 with the Chinese reason when the file cannot be read, 2 without a file', async () => {
    const io = capture();
    expect(await runCheck([join(dir, 'missing.pdf')])).toBe(1);
    expect(await runCheck([])).toBe(2);
    io.restore();
    expect(io.err.join('\n')).toContain('文件已被删除或移动');
  });
});
