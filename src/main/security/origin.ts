/**
 * Where our renderer lives. Packaged and `electron-vite preview`: the privileged custom scheme
 * app://renderer/ (served by app-protocol.ts with CSP headers); `electron-vite dev`: the Vite dev
 * server given in ELECTRON_RENDERER_URL. Everything else is foreign.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export interface RendererOrigin {
  /** the Vite dev server origin in development (http://localhost:5173), otherwise null */
  devServerOrigin: string | null;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for URLs of our own renderer (pages, assets, frames). */
export function isAppUrl(url: string, origin: RendererOrigin): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '') return true;
  if (origin.devServerOrigin) {
    const dev = parse(origin.devServerOrigin);
    return dev !== null && u.protocol === dev.protocol && u.host === dev.host && (u.hostname === 'localhost' || u.hostname === '127.0.0.1');
  }
  return false;
}
