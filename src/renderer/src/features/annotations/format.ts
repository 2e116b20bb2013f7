/** Dates and names as the annotation views show them. */
import { STRINGS } from '../../strings';

export function formatTime(at: number): string {
  return new Date(at).toLocaleString('zh-CN', { hour12: false });
}

export function authorName(name: string): string {
  return name || STRINGS.annotations.anonymous;
}
