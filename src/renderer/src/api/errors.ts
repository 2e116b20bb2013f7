import { STRINGS } from '../strings';

/**
 * The Chinese message of an error that crossed the bridge: document errors and IPC errors carry
 * `messageZh`; anything else gets a generic message (details go to the console).
 */
export function userMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'messageZh' in error && typeof error.messageZh === 'string') {
    return error.messageZh;
  }
  // the review database is closed or could not open: the start-up notice explains why
  if (error instanceof Error && (error.name === 'DatabaseClosedError' || error.name === 'OpenFailedError')) return STRINGS.storage.unavailable;
  console.error(error);
  return STRINGS.errors.generic;
}
