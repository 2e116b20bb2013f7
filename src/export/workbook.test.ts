/**
 * Round trip: the tables of a real final-accounts publication (seed 002, transcribed in
 * tests/fixtures/truth) → a review with edits, an undo, annotations, findings and decisions →
 * workbook → read back with exceljs and from the raw package XML, as a user's spreadsheet would.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../tests/fixtures/truth';
import type { Finding } from '../core/checks/model';
import type { Annotation, CellEdit, DocumentReview } from '../core/review/model';
import { documentFromSpecs } from './testing/document-builder';
import { buildWorkbook, buildWorkbooks, emptyReview, workbookFileName, type BatchProgress } from './workbook';

const HASH = '3f'.repeat(32);
const content = loadContent('content/002.json');
const document = documentFromSpecs(content.tables, { path: '/data/焦作市医疗保障局2023年度部门决算.pdf', sha256: HASH }, content.narrative);
const spending = document.tables.find((t) => t.title === '支出决算表')!;
const balance = document.tables.find((t) => t.title === '收入支出决算总表')!;
const rowOf = (code: string): number => spending.rows.findIndex((r) => r[0]?.text === code);
const R208 = rowOf('208');
const R20807 = rowOf('20807');
const TOTAL = 0;

// 2025-03-01 06:05 UTC = 14:05 in Beijing
const T = Date.UTC(2025, 2, 1, 6, 5);
const MIN = 60_000;

function edit(id: string, row: number, col: number, before: string, after: string, at: number, extra: Partial<CellEdit> = {}): CellEdit {
  return {
    id,
    fileHash: HASH,
    cell: { tableId: spending.id, row, col },
    anchor: { tableTitle: '支出决算表', tableOccurrence: 0, rowLabel: spending.rows[row]![0]!.text, rowOccurrence: 0, columnHeader: '' },
    before,
    after,
    reviewer: '张三',
    at,
    op: 'set',
    ...extra,
  };
}

const edits: CellEdit[] = [
  // listed out of time order on purpose: the log is ordered by time
  edit('e2', R208, 2, '698.90', '698.92', T),
  edit('e1', R208, 2, '698.93', '698.90', T - 10 * MIN),
  edit('e3', R208, 3, '625.94', '625.95', T + MIN),
  edit('e4', R208, 3, '625.95', '625.94', T + 2 * MIN, { op: 'undo', revertsId: 'e3' }),
  edit('e5', R20807, 0, '20807', '20808', T + 3 * MIN, { reviewer: '李四' }),
  edit('e6', TOTAL, 2, '1,269.26', '1,269.27', T + 4 * MIN),
];

const annotations: Annotation[] = [
  {
    id: 'a1',
    fileHash: HASH,
    target: { kind: 'cell', cell: { tableId: spending.id, row: TOTAL, col: 3 }, anchor: { tableTitle: '支出决算表', tableOccurrence: 0, rowLabel: '合计', rowOccurrence: 0, columnHeader: '基本支出' } },
    text: '基本支出合计与明细合计不符，请核实',
    category: 'data-error',
    status: 'open',
    author: '李四',
    createdAt: T + 5 * MIN,
    updatedAt: T + 6 * MIN,
    replies: [{ id: 'r1', author: '张三', text: '已与单位核实', at: T + 7 * MIN }],
  },
  {
    id: 'a2',
    fileHash: HASH,
    target: { kind: 'range', tableId: spending.id, rows: [R20807, R20807 + 1], cols: [3, 4], anchor: { tableTitle: '支出决算表', tableOccurrence: 0, rowLabel: '20807', rowOccurrence: 0, columnHeader: '' } },
    text: '就业补助列示口径存疑',
    category: 'question',
    status: 'resolved',
    author: '王五',
    createdAt: T + 8 * MIN,
    updatedAt: T + 8 * MIN,
    replies: [],
  },
  {
    id: 'a3',
    fileHash: HASH,
    target: { kind: 'narrative', block: 0, start: 0, end: 4, quote: content.narrative[0]!.slice(0, 4) },
    text: '正文表述需统一',
    category: 'text-error',
    status: 'wont-fix',
    author: '王五',
    createdAt: T + 9 * MIN,
    updatedAt: T + 9 * MIN,
    replies: [],
  },
];

const findings: Finding[] = [
  {
    id: 'f-note',
    rule: 'in-table.sum',
    kind: 'in-table',
    severity: 'note',
    message: '208 行：本年支出合计 698.93 与基本支出 625.94 + 项目支出 72.98 = 698.92 相差 0.01（尾差）',
    cells: [
      { table: spending.id, row: R208, col: 2 },
      { table: spending.id, row: R208, col: 3 },
      { table: spending.id, row: R208, col: 4 },
    ],
    narrative: [],
    expected: '698.92',
    actual: '698.93',
    difference: '0.01',
  },
  {
    id: 'f-error',
    rule: 'cross-table.total',
    kind: 'cross-table',
    severity: 'error',
    message: '收支总表 本年收入合计 1,269.24 与支出决算表 合计 1,269.26 不一致',
    cells: [
      { table: balance.id, row: 26, col: 2 },
      { table: spending.id, row: TOTAL, col: 2 },
    ],
    narrative: [],
    expected: '1,269.26',
    actual: '1,269.24',
    difference: '0.02',
  },
  {
    id: 'f-narrative',
    rule: 'narrative.amount',
    kind: 'narrative',
    severity: 'warning',
    message: '正文所引金额与表格不一致',
    cells: [],
    narrative: [{ block: 1, start: 0, end: 6 }],
    expected: null,
    actual: null,
    difference: null,
  },
];

const review: DocumentReview = {
  fileHash: HASH,
  fileName: '焦作市医疗保障局2023年度部门决算.pdf',
  edits,
  annotations,
  decisions: [
    { fileHash: HASH, findingId: 'f-note', decision: 'dismissed', reason: '四舍五入尾差', by: '李四', at: T + 10 * MIN },
    { fileHash: HASH, findingId: 'f-error', decision: 'confirmed', by: '李四', at: T + 11 * MIN },
  ],
  reviewedTables: [spending.id],
};

interface Package {
  bytes: Uint8Array;
  wb: ExcelJS.Workbook;
  /** raw XML of a worksheet by its name */
  sheetXml(name: string): Promise<string>;
}

function unescapeXml(s: string): string {
  return s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

async function open(bytes: Uint8Array): Promise<Package> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const zip = await JSZip.loadAsync(bytes);
  const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const targets = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const paths = new Map(
    [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)].map((m) => [unescapeXml(m[1]!), `xl/${targets.get(m[2]!)!.replace(/^\/?xl\//, '')}`]),
  );
  return {
    bytes,
    wb,
    sheetXml: (name) => zip.file(paths.get(name)!)!.async('string'),
  };
}

function hyperlinks(xml: string): Map<string, string> {
  return new Map([...xml.matchAll(/<hyperlink [^>]*\/>/g)].map((m) => [/ref="([^"]+)"/.exec(m[0])![1]!, unescapeXml(/location="([^"]+)"/.exec(m[0])?.[1] ?? '')]));
}

/** "'支出决算表'!C11" → sheet and address */
function parseLocation(location: string): { sheet: string; address: string } {
  const m = /^'((?:[^']|'')+)'!([A-Z]+\d+)$/.exec(location);
  expect(m, location).not.toBeNull();
  return { sheet: m![1]!.replace(/''/g, "'"), address: m![2]! };
}

function noteText(cell: ExcelJS.Cell): string {
  const note = cell.note as unknown;
  if (!note) return '';
  if (typeof note === 'string') return note;
  return ((note as { texts?: { text: string }[] }).texts ?? []).map((t) => t.text).join('');
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.type === 'pattern' ? fill.fgColor?.argb : undefined;
}

/** Row of the worksheet holding body row 0: the first row after the header grid. */
/** Title row, code row, the line of other heading lines (2023年度), the 部门/单位 line, the header, then the body. */
function bodyStart(table: typeof spending): number {
  return 2 + (table.code ? 1 : 0) + (table.meta?.length ? 1 : 0) + (table.department || table.unit ? 1 : 0) + table.header.length;
}

const col = (n: number): string => String.fromCharCode(65 + n);

describe('corrected workbook of a final-accounts publication', () => {
  let pkg: Package;
  let elapsed = 0;

  beforeAll(async () => {
    const started = performance.now();
    const bytes = await buildWorkbook({ document, review, findings, toolVersion: '0.1.0', exportedAt: new Date(Date.UTC(2025, 2, 2, 1, 30)) });
    elapsed = performance.now() - started;
    pkg = await open(bytes);
  });

  it('has the list sheets first, then one sheet per table named by its title', () => {
    const names = pkg.wb.worksheets.map((ws) => ws.name);
    expect(names).toEqual(['说明', '问题清单', '修改记录', ...content.tables.map((t) => t.title)]);
    for (const name of names) {
      expect(Array.from(name).length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(elapsed).toBeLessThan(5000);
  });

  it('writes corrected amounts as numbers, with the printed value, reviewer and time in a note', async () => {
    const ws = pkg.wb.getWorksheet('支出决算表')!;
    const cell = ws.getCell(`C${bodyStart(spending) + R208}`);
    expect(cell.value).toBe(698.92);
    expect(cell.numFmt).toBe('#,##0.00');
    expect(fillOf(cell)).toBe('FFFFEB9C');
    const note = noteText(cell);
    expect(note).toContain('原印刷值：698.93');
    expect(note).toContain('更正为：698.92');
    expect(note).toContain('张三');
    expect(note).toContain('2025-03-01 14:05');
    expect(note).toContain('共 2 次修改');

    const total = ws.getCell(`C${bodyStart(spending) + TOTAL}`);
    expect(total.value).toBe(1269.27);
    expect(noteText(total)).toContain('原印刷值：1,269.26');
    // the raw package holds the exact decimals, not float noise
    const xml = await pkg.sheetXml('支出决算表');
    expect(xml).toContain('<v>698.92</v>');
    expect(xml).toContain('<v>1269.27</v>');
  });

  it('leaves a cell whose edit was undone as printed: no fill, no note', () => {
    const cell = pkg.wb.getWorksheet('支出决算表')!.getCell(`D${bodyStart(spending) + R208}`);
    expect(cell.value).toBe(625.94);
    expect(noteText(cell)).toBe('');
    expect(fillOf(cell)).not.toBe('FFFFEB9C');
  });

  it('keeps a corrected code as text', () => {
    const cell = pkg.wb.getWorksheet('支出决算表')!.getCell(`A${bodyStart(spending) + R20807}`);
    expect(cell.value).toBe('20808');
    expect(noteText(cell)).toContain('原印刷值：20807');
    expect(noteText(cell)).toContain('李四');
  });

  it('writes every printed amount as its exact number and every code, 行次 and 栏次 as text', () => {
    let amounts = 0;
    let codes = 0;
    for (const table of document.tables) {
      const spec = content.tables[document.tables.indexOf(table)]!;
      if (spec.form) continue;
      const ws = pkg.wb.getWorksheet(spec.title)!;
      table.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!cell) return;
          const key = `${table.id}:${r}:${c}`;
          if (edits.some((e) => `${e.cell.tableId}:${e.cell.row}:${e.cell.col}` === key)) return;
          const x = ws.getCell(`${col(c)}${bodyStart(table) + r}`);
          const text = cell.text.trim();
          if (/^-?[\d,]+\.\d\d$/.test(text)) {
            // Number("1269.26") is the correctly rounded decimal, computed independently of the export
            expect(x.value, `${spec.title} ${text}`).toBe(Number(text.replace(/,/g, '')));
            amounts++;
          } else if (/^\d+$/.test(text)) {
            expect(x.value, `${spec.title} ${text}`).toBe(text);
            codes++;
          }
        }),
      );
    }
    expect(amounts).toBeGreaterThan(500);
    expect(codes).toBeGreaterThan(150);
  });

  it('merges the header cells exactly as the header grid spans', () => {
    for (const [i, table] of document.tables.entries()) {
      const spec = content.tables[i]!;
      const ws = pkg.wb.getWorksheet(spec.title)!;
      const merges = new Set((ws.model as unknown as { merges: string[] }).merges);
      const top = bodyStart(table) - table.header.length;
      let spans = 0;
      spec.header.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell === null) return;
          const text = typeof cell === 'string' ? cell : cell.text;
          expect(ws.getCell(`${col(c)}${top + r}`).value ?? '').toBe(text);
          if (typeof cell === 'string' || ((cell.rowSpan ?? 1) === 1 && (cell.colSpan ?? 1) === 1)) return;
          const range = `${col(c)}${top + r}:${col(c + (cell.colSpan ?? 1) - 1)}${top + r + (cell.rowSpan ?? 1) - 1}`;
          expect(merges.has(range), `${spec.title} ${range}`).toBe(true);
          spans++;
        }),
      );
      // header merges are exactly the spans: nothing else is merged inside the header rows
      const headerMerges = [...merges].filter((m) => {
        const first = Number(/\d+/.exec(m)![0]);
        return first >= top && first < bodyStart(table);
      });
      expect(headerMerges.length, spec.title).toBe(spans);
    }
  });

  it('links every finding and annotation of 问题清单 to the right cell', async () => {
    const ws = pkg.wb.getWorksheet('问题清单')!;
    const links = hyperlinks(await pkg.sheetXml('问题清单'));
    const rows = new Map<string, number>();
    ws.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(5).value), n);
    });
    // errors first, then warnings, then notes, then annotations
    expect([...rows.keys()]).toEqual([findings[1]!.message, findings[2]!.message, findings[0]!.message, annotations[0]!.text, annotations[1]!.text, annotations[2]!.text]);

    const target = (message: string): ExcelJS.Cell => {
      const location = links.get(`F${rows.get(message)!}`);
      expect(location, message).toBeDefined();
      const { sheet, address } = parseLocation(location!);
      return pkg.wb.getWorksheet(sheet)!.getCell(address);
    };
    expect(target(findings[0]!.message).value).toBe(698.92);
    expect(target(findings[1]!.message).value).toBe(1269.24);
    expect(target(annotations[0]!.text).value).toBe(888.66);
    expect(target(annotations[1]!.text).value).toBe(0);
    expect(links.has(`F${rows.get(findings[2]!.message)!}`)).toBe(false);
    expect(String(ws.getCell(`F${rows.get(findings[2]!.message)!}`).value)).toMatch(/^正文第 2 段/);

    const status = (message: string): unknown[] => [11, 12, 14].map((c) => ws.getRow(rows.get(message)!).getCell(c).value ?? '');
    expect(status(findings[0]!.message)).toEqual(['已忽略', '李四', '四舍五入尾差']);
    expect(status(findings[1]!.message)).toEqual(['已确认', '李四', '']);
    expect(status(findings[2]!.message)).toEqual(['待处理', '', '']);
    expect(status(annotations[0]!.text)).toEqual(['待处理', '李四', '张三（2025-03-01 14:12）：已与单位核实']);
    expect(ws.getRow(rows.get(annotations[0]!.text)!).getCell(3).value).toBe('数据错误');
    expect(ws.getRow(rows.get(annotations[1]!.text)!).getCell(11).value).toBe('已解决');
    expect(ws.getRow(rows.get(annotations[2]!.text)!).getCell(11).value).toBe('不予处理');
  });

  it('stores 应为 / 实为 / 差额 of 问题清单 as numbers in the amount format, blank where a finding has none', () => {
    const ws = pkg.wb.getWorksheet('问题清单')!;
    const rowOf = (message: string): ExcelJS.Row => {
      let found: ExcelJS.Row | null = null;
      ws.eachRow((row, n) => {
        if (n > 1 && row.getCell(5).value === message) found = row;
      });
      return found!;
    };
    const amounts = (message: string): unknown[] => [8, 9, 10].map((c) => rowOf(message).getCell(c).value ?? null);
    const formats = (message: string): unknown[] => [8, 9, 10].map((c) => rowOf(message).getCell(c).numFmt);
    expect(amounts(findings[0]!.message)).toEqual([Number(findings[0]!.expected!.replace(/,/g, '')), Number(findings[0]!.actual!.replace(/,/g, '')), Number(findings[0]!.difference!)]);
    expect(amounts(findings[1]!.message)).toEqual([1269.26, Number(findings[1]!.actual!.replace(/,/g, '')), 0.02]);
    expect(formats(findings[1]!.message)).toEqual(['#,##0.00', '#,##0.00', '#,##0.00']);
    expect(amounts(findings[2]!.message)).toEqual([null, null, null]);
  });

  it('puts the annotation with its replies in the cell note and fills annotated cells', () => {
    const ws = pkg.wb.getWorksheet('支出决算表')!;
    const cell = ws.getCell(`D${bodyStart(spending) + TOTAL}`);
    expect(noteText(cell)).toContain('批注·数据错误·待处理');
    expect(noteText(cell)).toContain('基本支出合计与明细合计不符');
    expect(noteText(cell)).toContain('回复 张三');
    expect(fillOf(cell)).toBe('FFDDEBF7');
    // a range annotation fills the range and notes its top-left cell once
    const first = bodyStart(spending) + R20807;
    expect(noteText(ws.getCell(`D${first}`))).toContain('就业补助列示口径存疑');
    expect(noteText(ws.getCell(`E${first + 1}`))).toBe('');
    expect(fillOf(ws.getCell(`E${first + 1}`))).toBe('FFDDEBF7');
  });

  it('lists the edit log in time order in 修改记录', async () => {
    const ws = pkg.wb.getWorksheet('修改记录')!;
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => {
      if (n > 1) rows.push([row.getCell(2).value, row.getCell(7).value, row.getCell(8).value, row.getCell(9).value, row.getCell(10).value]);
    });
    expect(rows).toEqual([
      ['2025-03-01 13:55', '698.93', '698.90', '张三', '修改'],
      ['2025-03-01 14:05', '698.90', '698.92', '张三', '修改'],
      ['2025-03-01 14:06', '625.94', '625.95', '张三', '修改'],
      ['2025-03-01 14:07', '625.95', '625.94', '张三', '撤销'],
      ['2025-03-01 14:08', '20807', '20808', '李四', '修改'],
      ['2025-03-01 14:09', '1,269.26', '1,269.27', '张三', '修改'],
    ]);
    const links = hyperlinks(await pkg.sheetXml('修改记录'));
    expect(links.get('D3')).toBe(`'支出决算表'!C${bodyStart(spending) + R208}`);
  });

  it('describes the source in 说明', () => {
    const ws = pkg.wb.getWorksheet('说明')!;
    const values = new Map<string, unknown>();
    ws.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('源文件')).toBe('焦作市医疗保障局2023年度部门决算.pdf');
    expect(values.get('SHA-256')).toBe(HASH);
    expect(values.get('页数')).toBe(document.source.pages);
    expect(values.get('表格数')).toBe(10);
    expect(values.get('导出时间')).toBe('2025-03-02 09:30（北京时间）');
    expect(values.get('工具版本')).toBe('0.1.0');
    expect(values.get('更正单元格')).toBe(3);
    expect(values.get('问题处理')).toBe('已确认 1，已忽略 1，待处理 1');
  });

  it('contains no formulas', async () => {
    for (const ws of pkg.wb.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula)));
      expect(await pkg.sheetXml(ws.name)).not.toMatch(/<f[ >]/);
    }
  });
});

describe('batch export', () => {
  it('reports progress per document and carries on past a failing one', async () => {
    const progress: BatchProgress[] = [];
    const second = documentFromSpecs(content.tables.slice(0, 2), { path: '/data/另一个.pdf', sha256: 'ab'.repeat(32) });
    const items = await buildWorkbooks(
      [
        { document, review, findings: [], toolVersion: '0.1.0', exportedAt: new Date(T) },
        // a review of another file: refused, reported, the batch goes on
        { document: second, review, findings: [], toolVersion: '0.1.0', exportedAt: new Date(T) },
        { document: second, review: emptyReview(second), findings: [], toolVersion: '0.1.0', exportedAt: new Date(T) },
      ],
      { onProgress: (p) => progress.push(p) },
    );
    expect(progress.map((p) => `${p.done}/${p.total}`)).toEqual(['0/3', '1/3', '1/3', '2/3', '2/3', '3/3']);
    expect(items.map((i) => ('bytes' in i ? 'ok' : 'error'))).toEqual(['ok', 'error', 'ok']);
    expect(items.map((i) => i.workbookName)).toEqual(['焦作市医疗保障局2023年度部门决算_校对.xlsx', '焦作市医疗保障局2023年度部门决算_校对(2).xlsx', '另一个_校对.xlsx']);
    const wb = (await open((items[2] as { bytes: Uint8Array }).bytes)).wb;
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '问题清单', '修改记录', '收入支出决算总表', '收入决算表']);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(buildWorkbooks([{ document, review, findings: [], toolVersion: '0', exportedAt: new Date() }], { signal: controller.signal })).rejects.toThrow(/cancelled/);
  });

  it('names workbooks after the source file', () => {
    expect(workbookFileName('C:\\文件\\2025年部门预算.pdf')).toBe('2025年部门预算_校对.xlsx');
    expect(workbookFileName('a/b/预算.v2.PDF')).toBe('预算.v2_校对.xlsx');
  });
});

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!soffice)('LibreOffice opens the workbook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'export-lo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function convert(file: string, filter: string): void {
    // a private profile: several engineers (and CI jobs) may run LibreOffice at the same time
    const result = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', filter, '--outdir', dir, file], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.status, result.stderr).toBe(0);
  }

  it('converts every sheet, reading corrected amounts as numbers and internal links as links', async () => {
    const file = join(dir, 'review.xlsx');
    writeFileSync(file, await buildWorkbook({ document, review, findings, toolVersion: '0.1.0', exportedAt: new Date(T) }));
    // CSV of every sheet (-1), raw values rather than formatted text
    convert(file, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1');
    const csv = readFileSync(join(dir, 'review-支出决算表.csv'), 'utf8');
    expect(csv).toContain('208,社会保障和就业支出,698.92,625.94,72.98,0,0,0');
    expect(csv).toContain('合计,,1269.27,888.66,380.61,0,0,0');
    expect(existsSync(join(dir, 'review-问题清单.csv'))).toBe(true);

    convert(file, 'html');
    const html = readFileSync(join(dir, 'review.html'), 'utf8');
    expect(html).toContain(`href="#'支出决算表'!C${bodyStart(spending) + R208}"`);
    expect(html).not.toMatch(/href="file:[^"]*#/);
  });
});

describe('damaged or unusual extractions still export', () => {
  it('survives crossing spans, huge text, empty and untitled tables, forbidden and repeated titles', async () => {
    const huge = '长'.repeat(40_000);
    const doc = documentFromSpecs(
      [
        // the second header cell claims a column the first already covers
        { title: '支出表[草稿]:*?/\\', code: null, unit: '万元', department: null, notes: [huge], header: [[{ text: '项目', colSpan: 2 }, { text: '重叠', colSpan: 2 }, null]], rows: [['a', '1.00', huge]] },
        { title: '支出表[草稿]:*?/\\', code: '公开03表', unit: null, department: '某局', notes: [], header: [['项目', '金额']], rows: [] },
        { title: null, code: null, unit: null, department: null, notes: ['本表无数据'], header: [], rows: [] },
        ...Array.from({ length: 40 }, () => ({ title: '一般公共预算财政拨款基本支出决算明细表（按经济分类）', code: null, unit: null, department: null, notes: [], header: [['科目编码', '金额']], rows: [['301', '1.00']] })),
      ],
      { path: 'x.pdf', sha256: HASH },
    );
    const { wb } = await open(await buildWorkbook({ document: doc, review: emptyReview(doc), findings: [], toolVersion: 't', exportedAt: new Date(0) }));
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toHaveLength(3 + 43);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of names) {
      expect(Array.from(n).length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(names[3]).toBe('支出表_草稿______');
    expect(names[4]).toBe('支出表_草稿______(2)');
    expect(names[5]).toBe('表3');
    const first = wb.getWorksheet(names[3]!)!;
    expect(String(first.getCell('C4').value).length).toBe(32_767);
    // Excel repairs rows taller than 409 points
    first.eachRow((row) => expect(row.height ?? 0).toBeLessThanOrEqual(409));
    expect(first.getRow(5).height).toBe(409);
    expect(first.getCell('B4').value).toBe(1);
  });
});
