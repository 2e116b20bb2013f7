/**
 * A tiny HTTP server for the browser-mode end-to-end tests, on 127.0.0.1: the built renderer at
 * `/`, and a folder at `/__folder/` (manifest.json listing its files, files/<relativePath> serving
 * them) — what the browser bridge reads in place of Electron's watched folder — and, when given an
 * export directory, `/__export/` (GET directory names it, PUT files/<name> writes a file into it),
 * which the bridge uses in place of Electron's directory picker for batch export.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

export interface ServedApp {
  url: string;
  close: () => Promise<void>;
}

async function listFiles(root: string, dir = root): Promise<{ relativePath: string; size: number; mtimeMs: number }[]> {
  const out: { relativePath: string; size: number; mtimeMs: number }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(root, full)));
    else if (entry.isFile()) {
      const s = await stat(full);
      out.push({ relativePath: relative(root, full).split(sep).join('/'), size: s.size, mtimeMs: s.mtimeMs });
    }
  }
  return out;
}

/** Resolves `path` under `root`, or null when it escapes it. */
function inside(root: string, path: string): string | null {
  const full = resolve(root, `.${path}`);
  return full === root || full.startsWith(root + sep) ? full : null;
}

export interface ServeOptions {
  /** where batch export writes (absent: the app's "choose directory" is refused) */
  exportDir?: string;
  /** extra response headers for the app's own files (e.g. a Content-Security-Policy, which unlike the meta tag also binds workers) */
  appHeaders?: Record<string, string>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => done(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

export async function serveApp(appDir: string, folderDir: string, serveOptions: ServeOptions = {}): Promise<ServedApp> {
  const appRoot = resolve(appDir);
  const folderRoot = resolve(folderDir);
  const exportRoot = serveOptions.exportDir ? resolve(serveOptions.exportDir) : null;

  async function sendFile(res: ServerResponse, file: string | null, extra: Record<string, string> = {}): Promise<void> {
    const s = file ? await stat(file).catch(() => null) : null;
    if (!file || !s?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': s.size, 'Cache-Control': 'no-store', ...extra });
    createReadStream(file).pipe(res);
  }

  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/__folder/manifest.json') {
      listFiles(folderRoot).then(
        (files) => {
          res.writeHead(200, { 'Content-Type': TYPES['.json']!, 'Cache-Control': 'no-store' });
          res.end(JSON.stringify({ folder: folderRoot, files }));
        },
        () => res.writeHead(500).end(),
      );
      return;
    }
    if (path === '/__export/directory' && exportRoot) {
      res.writeHead(200, { 'Content-Type': TYPES['.json']!, 'Cache-Control': 'no-store' });
      res.end(JSON.stringify({ path: exportRoot }));
      return;
    }
    if (path.startsWith('/__export/files/') && req.method === 'PUT' && exportRoot) {
      const target = inside(exportRoot, path.slice('/__export/files'.length));
      if (!target) {
        res.writeHead(400).end();
        return;
      }
      readBody(req)
        .then((body) => writeFile(target, body))
        .then(
          () => {
            res.writeHead(200, { 'Content-Type': TYPES['.json']! });
            res.end(JSON.stringify({ path: target }));
          },
          () => res.writeHead(500).end(),
        );
      return;
    }
    if (path.startsWith('/__folder/files/')) {
      void sendFile(res, inside(folderRoot, path.slice('/__folder/files'.length)));
      return;
    }
    void sendFile(res, inside(appRoot, path === '/' ? '/index.html' : path), serveOptions.appHeaders);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
