import { STRINGS } from '../strings';

/**
 * The Chinese message of an error that crossed the bridge: document errors and IPC errors carry
 * `messageZh`; anything else gets a generic message (details go to the console).
 */
export function userMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'messageZh' in error && typeof error.messageZh === 'string') {
    return error.messageZh;
  }
  console.error(error);
  return STRINGS.errors.generic;
}
