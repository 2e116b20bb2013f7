import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../../tests/faults/helpers/wait';
import type { WatchEvent } from './folder-watcher';
import { FolderWatcher } from './folder-watcher';

let base: string;
let root: string;
let watcher: FolderWatcher | null = null;
let events: WatchEvent[];

async function startWatcher(): Promise<FolderWatcher> {
  events = [];
  watcher = new FolderWatcher(root, (e) => events.push(e), { availabilityPollMs: 50 });
  await watcher.start();
  return watcher;
}
const readyEvents = (): Extract<WatchEvent, { type: 'ready' }>[] => events.filter((e): e is Extract<WatchEvent, { type: 'ready' }> => e.type === 'ready');

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'watch-'));
  root = join(base, 'u盘');
  await mkdir(join(root, 'a', 'b'), { recursive: true });
  await writeFile(join(root, '一.pdf'), 'x');
  await writeFile(join(root, 'a', 'b', '二.xlsx'), 'x');
  await writeFile(join(root, '.~lock.二.xlsx#'), 'x');
  await mkdir(join(root, '.git'));
  await writeFile(join(root, '.git', '隐藏.pdf'), 'x');
});
afterEach(async () => {
  await watcher?.close();
  watcher = null;
  await rm(base, { recursive: true, force: true });
});

describe('FolderWatcher', () => {
  it('reports supported files with "/" relative paths, then ready', async () => {
    await startWatcher();
    const [ready] = await waitFor(() => (readyEvents().length ? readyEvents() : null), 'ready');
    expect([...ready!.relativePaths].sort()).toEqual(['a/b/二.xlsx', '一.pdf']);
    expect(events[0]).toEqual({ type: 'availability', available: true });
  });

  it('does not follow symlink loops', async () => {
    await symlink('..', join(root, 'a', 'b', 'up'));
    await symlink(root, join(root, 'self'));
    await symlink('x.pdf', join(root, 'y.pdf'));
    await symlink('y.pdf', join(root, 'x.pdf'));
    await startWatcher();
    const [ready] = await waitFor(() => (readyEvents().length ? readyEvents() : null), 'ready');
    // directory loops are not walked (each file once); links that loop onto each other are skipped
    expect([...ready!.relativePaths].sort()).toEqual(['a/b/二.xlsx', '一.pdf']);
  });

  it('turns a vanished folder into "unavailable" (not deletions) and resumes when it returns', async () => {
    await startWatcher();
    await waitFor(() => readyEvents().length === 1, 'first ready');
    await rename(root, `${root}.unplugged`);
    await waitFor(() => events.some((e) => e.type === 'availability' && !e.available), 'unavailable');
    expect(events.filter((e) => e.type === 'unlink')).toEqual([]);
    await rename(`${root}.unplugged`, root);
    await waitFor(() => readyEvents().length === 2, 'second ready');
    expect(events.filter((e) => e.type === 'availability').map((e) => e.type === 'availability' && e.available)).toEqual([true, false, true]);
    await writeFile(join(root, '三.docx'), 'x');
    await waitFor(() => events.some((e) => e.type === 'add' && e.relativePath === '三.docx'), 'new file after return');
  });

  it('reports a folder that is missing at start as unavailable until it appears', async () => {
    await rename(root, `${root}.away`);
    await startWatcher();
    expect(watcher!.isAvailable()).toBe(false);
    await rename(`${root}.away`, root);
    await waitFor(() => readyEvents().length === 1, 'ready once present');
  });
});
