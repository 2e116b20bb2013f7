/**
 * A synthetic 2,000-row budget table printed to PDF by Chromium (like the fixture corpus), for
 * the grid-scrolling bar. It goes through the whole pipeline: folder → parse worker → grid.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM } from './browser';

export async function printLargeTablePdf(path: string, rows = 2000): Promise<void> {
  const body: string[] = [];
  for (let i = 0; i < rows; i++) {
    const total = (i * 317 + 1234) / 100;
    const basic = Math.floor((i * 317 + 1234) * 0.6) / 100;
    body.push(`<tr><td>${2010000 + i}</td><td>测试科目${i + 1}</td><td class=n>${total.toFixed(2)}</td><td class=n>${basic.toFixed(2)}</td><td class=n>${(total - basic).toFixed(2)}</td></tr>`);
  }
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
    body { font-family: 'Noto Serif CJK SC', serif; font-size: 10pt; }
    table { border-collapse: collapse; width: 100%; }
    td, th { border: 0.75pt solid #000; padding: 2pt 4pt; }
    .n { text-align: right; }
  </style></head><body>
  <h3 style="text-align:center">2025年大表测试支出预算表</h3><p>单位：万元</p>
  <table><thead><tr><th rowspan="2">科目编码</th><th rowspan="2">科目名称</th><th rowspan="2">合计</th><th colspan="2">其中</th></tr>
  <tr><th>基本支出</th><th>项目支出</th></tr></thead><tbody>${body.join('')}</tbody></table></body></html>`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    await page.pdf({ path, format: 'A4' });
  } finally {
    await browser.close();
  }
}
