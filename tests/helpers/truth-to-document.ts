/**
 * Builds an ExtractedDocument from the fixtures' hand-made ground truth by id (reads the file;
 * Node only). Browser-safe tests import the JSON and use ./truth-content instead.
 */
import type { ExtractedDocument } from '../../src/core/model';
import { loadContent } from '../fixtures/truth';
import { contentDocument } from './truth-content';
import type { ContentJson } from './truth-content';

/** The seed publication `id` (000, 002, 004, edge-…) as a document. */
export function truthDocument(id: string): ExtractedDocument {
  return contentDocument(loadContent(`content/${id}.json`) as unknown as ContentJson);
}
