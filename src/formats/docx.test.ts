/**
 * Word XML as Word and WPS write it (which the LibreOffice fixture does not cover): vMerge
 * without a value, legacy hMerge, gridBefore/gridAfter, rows inside content controls, tracked
 * changes, fields; captions, footnotes, split tables and narrative around tables.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, GridRow } from '../core/model';
import { extractOffice } from './index';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

async function docx(body: string, ns = W): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${ns}"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}

async function read(body: string, ns?: string): Promise<ExtractedDocument> {
  return extractOffice(await docx(body, ns), '.docx', { path: 'x.docx', sha256: '' });
}

const p = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, props = ''): string => `<w:tc><w:tcPr>${props}</w:tcPr>${p(text)}</w:tc>`;
const tr = (cells: string, props = ''): string => `<w:tr>${props ? `<w:trPr>${props}</w:trPr>` : ''}${cells}</w:tr>`;
const tbl = (cols: number, rows: string): string => `<w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(cols)}</w:tblGrid>${rows}</w:tbl>`;
const HEADER = '<w:tblHeader/>';

function shape(rows: readonly GridRow[]): (string | null)[][] {
  return rows.map((r) => r.map((c) => (c ? `${c.text}${c.rowSpan > 1 || c.colSpan > 1 ? `[${c.rowSpan}x${c.colSpan}]` : ''}` : null)));
}

describe('Word tables', () => {
  it('reads Word-style merges: vMerge without a value continues, gridSpan widens, tblHeader marks the header', async () => {
    const doc = await read(
      tbl(
        5,
        tr(tc('序号', '<w:vMerge w:val="restart"/>') + tc('收入', '<w:gridSpan w:val="2"/>') + tc('支出', '<w:gridSpan w:val="2"/>'), HEADER) +
          tr(tc('', '<w:vMerge/>') + tc('项目') + tc('预算数') + tc('项目') + tc('预算数'), HEADER) +
          tr(tc('1') + tc('一、一般公共预算拨款收入') + tc('450.77') + tc('一、一般公共服务支出') + tc('')),
      ),
    );
    const t = doc.tables[0]!;
    expect(shape(t.header)).toEqual([
      ['序号[2x1]', '收入[1x2]', null, '支出[1x2]', null],
      [null, '项目', '预算数', '项目', '预算数'],
    ]);
    expect(shape(t.rows)).toEqual([['1', '一、一般公共预算拨款收入', '450.77', '一、一般公共服务支出', '']]);
    expect(t.rows[0]![2]!.value).toBe(45077);
    expect(t.rows[0]![0]!.value).toBeNull(); // 序号 column: a row number, not an amount
  });

  it('reads legacy hMerge, gridBefore/gridAfter and rows inside content controls', async () => {
    const doc = await read(
      tbl(
        4,
        tr(tc('项目') + tc('金额', '<w:hMerge w:val="restart"/>') + tc('', '<w:hMerge w:val="continue"/>') + tc('备注')) +
          `<w:sdt><w:sdtContent>${tr(tc('合计') + tc('1,863.66') + tc('3.93') + tc(''))}</w:sdtContent></w:sdt>` +
          tr(tc('其中') + tc('12.00'), '<w:gridBefore w:val="1"/><w:gridAfter w:val="1"/>'),
      ),
    );
    const t = doc.tables[0]!;
    expect(shape(t.header)).toEqual([['项目', '金额[1x2]', null, '备注']]);
    expect(shape(t.rows)).toEqual([
      ['合计', '1,863.66', '3.93', ''],
      ['', '其中', '12.00', ''],
    ]);
    expect(t.rows[1]![0]!.source).toEqual({ kind: 'docx', table: 0, row: 2, col: 0, cell: null });
    expect(t.rows[1]![1]!.source).toEqual({ kind: 'docx', table: 0, row: 2, col: 1, cell: 0 });
    expect(t.rows[0]![1]!.value).toBe(186366);
  });

  it('reads what is printed: insertions yes, deletions and field codes no, line breaks joined', async () => {
    const cell =
      '<w:tc><w:p><w:r><w:t>财政拨款</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>收入</w:t></w:r>' +
      '<w:del><w:r><w:delText>（旧）</w:delText></w:r></w:del><w:ins><w:r><w:t>合计</w:t></w:r></w:ins></w:p></w:tc>';
    const field =
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>第3页</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';
    const doc = await read(field + tbl(2, tr(cell + tc('金额')) + tr(tc('x') + tc('1.00'))));
    expect(doc.tables[0]!.header[0]![0]!.text).toBe('财政拨款收入合计');
    expect(doc.narrative.map((b) => b.text)).toEqual(['第3页']);
  });

  it('reads strict OOXML (another namespace) the same way', async () => {
    const doc = await read(p('正文。') + tbl(2, tr(tc('项目') + tc('金额')) + tr(tc('合计') + tc('2.00'))), 'http://purl.oclc.org/ooxml/wordprocessingml/main');
    expect(doc.tables).toHaveLength(1);
    expect(doc.narrative.map((b) => b.text)).toEqual(['正文。']);
  });
});

const HEAD3 = tr(tc('项目', '<w:vMerge w:val="restart"/>') + tc('金额', '<w:gridSpan w:val="2"/>')) + tr(tc('', '<w:vMerge/>') + tc('本年') + tc('上年'));

describe('captions, notes, split tables and narrative', () => {
  it('takes code, title and 部门/单位 from the paragraphs above and 注 lines below; the rest is narrative in order', async () => {
    const doc = await read(
      p('一、收入支出预算总体情况说明') +
        p('2025年收入总计2006.90万元。') +
        p('预算01表') +
        p('2025年部门收支预算表') +
        p('部门名称：焦作市中站区医疗保障局　　　　单位：万元') +
        tbl(3, HEAD3 + tr(tc('合计') + tc('2,006.90') + tc('1,922.58'))) +
        p('') +
        p('注：1. 报表金额单位转换时可能存在四舍五入尾数误差。') +
        p('2. 按照有关规定，“三公”经费包括因公出国（境）费。') +
        p('二、收入预算总体情况说明'),
    );
    const t = doc.tables[0]!;
    expect({ title: t.title, code: t.code, department: t.department, unit: t.unit }).toEqual({
      title: '2025年部门收支预算表',
      code: '预算01表',
      department: '焦作市中站区医疗保障局',
      unit: '万元',
    });
    expect(t.notes).toEqual(['注：1. 报表金额单位转换时可能存在四舍五入尾数误差。', '2. 按照有关规定，“三公”经费包括因公出国（境）费。']);
    expect(doc.narrative.map((b) => b.text)).toEqual(['一、收入支出预算总体情况说明', '2025年收入总计2006.90万元。', '二、收入预算总体情况说明']);
    // paragraph indices count every w:p, those inside the table too (2 + 3 header cells + 3 body cells)
    expect(doc.narrative.map((b) => b.source)).toEqual([
      { kind: 'docx', paragraph: 0 },
      { kind: 'docx', paragraph: 1 },
      { kind: 'docx', paragraph: 5 + 8 + 3 },
    ]);
  });

  it('joins a table split into two Word tables: repeated header dropped, or a headerless continuation', async () => {
    const body = (from: number, to: number): string =>
      Array.from({ length: to - from }, (_, k) => tr(tc(`支出${from + k}`) + tc(`${from + k}.00`) + tc('1.00'))).join('');
    const doc = await read(
      p('支出预算表') +
        tbl(3, HEAD3 + body(1, 4)) +
        p('') +
        `<w:p><w:r><w:br w:type="page"/></w:r></w:p>` +
        tbl(3, HEAD3 + body(4, 6)) +
        p('续表') +
        tbl(3, body(6, 8)),
    );
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(t.header).toHaveLength(2);
    expect(t.rows.map((r) => r[0]!.text)).toEqual(['支出1', '支出2', '支出3', '支出4', '支出5', '支出6', '支出7']);
    expect(t.rows[5]![1]!.value).toBe(600);
    expect(doc.narrative).toEqual([]);
  });

  it('keeps tables apart when text stands between them or their titles differ', async () => {
    const one = tbl(3, HEAD3 + tr(tc('合计') + tc('1.00') + tc('2.00')));
    const doc = await read(p('收入表') + one + p('以上为收入情况。') + one + p('支出表') + one);
    expect(doc.tables.map((t) => t.title)).toEqual(['收入表', null, '支出表']);
    expect(doc.narrative.map((b) => b.text)).toEqual(['以上为收入情况。']);
  });

  it('an attribute row inside the table (as the original 004 DOCX has it) is not part of the grid', async () => {
    const attrs = tr(tc('853保定市莲池区医疗保障局') + tc('预算年度：2025') + tc('单位：万元'));
    const doc = await read(p('部门预算收支总表') + tbl(3, attrs + HEAD3 + tr(tc('合计') + tc('450.77') + tc('458.00'))));
    const t = doc.tables[0]!;
    expect([t.title, t.department, t.unit]).toEqual(['部门预算收支总表', '853保定市莲池区医疗保障局', '万元']);
    expect(t.header[0]![0]!.text).toBe('项目');
    expect(t.header[0]![0]!.source).toMatchObject({ row: 1 });
  });
});

describe('documents that are not Word documents inside', () => {
  it('a document.xml without w:document is rejected with a typed error', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<?xml version="1.0"?><html><body/></html>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(extractOffice(bytes, '.docx', { path: 'x.docx', sha256: '' })).rejects.toMatchObject({ code: 'not-office' });
  });

  it('an empty body gives an empty document, not an error', async () => {
    const doc = await read('');
    expect(doc).toMatchObject({ tables: [], narrative: [], source: { pages: 1, format: 'docx' } });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const bytes = await docx(p('正文'));
    await expect(extractOffice(bytes, '.docx', { path: 'x.docx', sha256: '', signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
  });
});
