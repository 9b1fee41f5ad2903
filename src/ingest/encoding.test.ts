import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { chooseEncoding, createDecoder, isUtf8Sample, sniffBom } from './encoding.ts';

const C11 = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xca, 0xd6, 0xbb, 0xfa, 0xba, 0xc5, 0x0d, 0x0a]);

describe('encoding', () => {
  it('sniffs UTF-8, GB18030 and UTF-16 BOMs', () => {
    expect(sniffBom(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf8', length: 3 });
    expect(sniffBom(Buffer.from([0x84, 0x31, 0x95, 0x33]))).toEqual({ encoding: 'gb18030', length: 4 });
    expect(sniffBom(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toEqual({ encoding: 'utf-16le', length: 2 });
    expect(sniffBom(Buffer.from('abc'))).toBeNull();
  });

  it('C11: GBK bytes without BOM are detected as GB18030 (chardet only trusted when clearly ahead)', () => {
    expect(chooseEncoding(C11)).toEqual({ encoding: 'gb18030', bomLength: 0, reason: 'fallback' });
    expect(iconv.decode(C11, 'gb18030')).toBe('姓名,手机号\r\n');
  });

  it('C11: a BOM wins over an explicit gbk hint', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('姓名,手机号\r\n')]);
    expect(chooseEncoding(bytes, 'gbk')).toEqual({ encoding: 'utf8', bomLength: 3, reason: 'bom' });
  });

  it('valid UTF-8 is UTF-8, even when the sample cuts a character in two', () => {
    const bytes = Buffer.from('姓名,地址\n李娜,北京');
    expect(chooseEncoding(bytes)).toMatchObject({ encoding: 'utf8', reason: 'utf8-valid' });
    const cut = bytes.subarray(0, bytes.length - 1); // last character incomplete
    expect(isUtf8Sample(cut, true)).toBe(true);
    expect(isUtf8Sample(cut, false)).toBe(false);
  });

  it('trusts chardet for a clear Big5 file, and uses hints as given', () => {
    const big5 = iconv.encode('姓名,手機號,地址\n張偉,13812345678,臺北市中正區重慶南路一段\n李娜,13912345678,高雄市前鎮區\n', 'big5');
    expect(chooseEncoding(big5).encoding).toBe('big5');
    expect(chooseEncoding(C11, 'gbk')).toEqual({ encoding: 'gbk', bomLength: 0, reason: 'hint' });
    expect(() => chooseEncoding(C11, 'klingon')).toThrow(AppError);
  });

  it('decoders keep a character split across chunks whole', () => {
    const gb = iconv.encode('寄件人', 'gb18030');
    const d = createDecoder('gb18030');
    expect(d.write(gb.subarray(0, 3)) + d.write(gb.subarray(3)) + d.end()).toBe('寄件人');
    const u = Buffer.from('寄件人');
    const du = createDecoder('utf8');
    expect(du.write(u.subarray(0, 4)) + du.write(u.subarray(4)) + du.end()).toBe('寄件人');
  });
});
