/** The annotation categories and statuses in the order the UI offers them. */
import type { AnnotationCategory, AnnotationStatus } from '../../../../core/review/model';

export const CATEGORIES: readonly AnnotationCategory[] = ['data-error', 'text-error', 'format', 'question'];
export const STATUSES: readonly AnnotationStatus[] = ['open', 'resolved', 'wont-fix'];
