import { describe, expect, it } from 'vitest';
import { doc } from '../../../../tests/helpers/doc-builder';
import { allRows, recognizeDocument } from './index';

function one(spec: Parameters<typeof doc>[0][number], narrative: string[] = []): ReturnType<typeof recognizeDocument>['tables'][number] {
  return recognizeDocument(doc([spec], narrative)).tables[0]!;
}

describe('columns from the header hierarchy', () => {
  const t = one({
    title: '2025年部门支出预算表',
    header: [
      [{ text: '科目编码', colSpan: 3 }, null, null, { text: '单位代码', rowSpan: 3 }, { text: '单位（科目名称）', rowSpan: 3 }, { text: '总计', rowSpan: 3 }, { text: '基本支出', colSpan: 4 }, null, null, null, { text: '项目支出', colSpan: 2 }, null],
      [{ text: '类', rowSpan: 2 }, { text: '款', rowSpan: 2 }, { text: '项', rowSpan: 2 }, null, null, null, { text: '合计', rowSpan: 2 }, { text: '人员经费', colSpan: 2 }, null, { text: '公用经费', rowSpan: 2 }, { text: '合计', rowSpan: 2 }, { text: '特定目标类', rowSpan: 2 }],
      [null, null, null, null, null, null, null, '小计', '工资福利支出', null, null, null],
    ],
    rows: [
      ['', '', '', '', '合计', '36.95', '34.95', '30.26', '30.26', '4.69', '2.00', '2.00'],
      ['', '', '', '516', '焦作市中站区医疗保障局', '36.95', '34.95', '30.26', '30.26', '4.69', '2.00', '2.00'],
      ['210', '15', '01', '', '行政运行', '36.95', '34.95', '30.26', '30.26', '4.69', '2.00', '2.00'],
    ],
  });

  it('assigns roles and semantics from the path', () => {
    expect(t.type).toBe('expense');
    const roles = t.columns.map((c) => c.role);
    expect(roles.slice(0, 5)).toEqual(['code-part', 'code-part', 'code-part', 'unit-code', 'label']);
    const sem = t.columns.map((c) => c.semantic);
    expect(sem.slice(5)).toEqual(['total', 'basic', 'personnel', 'wages', 'public', 'project', 'specific']);
    expect(t.columns[7]!.header).toBe('基本支出 / 人员经费 / 小计');
  });

  it('reads split codes, unit rows and total rows', () => {
    const rows = allRows(t);
    expect(rows.map((r) => r.kind)).toEqual(['total', 'unit', 'code']);
    expect(rows[1]!.unitCode).toBe('516');
    expect(rows[2]!.code).toBe('2101501');
    expect(rows[2]!.system).toBe('function');
    expect(t.unit).toBe('万元');
    expect(t.resolution).toBe(10_000);
  });
});

describe('blocks', () => {
  it('splits a 收支总表 into an income and an expense side', () => {
    const t = one({
      title: '部门预算收支总表',
      header: [
        [{ text: '收入', colSpan: 2 }, null, { text: '支出', colSpan: 2 }, null],
        ['项目', '预算数', '项目', '预算数'],
        ['栏次', '1', '栏次', '2'],
      ],
      rows: [
        ['一、一般公共预算拨款收入', '450.77', '八、社会保障和就业支出', '17.20'],
        ['本年收入合计', '450.77', '本年支出合计', '450.77'],
      ],
    });
    expect(t.blocks.map((b) => b.side)).toEqual(['income', 'expense']);
    expect(t.blocks[1]!.rows[1]!.kind).toBe('total');
  });

  it('reads 公开06表 as three code/name/amount groups and moves a merged label to its amount', () => {
    const t = one({
      title: '一般公共预算财政拨款基本支出决算明细表',
      header: [['经济分类科目编码', '科目名称', '决算数', '经济分类科目编码', '科目名称', '决算数', '经济分类科目编码', '科目名称', '决算数']],
      rows: [
        ['301', '工资福利支出', '10.00', '302', '商品和服务支出', '3.00', '310', '资本性支出', '0.00'],
        ['30101', '基本工资', '10.00', '30201', '办公费', '3.00', '', '', ''],
        [{ text: '人员经费合计', colSpan: 2 }, null, '10.00', { text: '公用经费合计', colSpan: 5 }, null, null, null, null, '3.00'],
      ],
    });
    expect(t.type).toBe('general-basic');
    expect(t.blocks).toHaveLength(3);
    expect(t.blocks[1]!.rows[2]!.kind).toBe('blank');
    expect(t.blocks[2]!.rows[2]!.label).toBe('公用经费合计');
    expect(t.blocks[2]!.rows[2]!.values.get(8)).toBe(3 * 1_000_000);
  });
});

describe('units and resolution', () => {
  it('reads 元 tables printed in whole yuan at a resolution of 1 yuan', () => {
    const t = one({
      title: '2024年部门支出预算总表',
      unit: '元',
      header: [['项目', '合计', '基本支出', '项目支出']],
      rows: [['合计', '156,211,123', '99,706,020', '56,505,103']],
    });
    expect(t.unit).toBe('元');
    expect(t.resolution).toBe(100);
  });

  it('infers the year and kind of the publication', () => {
    const rd = recognizeDocument(doc([{ title: '收入支出决算总表', code: '公开01表', rows: [['合计', '1.00']] }], ['2023年度部门决算', '2023年度收、支总计均为1.00万元。']));
    expect(rd.kind).toBe('决算');
    expect(rd.year).toBe(2023);
  });
});

describe('codes printed inside the label', () => {
  it('reads "2080505 机关事业单位…" in a 项目 column as a code row', () => {
    const t = one({
      title: '支出决算表',
      header: [['项目', '本年支出合计', '基本支出', '项目支出']],
      rows: [
        ['合计', '20.00', '20.00', '0.00'],
        ['208 社会保障和就业支出', '20.00', '20.00', '0.00'],
        ['2080505机关事业单位基本养老保险缴费支出', '20.00', '20.00', '0.00'],
      ],
    });
    const rows = allRows(t);
    expect(rows.map((r) => [r.kind, r.code, r.label])).toEqual([
      ['total', null, '合计'],
      ['code', '208', '社会保障和就业支出'],
      ['code', '2080505', '机关事业单位基本养老保险缴费支出'],
    ]);
  });
});

describe('table groups', () => {
  it('separates department and unit tables by the 部门名称 line, else by the title', () => {
    const summary = (title: string, department: string | null) => ({ title, department, header: [['项目', '金额', '项目', '金额']], rows: [['收入总计', '1.00', '支出总计', '1.00']] });
    const byLine = recognizeDocument(doc([summary('部门预算收支总表', '853某局'), summary('单位预算收支总表', '853001某局本级')]));
    expect(byLine.groups).toHaveLength(2);
    const byTitle = recognizeDocument(doc([summary('部门预算收支总表', '某局'), summary('部门预算支出总表', null), summary('单位预算收支总表', '某局'), summary('单位预算支出总表', null)]));
    expect(byTitle.groups).toEqual(['某局|部门', '某局|单位']);
    const one = recognizeDocument(doc([summary('2025年部门收支预算表', '某局'), summary('2025年财政拨款收支预算表', '某局')]));
    expect(one.groups).toEqual(['某局']);
  });
});
