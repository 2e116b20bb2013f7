/**
 * A DOCX rendered to HTML by docx-preview, offline and under the app's CSP: no fonts fetched or
 * embedded (blob fonts are refused by font-src), no page headers/footers (their tables would shift
 * the table count), no alt-chunk iframes (frame-src 'none'), pages not split (a split paragraph
 * would shift the paragraph count). Links are made inert: the source view is not a browser.
 */
import { renderAsync } from 'docx-preview';

export const DOCX_CLASS = 'docx-src';

export async function renderDocx(data: Uint8Array, body: HTMLElement, styles: HTMLElement): Promise<void> {
  await renderAsync(data, body, styles, {
    className: DOCX_CLASS,
    inWrapper: true,
    ignoreFonts: true,
    breakPages: false,
    ignoreLastRenderedPageBreak: true,
    renderHeaders: false,
    renderFooters: false,
    renderFootnotes: false,
    renderEndnotes: false,
    renderComments: false,
    renderChanges: false,
    renderAltChunks: false,
    experimental: false,
    useBase64URL: false,
  });
  for (const a of Array.from(body.querySelectorAll('a[href]'))) a.removeAttribute('href');
}
