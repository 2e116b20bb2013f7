/** A readable document of the folder, recognised and aligned once for all its relations. */
import type { RecognizedDocument } from '../checks/recognize';
import { recognizeDocument } from '../checks/recognize';
import type { ExtractedDocument } from '../model';
import type { AlignedTable } from './align';
import { alignDocument } from './align';
import type { DocIdentity } from './identity';
import { identifyDocument } from './identity';

export interface Prepared {
  file: string;
  doc: ExtractedDocument;
  rd: RecognizedDocument;
  aligned: AlignedTable[];
  identity: DocIdentity;
  /** the narrative, squashed (for unit names and declared unit counts) */
  text: string;
}

export function prepare(file: string, doc: ExtractedDocument): Prepared {
  const rd = recognizeDocument(doc);
  return {
    file,
    doc,
    rd,
    aligned: alignDocument(rd),
    identity: identifyDocument(doc, file),
    text: doc.narrative.map((b) => b.text.replace(/\s+/g, '')).join(''),
  };
}
