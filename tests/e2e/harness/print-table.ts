/**
 * Budget-style tables printed to PDF by Chromium (as the fixture corpus does), for tests that
 * need a document of a particular shape: a 2,000-row table, or two versions of one file.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM } from './browser';

export interface PrintedTable {
  title: string;
  /** body rows: 科目编码, 科目名称, 合计, 基本支出, 项目支出 */
  rows: [string, string, string, string, string][];
}

function tableHtml(t: PrintedTable): string {
  const body = t.rows.map((r) => `<tr><td>${r[0]}</td><td>${r[1]}</td><td class="n">${r[2]}</td><td class="n">${r[3]}</td><td class="n">${r[4]}</td></tr>`).join('');
  return `<h3 style="text-align:center">${t.title}</h3><p>单位：万元</p>
  <table><thead><tr><th rowspan="2">科目编码</th><th rowspan="2">科目名称</th><th rowspan="2">合计</th><th colspan="2">其中</th></tr>
  <tr><th>基本支出</th><th>项目支出</th></tr></thead><tbody>${body}</tbody></table>`;
}

export async function printTablesPdf(path: string, tables: PrintedTable[]): Promise<void> {
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
    body { font-family: 'Noto Serif CJK SC', serif; font-size: 10pt; }
    table { border-collapse: collapse; width: 100%; margin-bottom: 24pt; }
    td, th { border: 0.75pt solid #000; padding: 2pt 4pt; }
    .n { text-align: right; }
  </style></head><body>${tables.map(tableHtml).join('')}</body></html>`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    await page.pdf({ path, format: 'A4' });
  } finally {
    await browser.close();
  }
}

/** One table of `count` rows with amounts that add up (合计 = 基本支出 + 项目支出). */
export function largeTable(count: number): PrintedTable {
  const rows: PrintedTable['rows'] = [];
  for (let i = 0; i < count; i++) {
    const total = i * 317 + 1234;
    const basic = Math.floor(total * 0.6);
    const amount = (hundredths: number): string => (hundredths / 100).toFixed(2);
    rows.push([String(2010000 + i), `测试科目${i + 1}`, amount(total), amount(basic), amount(total - basic)]);
  }
  return { title: '2025年大表测试支出预算表', rows };
}
