import { describe, expect, it } from 'vitest';
import { resolveAppAsset } from './app-protocol';
import { contentSecurityPolicy, syncOriginOf, withSecurityHeaders } from './csp';
import type { SessionLike, WebContentsLike } from './harden';
import { hardenSession, hardenWebContents } from './harden';
import { navigationDecision, permissionDecision } from './navigation-policy';
import type { RendererOrigin } from './origin';
import { mainWindowOptions } from './window-options';

const packaged: RendererOrigin = { devServerOrigin: null };
const dev: RendererOrigin = { devServerOrigin: 'http://localhost:5173' };

describe('main window options', () => {
  it('turns every renderer isolation switch on', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('navigation policy', () => {
  it.each([
    ['app://renderer/index.html', packaged, 'allow'],
    ['app://renderer/index.html#/doc/1', packaged, 'allow'],
    ['app://other/index.html', packaged, 'deny'],
    ['app://user:pw@renderer/index.html', packaged, 'deny'],
    ['https://evil.example/', packaged, 'deny'],
    ['http://localhost:5173/', packaged, 'deny'],
    ['file:///etc/passwd', packaged, 'deny'],
    ['javascript:alert(1)', packaged, 'deny'],
    ['data:text/html,<script>alert(1)</script>', packaged, 'deny'],
    ['not a url', packaged, 'deny'],
    ['http://localhost:5173/index.html', dev, 'allow'],
    ['http://localhost:5174/', dev, 'deny'],
    ['http://evil.example:5173/', dev, 'deny'],
  ] as const)('%s (%j) → %s', (url, origin, decision) => {
    expect(navigationDecision(url, origin)).toBe(decision);
  });

  it.each([
    ['clipboard-sanitized-write', 'app://renderer/index.html', true],
    ['clipboard-sanitized-write', 'https://evil.example/', false],
    ['media', 'app://renderer/index.html', false],
    ['geolocation', 'app://renderer/index.html', false],
    ['notifications', 'app://renderer/index.html', false],
    ['openExternal', 'app://renderer/index.html', false],
  ] as const)('permission %s from %s → %s', (permission, url, granted) => {
    expect(permissionDecision(permission, url, packaged)).toBe(granted);
  });
});

describe('hardenWebContents / hardenSession', () => {
  function fakeContents(): { contents: WebContentsLike; fire: (event: string, url?: string) => boolean; openHandler: () => unknown } {
    const listeners = new Map<string, (e: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((d: { url: string }) => unknown) | null = null;
    const contents = {
      setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) => {
        openHandler = h;
      },
      on: (event: string, listener: (e: { preventDefault(): void }, url: string) => void) => listeners.set(event, listener),
    } as unknown as WebContentsLike;
    return {
      contents,
      fire: (event, url = '') => {
        let prevented = false;
        listeners.get(event)?.({ preventDefault: () => (prevented = true) }, url);
        return prevented;
      },
      openHandler: () => openHandler?.({ url: 'https://evil.example/' }),
    };
  }

  it('denies new windows, foreign navigation and redirects, and webviews', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents, packaged);
    expect(fake.openHandler()).toEqual({ action: 'deny' });
    expect(fake.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fake.fire('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(fake.fire('will-navigate', 'app://renderer/index.html')).toBe(false);
    expect(fake.fire('will-attach-webview')).toBe(true);
  });

  it('puts the CSP on every response and denies permissions', () => {
    let headersHook: Parameters<SessionLike['webRequest']['onHeadersReceived']>[0] | null = null;
    let requestHandler: Parameters<SessionLike['setPermissionRequestHandler']>[0] | null = null;
    const session: SessionLike = {
      setPermissionRequestHandler: (h) => (requestHandler = h),
      setPermissionCheckHandler: () => undefined,
      webRequest: { onHeadersReceived: (h) => (headersHook = h) },
    };
    hardenSession(session, packaged, () => 'default-src none');
    let headers: Record<string, string[]> = {};
    headersHook!({ responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': 'text/html' } }, (r) => (headers = r.responseHeaders));
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ['default-src none'], 'X-Content-Type-Options': ['nosniff'] });
    let granted: boolean | null = null;
    requestHandler!(null, 'media', (g) => (granted = g), { requestingUrl: 'app://renderer/index.html' });
    expect(granted).toBe(false);
  });
});

describe('content security policy', () => {
  const directives = (csp: string): Map<string, string> => new Map(csp.split('; ').map((d) => [d.split(' ')[0]!, d.slice(d.indexOf(' ') + 1)]));

  it('allows no remote content and no script eval or inline script when packaged', () => {
    const csp = directives(contentSecurityPolicy({ devServerOrigin: null }));
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    for (const value of csp.values()) expect(value).not.toMatch(/https?:|\*|'unsafe-eval'/);
  });

  it('adds only the local dev server websocket in development', () => {
    const csp = directives(contentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' }));
    expect(csp.get('connect-src')).toBe("'self' blob: ws://localhost:5173");
  });

  it('admits the configured team database, and only an http(s) origin of it', () => {
    const csp = directives(contentSecurityPolicy({ devServerOrigin: null, syncOrigin: syncOriginOf('https://couch.example.gov.cn:6984/budget-2025') }));
    expect(csp.get('connect-src')).toBe("'self' blob: https://couch.example.gov.cn:6984");
    expect(csp.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
    for (const bad of ['', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'app://renderer/x', null, undefined]) expect(syncOriginOf(bad)).toBeNull();
    expect(directives(contentSecurityPolicy({ devServerOrigin: null, syncOrigin: null })).get('connect-src')).toBe("'self' blob:");
  });

  it('replaces a header the server sent', () => {
    expect(withSecurityHeaders(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'], 'X-Content-Type-Options': ['nosniff'] });
  });
});

describe('app:// asset resolution', () => {
  const dir = '/app/out/renderer';
  it.each([
    ['app://renderer/', '/app/out/renderer/index.html', 'text/html; charset=utf-8'],
    ['app://renderer/index.html', '/app/out/renderer/index.html', 'text/html; charset=utf-8'],
    ['app://renderer/assets/index-abc.js?v=1', '/app/out/renderer/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['app://renderer/cmaps/UniGB-UCS2-H.bcmap', '/app/out/renderer/cmaps/UniGB-UCS2-H.bcmap', 'application/octet-stream'],
    ['app://renderer/assets/%E5%AD%97.woff2', '/app/out/renderer/assets/字.woff2', 'font/woff2'],
  ])('%s → %s', (url, path, contentType) => {
    expect(resolveAppAsset(dir, url)).toEqual({ status: 200, path, contentType });
  });

  it.each(['app://renderer/../../../etc/passwd', 'app://renderer/%2e%2e/%2e%2e/etc/passwd'])('%s stays inside the renderer directory', (url) => {
    // URL parsing already drops dot segments; the result must still be inside `dir`
    expect(resolveAppAsset(dir, url)).toMatchObject({ status: 200, path: '/app/out/renderer/etc/passwd' });
  });

  it.each([
    'app://renderer/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://renderer/a%00.js',
    'app://renderer/%E0%A4%A',
    'app://other/index.html',
    'file:///app/out/renderer/index.html',
  ])('%s → 404', (url) => {
    expect(resolveAppAsset(dir, url)).toEqual({ status: 404 });
  });
});
