/**
 * exceljs 4.4 writes an internal link ("#'Sheet'!C12") as an *external* relationship plus a
 * location that still carries the "#": LibreOffice then opens "file.xlsx#'Sheet'!C12##'Sheet'!C12"
 * and Excel treats it as a file link. Rewrite such links the way Excel itself stores them: a
 * `location` only ('Sheet'!C12), no relationship.
 */
import JSZip from 'jszip';

const HYPERLINK = /<hyperlink\b[^>]*\/>/g;
const ATTRIBUTE = /([\w:]+)="([^"]*)"/g;

function attributes(tag: string): Map<string, string> {
  return new Map([...tag.matchAll(ATTRIBUTE)].map((m) => [m[1]!, m[2]!]));
}

function sheetRelsPath(sheetPath: string): string {
  const slash = sheetPath.lastIndexOf('/');
  return `${sheetPath.slice(0, slash)}/_rels/${sheetPath.slice(slash + 1)}.rels`;
}

/** Returns the package with internal links fixed; recompresses everything once. */
export async function fixInternalLinks(xlsx: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const sheets = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p));
  for (const path of sheets) {
    const file = zip.file(path);
    if (!file) continue;
    const xml = await file.async('string');
    if (!xml.includes('location="#')) continue;
    const dropped = new Set<string>();
    const fixed = xml.replace(HYPERLINK, (tag) => {
      const attrs = attributes(tag);
      const location = attrs.get('location');
      if (!location?.startsWith('#')) return tag;
      const rid = attrs.get('r:id');
      if (rid) dropped.add(rid);
      const keep = [...attrs].filter(([k]) => k !== 'r:id' && k !== 'location').map(([k, v]) => `${k}="${v}"`);
      return `<hyperlink ${[...keep, `location="${location.slice(1)}"`].join(' ')}/>`;
    });
    zip.file(path, fixed);
    const relsPath = sheetRelsPath(path);
    const rels = zip.file(relsPath);
    if (!rels || dropped.size === 0) continue;
    const relsXml = (await rels.async('string')).replace(/<Relationship\b[^>]*\/>/g, (tag) => (dropped.has(attributes(tag).get('Id') ?? '') ? '' : tag));
    if (/<Relationship\b/.test(relsXml)) zip.file(relsPath, relsXml);
    else zip.remove(relsPath);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
