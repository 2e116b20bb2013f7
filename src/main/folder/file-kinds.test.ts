import { describe, expect, it } from 'vitest';
import { sourceFormatOf } from './file-kinds';

describe('sourceFormatOf', () => {
  it.each([
    ['2025年部门预算.pdf', 'pdf'],
    ['sub/dir/决算.PDF', 'pdf'],
    ['报告.docx', 'docx'],
    ['表.xlsx', 'xlsx'],
    ['旧表.XLS', 'xls'],
    ['a.b.c.pdf', 'pdf'],
  ] as const)('%s is a %s disclosure', (name, format) => {
    expect(sourceFormatOf(name)).toBe(format);
  });

  it.each([
    '~$报告.docx',
    '.~lock.报告.docx#',
    '._预算.pdf',
    '预算.pdf.crdownload',
    '预算.pdf.part',
    '~WRL0001.tmp',
    '说明.txt',
    '预算.doc',
    'pdf',
    '.pdf',
    '',
    'dir/',
    'notes.pdf.swp',
  ])('%s is ignored', (name) => {
    expect(sourceFormatOf(name)).toBeNull();
  });
});
