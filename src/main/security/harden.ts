/**
 * Applies the navigation, window and permission policy to Electron objects. Typed structurally
 * (the few methods used) so it is tested with fakes: the Electron binary is not available in CI.
 */
import type { RendererOrigin } from './origin';
import { navigationDecision, permissionDecision, windowOpenDecision } from './navigation-policy';
import { withSecurityHeaders } from './csp';

interface PreventableEvent {
  preventDefault(): void;
}

export interface WebContentsLike {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean): void;
  webRequest: {
    onHeadersReceived(listener: (details: { responseHeaders?: Record<string, string[] | string> }, callback: (response: { responseHeaders: Record<string, string[]> }) => void) => void): void;
  };
}

export function hardenWebContents(contents: WebContentsLike, origin: RendererOrigin, log?: (message: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    log?.(`blocked window.open ${url.slice(0, 200)}`);
    return windowOpenDecision();
  });
  const guard = (event: PreventableEvent, url: string): void => {
    if (navigationDecision(url, origin) === 'deny') {
      event.preventDefault();
      log?.(`blocked navigation to ${url.slice(0, 200)}`);
    }
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** `csp` is read on every response: it follows the sync settings (the team database's origin). */
export function hardenSession(session: SessionLike, origin: RendererOrigin, csp: () => string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(permissionDecision(permission, details.requestingUrl ?? '', origin)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionDecision(permission, requestingOrigin, origin));
  // Also for the dev server's HTTP responses; app:// responses carry it from app-protocol.
  session.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withSecurityHeaders(details.responseHeaders, csp()) }));
}
