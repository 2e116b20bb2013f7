/**
 * A code–name catalogue of the 政府收支分类科目 (功能分类 2xx, 部门预算经济分类 3xx, 政府预算
 * 经济分类 5xx). The tool ships one built from the codes seen in sample publications; a year's
 * official catalogue can be loaded from a file (one "code name" per line, CSV, or JSON).
 */
import { squash } from '../text';
import { BUILTIN_CODES } from './codes';

export interface CodeCatalogue {
  /** where it came from, e.g. 内置（样本） or the file name */
  source: string;
  /** official: names are authoritative (mismatch = warning); built-in: a hint (note) */
  official: boolean;
  entries: ReadonlyMap<string, string>;
}

const CODE = /^\d{3}(\d{2}){0,2}$/;

/**
 * Parses a catalogue file's text: lines "2101501 行政运行", "2101501,行政运行", "2101501\t行政运行",
 * "210 15 01 行政运行" (split codes), or JSON ({"2101501": "行政运行"} or [{code, name}]).
 * Lines that are not a code and a name are skipped.
 */
export function parseCatalogue(text: string, source: string): CodeCatalogue {
  const entries = new Map<string, string>();
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const data = JSON.parse(trimmed) as unknown;
    const pairs: [string, string][] = Array.isArray(data)
      ? data.filter((e): e is { code: unknown; name: unknown } => typeof e === 'object' && e !== null).map((e) => [String(e.code), String(e.name)])
      : Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, String(v)]);
    for (const [code, name] of pairs) if (CODE.test(code.trim()) && name.trim()) entries.set(code.trim(), name.trim());
  } else {
    for (const line of trimmed.split(/\r?\n/)) {
      const m = /^\s*(\d{3})(?:[\s,，\t]*(\d{2}))?(?:[\s,，\t]*(\d{2}))?[\s,，\t]+(.+?)\s*$/.exec(line);
      if (!m) continue;
      const code = `${m[1]}${m[2] ?? ''}${m[3] ?? ''}`;
      const name = m[4]!.replace(/^["']|["']$/g, '').trim();
      if (CODE.test(code) && name && !/^\d+$/.test(name)) entries.set(code, name);
    }
  }
  return { source, official: true, entries };
}

let builtin: CodeCatalogue | undefined;

/** The catalogue shipped with the tool (codes seen in sample publications). */
export function builtinCatalogue(): CodeCatalogue {
  builtin ??= { source: '内置科目表（样本）', official: false, entries: new Map(BUILTIN_CODES) };
  return builtin;
}

/** Names compared as a reader would: width of brackets, spaces and quotes ignored. */
export function sameCodeName(a: string, b: string): boolean {
  return squash(a) === squash(b);
}

/** The function class (类) whose name a row label means: "十、卫生健康" → 210. */
export function functionClassByName(label: string, catalogue: CodeCatalogue): string | null {
  const core = squash(label)
    .replace(/^[一二三四五六七八九十百]+[、.]/, '')
    .replace(/^\([一二三四五六七八九十百]+\)/, '')
    .replace(/\(类\)$/, '');
  if (!core) return null;
  const bare = core.replace(/支出$/, '');
  return classIndex(catalogue).get(bare) ?? CLASS_ALIASES[bare] ?? null;
}

const classIndexes = new WeakMap<CodeCatalogue, Map<string, string>>();

/** Function classes by bare name (without 支出), built once per catalogue. */
function classIndex(catalogue: CodeCatalogue): Map<string, string> {
  let index = classIndexes.get(catalogue);
  if (!index) {
    index = new Map();
    for (const [code, name] of catalogue.entries) {
      if (code.length !== 3 || !code.startsWith('2')) continue;
      const n = squash(name).replace(/支出$/, '');
      if (!index.has(n)) index.set(n, code);
    }
    classIndexes.set(catalogue, index);
  }
  return index;
}

/** Former or regional names of function classes. */
const CLASS_ALIASES: Record<string, string> = {
  医疗卫生与计划生育: '210',
  医疗卫生: '210',
  卫生健康: '210',
  文化体育旅游与传媒: '207',
  文化体育与传媒: '207',
  城乡社区事务: '212',
  农林水事务: '213',
  资源勘探信息等: '215',
  资源勘探工业信息等: '215',
  商业服务业等: '216',
  自然资源海洋气象等: '220',
  灾害防治及应急管理: '224',
  国有资本经营预算: '223',
};
