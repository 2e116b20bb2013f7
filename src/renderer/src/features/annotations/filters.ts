/** Filtering and ordering of the annotations list. */
import type { Annotation, AnnotationCategory, AnnotationStatus } from '../../../../core/review/model';

export interface AnnotationFilter {
  status: AnnotationStatus | null;
  category: AnnotationCategory | null;
  /** exact author name; '' is the unsigned author */
  author: string | null;
}

export const NO_FILTER: AnnotationFilter = { status: null, category: null, author: null };

export function matchesFilter(annotation: Annotation, filter: AnnotationFilter): boolean {
  return (
    (filter.status === null || annotation.status === filter.status) &&
    (filter.category === null || annotation.category === filter.category) &&
    (filter.author === null || annotation.author === filter.author)
  );
}

/** Open ones first, then the most recently changed. */
export function sortForList(annotations: readonly Annotation[]): Annotation[] {
  const rank = (a: Annotation): number => (a.status === 'open' ? 0 : 1);
  return [...annotations].sort((a, b) => rank(a) - rank(b) || b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));
}

/** Every annotation author, in Chinese collation order. */
export function authorsOf(annotations: readonly Annotation[]): string[] {
  const names = new Set<string>();
  for (const a of annotations) names.add(a.author);
  return [...names].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
