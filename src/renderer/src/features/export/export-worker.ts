/**
 * Builds corrected workbooks off the UI thread: runs the checks on the corrected document (so
 * 问题清单 lists what is still wrong after the corrections, as the CLI does) and writes the
 * workbook with exceljs. Bytes go back transferred, not copied.
 */
import { runChecks } from '../../../../core/checks';
import { applyEdits } from '../../../../core/review/edits';
import { buildWorkbook } from '../../../../export/workbook';
import type { BuildReply, BuildRequest } from './protocol';

function reply(message: BuildReply, transfer: Transferable[] = []): void {
  postMessage(message, { transfer });
}

addEventListener('message', (event: MessageEvent<BuildRequest>) => {
  const request = event.data;
  if (request.type !== 'build') return;
  const started = performance.now();
  void (async () => {
    try {
      const { findings } = runChecks(applyEdits(request.document, request.review.edits));
      const bytes = await buildWorkbook({
        document: request.document,
        review: request.review,
        findings,
        toolVersion: request.toolVersion,
        exportedAt: new Date(request.exportedAt),
      });
      reply({ type: 'done', id: request.id, bytes, findings: findings.length, ms: performance.now() - started }, [bytes.buffer]);
    } catch (e) {
      reply({ type: 'error', id: request.id, message: e instanceof Error ? e.message : String(e) });
    }
  })();
});
