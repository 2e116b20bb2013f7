/**
 * The slice of the pdf.js API the extractor uses. The module itself is injected (legacy build in
 * Node, the regular build in a browser worker), so core never imports pdf.js by path.
 */
import type * as PdfjsModule from 'pdfjs-dist';

export type Pdfjs = Pick<typeof PdfjsModule, 'getDocument' | 'OPS'>;
export type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/** Parameters passed to `getDocument` besides the data: where cMaps and standard fonts live. */
export interface PdfLoadParams {
  cMapUrl: string;
  cMapPacked: boolean;
  standardFontDataUrl: string;
  isEvalSupported?: boolean;
  useSystemFonts?: boolean;
  verbosity?: number;
}

/** pdf.js as the host provides it: the module and how to load documents in this environment. */
export interface PdfSource {
  pdfjs: Pdfjs;
  params: PdfLoadParams;
}
