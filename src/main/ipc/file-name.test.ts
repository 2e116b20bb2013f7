import { describe, expect, it } from 'vitest';
import { sanitizeFileName } from './file-name';

describe('sanitizeFileName', () => {
  it.each([
    ['2025年部门预算校对结果.xlsx', '2025年部门预算校对结果.xlsx'],
    ['../../etc/passwd', 'etc_passwd'],
    ['..\\..\\Windows\\win.ini', 'Windows_win.ini'],
    ['a/b\\c.json', 'a_b_c.json'],
    ['C:\\x.json', 'C__x.json'],
    ['<script>alert(1)</script>.html', 'script_alert(1)__script_.html'],
    ['名称\u0000\u0007.json', '名称__.json'],
    ['CON.json', '_CON.json'],
    ['nul', '_nul'],
    ['report.json.', 'report.json'],
    ['  .hidden.json', 'hidden.json'],
    ['...', '导出文件'],
    ['.json', 'json'],
    ['', '导出文件'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it('caps the length in UTF-8 bytes and keeps the extension', () => {
    const name = sanitizeFileName(`${'预'.repeat(300)}.xlsx`);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
    expect(name.endsWith('.xlsx')).toBe(true);
    expect(name.startsWith('预预')).toBe(true);
  });
});
