/**
 * Serves the built renderer from app://renderer/… instead of file://, so pages have a real
 * origin, get our CSP as a response header, and can load nothing else from disk: a request is
 * answered only for a file inside the renderer directory.
 */
import { extname, join, normalize, relative, sep, isAbsolute } from 'node:path';
import { APP_HOST, APP_SCHEME } from './origin';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.map': 'application/json; charset=utf-8',
};

export type AssetResolution = { status: 200; path: string; contentType: string } | { status: 404 };

/** Maps an app:// URL to a file inside `rendererDir`, or 404 for anything else. */
export function resolveAppAsset(rendererDir: string, url: string): AssetResolution {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { status: 404 };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return { status: 404 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return { status: 404 };
  }
  if (pathname.includes('\0')) return { status: 404 };
  const rel = normalize(pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, ''));
  const path = join(rendererDir, rel);
  const inside = relative(rendererDir, path);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return { status: 404 };
  const contentType = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  return { status: 200, path, contentType };
}
