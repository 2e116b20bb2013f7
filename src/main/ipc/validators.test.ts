import { describe, expect, it } from 'vitest';
import type { CommandName } from '../../shared/ipc-contract';
import { COMMAND_NAMES } from '../../shared/ipc-contract';
import { IpcError } from './ipc-error';
import { MAX_TRANSFER_BYTES, VALIDATORS } from './validators';

const TOKEN = '0f8fad5b-d9cb-469f-a165-70867728950e';
const bytes = new Uint8Array([1, 2, 3]);

function outcome(command: CommandName, args: unknown): unknown {
  try {
    return VALIDATORS[command](args);
  } catch (e) {
    return e instanceof IpcError ? `error:${e.code}` : `unexpected:${String(e)}`;
  }
}

describe('VALIDATORS', () => {
  it('has a validator for every command of the contract', () => {
    expect(Object.keys(VALIDATORS).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it.each<[CommandName, unknown, unknown]>([
    ['folder:state', undefined, undefined],
    ['folder:choose', null, undefined],
    ['document:extraction', { relativePath: '2025/预算.pdf' }, { relativePath: '2025/预算.pdf' }],
    ['document:source', { relativePath: '决算.pdf' }, { relativePath: '决算.pdf' }],
    ['document:reparse', { relativePath: 'a/b.xlsx' }, { relativePath: 'a/b.xlsx' }],
    ['document:cancel', { relativePath: '附件/大表.pdf' }, { relativePath: '附件/大表.pdf' }],
    ['settings:get', undefined, undefined],
    ['settings:set', {}, {}],
    ['settings:set', { reviewerName: '  张三 ' }, { reviewerName: '张三' }],
    ['file:save', { suggestedName: '报告.xlsx', kind: 'xlsx', bytes }, { suggestedName: '报告.xlsx', kind: 'xlsx', bytes }],
    ['export:writeFile', { token: TOKEN, name: 'a.json', bytes }, { token: TOKEN, name: 'a.json', bytes }],
    ['export:chooseDirectory', undefined, undefined],
    ['reviewPackage:open', undefined, undefined],
  ])('%s accepts %j', (command, args, expected) => {
    expect(outcome(command, args)).toEqual(expected);
  });

  it.each<[CommandName, unknown, string]>([
    ['folder:state', { x: 1 }, 'invalid-argument'],
    ['folder:choose', 'C:/', 'invalid-argument'],
    ['document:extraction', undefined, 'invalid-argument'],
    ['document:extraction', '预算.pdf', 'invalid-argument'],
    ['document:extraction', { relativePath: 7 }, 'invalid-argument'],
    ['document:extraction', { relativePath: '../x.pdf' }, 'path-outside-folder'],
    ['document:source', { relativePath: '/etc/passwd' }, 'path-outside-folder'],
    ['document:source', { relativePath: 'a\u0000.pdf' }, 'invalid-argument'],
    ['document:source', { relativePath: 'a.pdf', extra: true }, 'invalid-argument'],
    ['document:source', [{ relativePath: 'a.pdf' }], 'invalid-argument'],
    ['document:reparse', { relativePath: '' }, 'invalid-argument'],
    ['document:cancel', { relativePath: '../../大表.pdf' }, 'path-outside-folder'],
    ['settings:set', { reviewerName: 5 }, 'invalid-argument'],
    ['settings:set', { reviewerName: 'x'.repeat(65) }, 'invalid-argument'],
    ['settings:set', { reviewerName: '张\u0007三' }, 'invalid-argument'],
    ['settings:set', { folder: '/etc' }, 'invalid-argument'],
    ['settings:set', { __proto__: { reviewerName: 'x' } }, 'invalid-argument'],
    ['file:save', { suggestedName: 'a', kind: 'exe', bytes }, 'invalid-argument'],
    ['file:save', { suggestedName: 'a', kind: 'xlsx', bytes: [1, 2] }, 'invalid-argument'],
    ['file:save', { suggestedName: '   ', kind: 'json', bytes }, 'invalid-argument'],
    ['file:save', { suggestedName: 'x'.repeat(256), kind: 'json', bytes }, 'invalid-argument'],
    ['file:save', { suggestedName: 'a', kind: 'json', bytes: { byteLength: MAX_TRANSFER_BYTES + 1 } }, 'invalid-argument'],
    ['export:writeFile', { token: 'guess', name: 'a.json', bytes }, 'invalid-token'],
    ['export:writeFile', { token: TOKEN, name: 'a.json' }, 'invalid-argument'],
    ['export:writeFile', { token: TOKEN, name: 'a\nb.json', bytes }, 'invalid-argument'],
    ['reviewPackage:open', { path: '/etc/passwd' }, 'invalid-argument'],
  ])('%s refuses %j as %s', (command, args, code) => {
    expect(outcome(command, args)).toBe(`error:${code}`);
  });

  it('refuses oversized byte arrays as too-large', () => {
    const huge = new Uint8Array(new ArrayBuffer(8), 0, 1);
    Object.defineProperty(huge, 'byteLength', { value: MAX_TRANSFER_BYTES + 1 });
    expect(outcome('export:writeFile', { token: TOKEN, name: 'a.json', bytes: huge })).toBe('error:too-large');
  });
});

describe('sync:set', () => {
  const check = (args: unknown): unknown => VALIDATORS['sync:set'](args);
  it('accepts a database URL with separate credentials, or an empty URL', () => {
    expect(check({ url: ' https://couch.example:6984/dept-01 ', username: 'zhang', password: 'p' })).toEqual({ url: 'https://couch.example:6984/dept-01', username: 'zhang', password: 'p' });
    expect(check({ url: '', username: '' })).toEqual({ url: '', username: '' });
  });
  it.each([
    [{ url: 'ftp://x/db', username: '' }],
    [{ url: 'https://user:pw@couch.example/db', username: '' }],
    [{ url: 'https://couch.example/', username: '' }],
    [{ url: 'not a url', username: '' }],
    [{ url: 'https://couch.example/db', username: 'a\u0000' }],
    [{ url: 'https://couch.example/db', username: 'a', extra: 1 }],
    [{ url: 'https://couch.example/db' }],
  ])('refuses %j', (args) => {
    expect(() => check(args)).toThrow();
  });
});
