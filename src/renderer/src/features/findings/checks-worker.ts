/**
 * Runs the checks off the UI thread: the open document is sent once and kept; each request brings
 * the edit log, applied before checking, so an edit costs one small message, not a copy of the
 * document.
 */
import { runChecks } from '../../../../core/checks';
import type { ExtractedDocument } from '../../../../core/model';
import { applyEdits } from '../../../../core/review/edits';
import type { CheckReply, ChecksRequest } from './checks-protocol';

const kept = new Map<string, ExtractedDocument>();

function reply(message: CheckReply): void {
  postMessage(message);
}

addEventListener('message', (event: MessageEvent<ChecksRequest>) => {
  const request = event.data;
  if (request.type === 'release') {
    for (const key of [...kept.keys()]) if (key !== request.keep) kept.delete(key);
    return;
  }
  const doc = request.doc ?? kept.get(request.key);
  if (!doc) {
    reply({ type: 'error', id: request.id, message: 'document not loaded', missing: true });
    return;
  }
  if (request.doc && request.keep) kept.set(request.key, request.doc);
  try {
    const started = performance.now();
    const report = runChecks(applyEdits(doc, request.edits));
    reply({ type: 'done', id: request.id, report, ms: performance.now() - started });
  } catch (e) {
    reply({ type: 'error', id: request.id, message: e instanceof Error ? e.message : String(e) });
  }
});
