/**
 * Layouts from other regions (北京-style 收支总表 with 上年结转/结转下年, a 收入表 by unit codes,
 * a 项目支出表 closed by 小计 lines per unit, a 政府采购表 with a 数量 column, shares whose whole
 * is named once per sentence): consistent figures give no error and no warning, a planted slip is
 * found.
 */
import { describe, expect, it } from 'vitest';
import { doc } from '../../../tests/helpers/doc-builder';
import { runChecks } from './index';

function regional(projectC = '200.00'): ReturnType<typeof doc> {
  return doc([
    {
      title: '2025年部门收支总表', unit: '万元', department: '某市某局',
      header: [[{ text: '收入', colSpan: 2 }, null, { text: '支出', colSpan: 2 }, null], ['项目', '预算数', '项目', '预算数']],
      rows: [
        ['一、一般公共预算财政拨款', '900.00', '一、一般公共服务支出', '700.00'],
        ['二、政府性基金预算财政拨款', '0.00', '二、社会保障和就业支出', '250.00'],
        ['三、国有资本经营预算财政拨款', '', '三、住房保障支出', '100.00'],
        ['四、事业收入', '100.00', '', ''],
        ['五、其他收入', '50.00', '', ''],
        ['本年收入合计', '1,050.00', '本年支出合计', '1,050.00'],
        ['上年结转', '20.00', '结转下年', '20.00'],
        ['收入总计', '1,070.00', '支出总计', '1,070.00'],
      ],
    },
    {
      title: '2025年部门收入预算表', unit: '万元', department: '某市某局',
      header: [['单位编码', '单位名称', '合计', '上年结转', '一般公共预算拨款', '政府性基金', '事业收入', '其他收入']],
      rows: [
        ['', '合计', '1,070.00', '20.00', '900.00', '0.00', '100.00', '50.00'],
        ['301', '某市某局', '1,070.00', '20.00', '900.00', '0.00', '100.00', '50.00'],
        ['301001', '某市某局机关', '600.00', '20.00', '580.00', '', '', ''],
        ['301002', '某市某中心', '470.00', '', '320.00', '', '100.00', '50.00'],
      ],
    },
    {
      title: '2025年项目支出预算表', unit: '万元', department: '某市某局',
      header: [['单位名称', '项目名称', '合计', '财政拨款', '其他资金']],
      rows: [
        ['某市某局机关', '项目A', '100.00', '100.00', ''],
        ['某市某局机关', '项目B', '50.00', '40.00', '10.00'],
        ['', '小计', '150.00', '140.00', '10.00'],
        ['某市某中心', '项目C', projectC, '150.00', '50.00'],
        ['', '小计', '200.00', '150.00', '50.00'],
        ['', '合计', '350.00', '290.00', '60.00'],
      ],
    },
    {
      title: '2025年政府采购预算表', unit: '万元', department: '某市某局',
      header: [['采购项目', '采购品目', '数量', '合计', '财政拨款', '其他资金']],
      rows: [
        ['办公设备', '台式计算机', '10', '5.00', '5.00', ''],
        ['办公设备', '打印机', '2', '0.60', '0.60', ''],
        ['', '合计', '12', '5.60', '5.60', ''],
      ],
    },
  ], [
    '某市某局2025年部门预算',
    '2025年收入总计1070.00万元，支出总计1070.00万元。收入预算中，一般公共预算财政拨款900.00万元，占本年收入合计的85.71%；事业收入100.00万元，占9.52%；其他收入50.00万元，占4.76%。',
    '2025年政府采购预算5.60万元。',
  ]);
}

describe('layouts from other regions', () => {
  it('gives no error or warning on consistent figures (besides the tables this extract lacks)', () => {
    const r = runChecks(regional());
    expect(r.findings.filter((f) => f.severity !== 'note' && f.rule !== 'completeness.mandatory').map((f) => f.message)).toEqual([]);
    expect(r.coverage.find((c) => c.rule === 'narrative.shares')).toMatchObject({ outcome: 'passed', checked: 3 });
  });

  it('finds a project line that breaks its 小计', () => {
    const r = runChecks(regional('210.00'));
    const f = r.findings.filter((x) => x.severity === 'error');
    expect(f.map((x) => x.message).join('\n')).toContain('小计（合计） 200.00 ≠ 项目C 210.00');
  });
});
