/**
 * What our window may do: never open another window, never leave our own pages (a crafted link
 * or redirect in rendered content must not replace the UI with a foreign page that would then
 * talk to the preload API), never embed a <webview>, and get no device permissions.
 */
import type { RendererOrigin } from './origin';
import { isAppUrl } from './origin';

export type Decision = 'allow' | 'deny';

export function navigationDecision(url: string, origin: RendererOrigin): Decision {
  return isAppUrl(url, origin) ? 'allow' : 'deny';
}

/** window.open / target=_blank: always denied (the tool has a single window). */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Only writing plain text to the clipboard (copying a cell value) is granted. */
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function permissionDecision(permission: string, requestingUrl: string, origin: RendererOrigin): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl, origin);
}
