/**
 * The whole-folder review in the main process, on a real watched folder: the services parse the
 * Chromium-printed draft and its corrected copy in the worker, the review pairs them as versions
 * with exactly their four edits, keeps its result until a file changes, and the clerk's unpair and
 * pair are validated, stored beside the settings and read back by the next start.
 */
import { copyFile, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../tests/faults/helpers/wait';
import { createHandlers } from '../ipc/handlers';
import { dispatch } from '../ipc/register';
import type { Services } from '../services';
import { startServices } from '../services';
import { FOLDER_RELATIONS_FILE, parseStoredRelations } from './folder-review';

const ROOT = resolve(import.meta.dirname, '../../..');
const DRAFT = join(ROOT, 'tests/fixtures/pdf/002-chromium.pdf');
const CORRECTED = join(ROOT, 'tests/fixtures/folder/002-chromium-corrected.pdf');
const WORKER = new URL('../parse/parse-worker.ts', import.meta.url);

const REVIEW_WORKER = new URL('./review-worker.ts', import.meta.url);

async function start(userData: string, folder: string, reviewWorker: URL | undefined): Promise<Services> {
  const services = await startServices({ userData, samplesFolder: null, workerEntry: WORKER, folderReviewWorkerEntry: reviewWorker, pool: { concurrency: 2 }, workspace: { stableMs: 50, stablePollMs: 25, notifyIntervalMs: 20 } });
  await services.workspace.setFolder(folder);
  return services;
}

async function parsed(services: Services, count: number): Promise<void> {
  await waitFor(() => {
    const s = services.workspace.state();
    return s.documents.length === count && s.documents.every((d) => d.status === 'parsed' || d.status === 'error');
  }, 'folder parsed', 120_000);
}

// the same behaviour whether the review runs in main or in its worker thread (the app)
describe.each([
  ['in the main process', undefined],
  ['in the folder-review worker', REVIEW_WORKER],
])('FolderReviewService on a real folder, reviewed %s', (_where, reviewWorker) => {
  let userData: string;
  let folder: string;
  let services: Services;
  const OLD = '医保局决算.pdf';
  const NEW = '医保局决算-修改.pdf';

  beforeAll(async () => {
    userData = await mkdtemp(join(tmpdir(), 'folder-review-user-'));
    folder = await mkdtemp(join(tmpdir(), 'folder-review-dir-'));
    await copyFile(DRAFT, join(folder, OLD));
    await copyFile(CORRECTED, join(folder, NEW));
    // names give no hint which is newer: the modification time does
    const t = Date.now() / 1000 - 3600;
    await utimes(join(folder, OLD), t, t);
    await utimes(join(folder, NEW), t + 60, t + 60);
    services = await start(userData, folder, reviewWorker);
    await parsed(services, 2);
  }, 180_000);

  afterAll(async () => {
    await services?.close();
    await rm(userData, { recursive: true, force: true });
    await rm(folder, { recursive: true, force: true });
  });

  it('pairs the two files as versions, older first, with exactly the four edits and both source cells', async () => {
    const review = await services.folderReview.review();
    expect(review.relations).toEqual([expect.objectContaining({ kind: 'versions', files: [OLD, NEW], source: 'auto', status: 'checked' })]);
    expect(review.findings).toHaveLength(4);
    const figure = review.findings.find((f) => f.cells.length === 2)!;
    expect(figure.message).toContain('35.80 → 38.50');
    expect(figure.cells.map((c) => [c.file, c.text])).toEqual([
      [OLD, '35.80'],
      [NEW, '38.50'],
    ]);
    for (const c of figure.cells) expect(c.page).toBeGreaterThan(0);
    expect(review.identities.map((x) => x.file).sort()).toEqual([NEW, OLD].sort());
    expect(review.overrides).toEqual({ pairs: [], unpairs: [] });
    const timing = services.folderReview.timing!;
    console.log(`[folder-review] 2 documents: load ${timing.loadMs.toFixed(0)} ms, reviewFolder ${timing.reviewMs.toFixed(0)} ms`);
    expect(timing.documents).toBe(2);
  });

  it('serves the kept result until something changes', async () => {
    const runs = services.folderReview.runs;
    const [a, b] = await Promise.all([services.folderReview.review(), services.folderReview.review()]);
    expect(a).toBe(b);
    expect(services.folderReview.runs).toBe(runs);
  });

  it('through IPC: validates the overrides, refuses files not in the folder, stores an unpair and a pair', async () => {
    const handlers = createHandlers({ workspace: services.workspace, settings: services.settings, sync: services.sync, dialogs: {} as never, grants: {} as never, defaultSaveDirectory: tmpdir() });
    const event = { senderFrame: { url: 'app://renderer/index.html' } };
    const options = { isTrustedSender: (url: string) => url.startsWith('app://renderer/') };
    const call = (command: 'folder:review' | 'folder:relations:set', args: unknown): Promise<unknown> => dispatch(command, handlers, event, args, options);

    await expect(call('folder:relations:set', { pairs: [{ kind: 'versions', files: [OLD, '../etc/passwd'] }] })).resolves.toMatchObject({ ok: false, error: { code: 'path-outside-folder' } });
    await expect(call('folder:relations:set', { pairs: [{ kind: 'sisters', files: [OLD, NEW] }] })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    await expect(call('folder:relations:set', { pairs: [{ kind: 'versions', files: [OLD, OLD] }] })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    await expect(call('folder:relations:set', { unpairs: [{ files: [OLD, '别的文件.pdf'] }] })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-argument', messageZh: expect.stringContaining('别的文件.pdf') } });
    await expect(call('folder:relations:set', { pairs: [], extra: 1 })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    await expect(call('folder:review', { x: 1 })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-argument' } });

    const unpaired = (await call('folder:relations:set', { unpairs: [{ kind: 'versions', files: [NEW, OLD] }] })) as { ok: true; value: { relations: unknown[]; findings: unknown[] } };
    expect(unpaired.ok).toBe(true);
    expect(unpaired.value.relations).toEqual([]);
    expect(unpaired.value.findings).toEqual([]);
    const stored = parseStoredRelations(await readFile(join(userData, FOLDER_RELATIONS_FILE), 'utf8'))!;
    expect(stored.get(folder)).toEqual({ pairs: [], unpairs: [{ kind: 'versions', files: [NEW, OLD] }] });

    // the unpair kept, the two paired by hand as another kind (a manual pair of files the review does not relate)
    const paired = (await call('folder:relations:set', { unpairs: [{ kind: 'versions', files: [NEW, OLD] }], pairs: [{ kind: 'year-over-year', files: [OLD, NEW] }] })) as {
      ok: true;
      value: { relations: { source: string; files: string[] }[] };
    };
    expect(paired.value.relations).toEqual([expect.objectContaining({ kind: 'year-over-year', source: 'manual', files: [OLD, NEW], status: 'checked' })]);
  });

  it('the next start reads the stored overrides back; a damaged store is set aside, not fatal', async () => {
    await services.close();
    services = await start(userData, folder, reviewWorker);
    await parsed(services, 2);
    expect(services.folderReview.overridesOf(folder).pairs).toEqual([{ kind: 'year-over-year', files: [OLD, NEW] }]);
    expect((await services.folderReview.review()).relations).toEqual([expect.objectContaining({ kind: 'year-over-year', source: 'manual' })]);
    await services.close();

    await writeFile(join(userData, FOLDER_RELATIONS_FILE), '{"version":1,"folders":');
    services = await start(userData, folder, reviewWorker);
    await parsed(services, 2);
    expect(services.folderReview.overridesOf(folder)).toEqual({ pairs: [], unpairs: [] });
    expect((await services.folderReview.review()).relations[0]).toMatchObject({ source: 'auto', files: [OLD, NEW] });
  }, 180_000);

  it('re-runs when a file changes: an identical copy replacing the corrected one leaves no finding', async () => {
    const runs = services.folderReview.runs;
    await copyFile(DRAFT, join(folder, NEW));
    await waitFor(() => {
      const d = services.workspace.state().documents.find((x) => x.relativePath === NEW);
      return d?.status === 'parsed' && d.sha256 === services.workspace.state().documents.find((x) => x.relativePath === OLD)?.sha256;
    }, 'changed file parsed', 120_000);
    const review = await services.folderReview.review();
    expect(services.folderReview.runs).toBe(runs + 1);
    expect(review.relations).toHaveLength(1);
    expect(review.findings).toEqual([]);
  }, 180_000);
});

describe('parseStoredRelations', () => {
  it('keeps valid folders and drops a damaged entry', () => {
    const text = JSON.stringify({ version: 1, folders: { '/a': { pairs: [{ kind: 'versions', files: ['x.pdf', 'y.pdf'] }] }, '/b': { pairs: [{ kind: 'nope', files: ['x', 'y'] }] } } });
    const parsed = parseStoredRelations(text)!;
    expect([...parsed.keys()]).toEqual(['/a']);
    expect(parseStoredRelations('{"version":2,"folders":{}}')).toBeNull();
    expect(parseStoredRelations('nope')).toBeNull();
  });
});
