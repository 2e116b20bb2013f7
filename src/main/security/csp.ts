/**
 * The renderer's Content-Security-Policy, sent as a response header on every page (custom
 * protocol and dev server alike). No remote content at all: scripts, workers and fetches only from
 * our own origin — and fetches to the team's CouchDB when one is configured. 'unsafe-inline' is for styles only (AG Grid and React set inline styles);
 * 'wasm-unsafe-eval' lets pdf.js compile its image decoders (WebAssembly, not JS eval).
 */
export interface CspOptions {
  /** Vite dev server origin (adds its HMR websocket and React-refresh inline preamble) */
  devServerOrigin: string | null;
  /** the team's CouchDB origin (docs/sync.md): the one remote address the renderer may fetch */
  syncOrigin?: string | null;
}

/** The origin of a configured CouchDB URL, or null unless it is plain http(s) with a host. */
export function syncOriginOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname ? u.origin : null;
  } catch {
    return null;
  }
}

export function contentSecurityPolicy(options: CspOptions): string {
  const dev = options.devServerOrigin;
  const devSocket = dev ? ` ${dev.replace(/^http/, 'ws')}` : '';
  const directives: Record<string, string> = {
    'default-src': "'none'",
    'script-src': dev ? "'self' 'unsafe-inline' 'wasm-unsafe-eval'" : "'self' 'wasm-unsafe-eval'",
    'style-src': "'self' 'unsafe-inline'",
    'img-src': "'self' data: blob:",
    'font-src': "'self' data:",
    // blob: for the renderer's in-memory PDF bytes handed to pdf.js; the team database if set
    'connect-src': `'self' blob:${devSocket}${options.syncOrigin ? ` ${options.syncOrigin}` : ''}`,
    'worker-src': "'self' blob:",
    'manifest-src': "'self'",
    'frame-src': "'none'",
    'object-src': "'none'",
    'base-uri': "'none'",
    'form-action': "'none'",
    'frame-ancestors': "'none'",
  };
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** Response headers with our CSP replacing any the server sent (names are case-insensitive). */
export function withSecurityHeaders(headers: Record<string, string[] | string> | undefined, csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (/^content-security-policy(-report-only)?$/i.test(name) || /^x-content-type-options$/i.test(name)) continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [csp];
  out['X-Content-Type-Options'] = ['nosniff'];
  return out;
}
