import { describe, expect, it } from 'vitest';
import { mapHeader, normalizeLabel, rowFactory } from './header.ts';

describe('header mapping', () => {
  it('normalises labels: NFKC, case, spaces, _ - * : and BOM', () => {
    expect(normalizeLabel('\uFEFF寄件人 姓名*')).toBe('寄件人姓名');
    expect(normalizeLabel('Sender_Name')).toBe('sendername');
    expect(normalizeLabel('重量（克）')).toBe('重量(克)');
    expect(normalizeLabel('ＩＤ：')).toBe('id');
  });

  it('builds row objects with the mapped keys, dropped columns left out and missing cells empty', () => {
    const h = mapHeader(['寄件人姓名', '备注', 'x"y', '__proto__'], { columns: { senderName: ['寄件人姓名'], remark: [] } });
    expect(h.fields).toEqual(['senderName', '备注', 'x"y', '__proto__']);
    const build = rowFactory(h);
    const row = build(['李娜', 'a', 'b']);
    expect(row).toEqual({ senderName: '李娜', 备注: 'a', 'x"y': 'b', ['__proto__']: '' });
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.keys(row)).toEqual(['senderName', '备注', 'x"y', '__proto__']);
    const dropped = rowFactory(mapHeader(['a', 'b'], { columns: { a: [] }, unknownColumns: 'drop' }));
    expect(dropped(['1', '2'])).toEqual({ a: '1' });
  });

  it('refuses an alias given for two fields (a programming error)', () => {
    expect(() => mapHeader(['x'], { columns: { a: ['姓名'], b: ['姓名'] } })).toThrow(/both a and b/);
  });
});
