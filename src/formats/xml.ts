/**
 * A minimal namespace-aware XML tree for reading OOXML parts (word/document.xml). Built on
 * saxes, which runs in Node and in a browser worker alike. Elements are matched by namespace
 * URI + local name, never by prefix, since producers may choose any prefix.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  uri: string;
  local: string;
  /** attributes by local name (OOXML never repeats a local name on one element) */
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export interface ParseOptions {
  /** elements whose whole subtree is not needed (not stored: saves memory on large documents) */
  skip?: (uri: string, local: string) => boolean;
  /** whether text directly inside an element is needed (default: all text) */
  keepText?: (parent: XmlElement) => boolean;
}

/** Parses a whole XML document; throws the parser's error on malformed input. */
export function parseXml(text: string, options: ParseOptions = {}): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { uri: '', local: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const { skip, keepText } = options;
  let skipping = 0; // depth inside a skipped subtree
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => {
    if (skipping > 0 || skip?.(tag.uri, tag.local)) {
      if (!tag.isSelfClosing) skipping++;
      return;
    }
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) attrs[a.local] = a.value;
    const el: XmlElement = { uri: tag.uri, local: tag.local, attrs, children: [] };
    stack[stack.length - 1]!.children.push(el);
    if (!tag.isSelfClosing) stack.push(el);
  });
  parser.on('closetag', (tag) => {
    if (skipping > 0) {
      if (!tag.isSelfClosing) skipping--;
      return;
    }
    if (!tag.isSelfClosing) stack.pop();
  });
  const onText = (t: string): void => {
    if (skipping > 0) return;
    const parent = stack[stack.length - 1]!;
    if (!keepText || keepText(parent)) parent.children.push(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.write(text).close();
  if (failure) throw failure;
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw new Error('XML document has no root element');
  return top;
}

export function isElement(node: XmlNode): node is XmlElement {
  return typeof node !== 'string';
}

/** Child elements, optionally filtered by namespace set and local name. */
export function childElements(el: XmlElement, ns?: ReadonlySet<string>, local?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (ns && !ns.has(c.uri)) continue;
    if (local !== undefined && c.local !== local) continue;
    out.push(c);
  }
  return out;
}

export function firstChild(el: XmlElement, ns: ReadonlySet<string>, local: string): XmlElement | undefined {
  for (const c of el.children) {
    if (typeof c !== 'string' && c.local === local && ns.has(c.uri)) return c;
  }
  return undefined;
}

/** Concatenated character data of the element's own text children. */
export function ownText(el: XmlElement): string {
  let out = '';
  for (const c of el.children) if (typeof c === 'string') out += c;
  return out;
}
