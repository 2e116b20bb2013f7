import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IpcError } from './ipc-error';
import { isInsideFolder, parseRelativePath, resolveInsideFolder } from './path-guard';

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (e) {
    return e instanceof IpcError ? e.code : `unexpected ${String(e)}`;
  }
}

describe('parseRelativePath (syntax)', () => {
  it.each([
    ['预算.pdf', 'posix', ['预算.pdf']],
    ['2025/部门/决算.pdf', 'posix', ['2025', '部门', '决算.pdf']],
    ['a..b.pdf', 'posix', ['a..b.pdf']],
    ['...pdf', 'posix', ['...pdf']],
    ['dir\\name.pdf', 'posix', ['dir\\name.pdf']],
    ['dir\\name.pdf', 'win32', ['dir', 'name.pdf']],
    ['dir/name.pdf', 'win32', ['dir', 'name.pdf']],
  ] as const)('accepts %j on %s', (value, platform, segments) => {
    expect(parseRelativePath(value, platform)).toEqual(segments);
  });

  it.each([
    [42, 'posix', 'invalid-argument'],
    [null, 'posix', 'invalid-argument'],
    [['a.pdf'], 'posix', 'invalid-argument'],
    ['', 'posix', 'invalid-argument'],
    ['x'.repeat(1025), 'posix', 'invalid-argument'],
    ['a\u0000.pdf', 'posix', 'invalid-argument'],
    ['a\n.pdf', 'posix', 'invalid-argument'],
    ['/etc/passwd', 'posix', 'path-outside-folder'],
    ['../secret.pdf', 'posix', 'path-outside-folder'],
    ['a/../../secret.pdf', 'posix', 'path-outside-folder'],
    ['a/..', 'posix', 'path-outside-folder'],
    ['..', 'posix', 'path-outside-folder'],
    ['./a.pdf', 'posix', 'invalid-argument'],
    ['a//b.pdf', 'posix', 'invalid-argument'],
    ['a/', 'posix', 'invalid-argument'],
    ['C:/Windows/win.ini', 'win32', 'path-outside-folder'],
    ['C:secret.pdf', 'win32', 'path-outside-folder'],
    ['\\\\server\\share\\a.pdf', 'win32', 'path-outside-folder'],
    ['\\a.pdf', 'win32', 'path-outside-folder'],
    ['a\\..\\..\\b.pdf', 'win32', 'path-outside-folder'],
    ['a.pdf:stream', 'win32', 'path-outside-folder'],
    ['a.pdf.', 'win32', 'invalid-argument'],
    ['a.pdf ', 'win32', 'invalid-argument'],
    ['CON', 'win32', 'invalid-argument'],
    ['nul.pdf', 'win32', 'invalid-argument'],
    ['a?.pdf', 'win32', 'invalid-argument'],
  ] as const)('refuses %j on %s as %s', (value, platform, code) => {
    expect(codeOf(() => parseRelativePath(value, platform))).toBe(code);
  });
});

describe('resolveInsideFolder (real files, symlinks resolved)', () => {
  let base: string;
  let root: string;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'guard-'));
    root = join(base, 'docs');
    await mkdir(join(root, 'sub'), { recursive: true });
    await mkdir(join(base, 'docs-evil'));
    await writeFile(join(root, '预算.pdf'), '%PDF-');
    await writeFile(join(root, 'sub', '决算.pdf'), '%PDF-');
    await writeFile(join(base, 'secret.pdf'), 'secret');
    await writeFile(join(base, 'docs-evil', 'x.pdf'), 'evil');
    await symlink(join(root, '预算.pdf'), join(root, 'inside-link.pdf'));
    await symlink(join(base, 'secret.pdf'), join(root, 'outside-link.pdf'));
    await symlink(join(base, 'docs-evil'), join(root, 'evil-dir'));
    await symlink('..', join(root, 'sub', 'up'));
    await symlink('loop-b.pdf', join(root, 'loop-a.pdf'));
    await symlink('loop-a.pdf', join(root, 'loop-b.pdf'));
    await symlink(root, join(base, 'root-link'));
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  async function outcome(rel: unknown, folder = root): Promise<string> {
    try {
      return await resolveInsideFolder(folder, rel, 'posix');
    } catch (e) {
      return e instanceof IpcError ? `error:${e.code}` : `unexpected:${String(e)}`;
    }
  }

  it.each([
    ['预算.pdf', 'docs/预算.pdf'],
    ['sub/决算.pdf', 'docs/sub/决算.pdf'],
    ['inside-link.pdf', 'docs/预算.pdf'],
    ['sub/up/预算.pdf', 'docs/预算.pdf'],
  ])('%s reads %s', async (rel, expected) => {
    expect(await outcome(rel)).toBe(join(base, expected));
  });

  it.each([
    ['outside-link.pdf', 'error:path-outside-folder'],
    ['evil-dir/x.pdf', 'error:path-outside-folder'],
    ['sub/up/../secret.pdf', 'error:path-outside-folder'],
    ['../secret.pdf', 'error:path-outside-folder'],
    ['/etc/passwd', 'error:path-outside-folder'],
    ['sub', 'error:invalid-argument'],
    ['missing.pdf', 'error:not-found'],
    ['loop-a.pdf', 'error:not-found'],
  ])('%s is refused (%s)', async (rel, expected) => {
    expect(await outcome(rel)).toBe(expected);
  });

  it('works when the chosen folder itself is reached through a symlink', async () => {
    expect(await outcome('预算.pdf', join(base, 'root-link'))).toBe(join(base, 'docs/预算.pdf'));
  });

  it('reports a missing folder as unavailable', async () => {
    expect(await outcome('预算.pdf', join(base, 'unplugged'))).toBe('error:folder-unavailable');
  });

  it('isInsideFolder follows links and rejects prefix look-alikes', async () => {
    expect(await isInsideFolder(root, join(root, 'inside-link.pdf'))).toBe(true);
    expect(await isInsideFolder(root, join(root, 'outside-link.pdf'))).toBe(false);
    expect(await isInsideFolder(root, join(base, 'docs-evil', 'x.pdf'))).toBe(false);
    expect(await isInsideFolder(root, root)).toBe(false);
  });
});
