import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { readCsv } from './csv.ts';
import type { SourceRow } from './types.ts';

async function all(source: AsyncIterable<SourceRow>): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const r of source) rows.push(r);
  return rows;
}

describe('readCsv', () => {
  it('C11: GBK bytes d0 d5 c3 fb 2c ca d6 bb fa ba c5 0d 0a give the header 姓名,手机号', async () => {
    const bytes = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xca, 0xd6, 0xbb, 0xfa, 0xba, 0xc5, 0x0d, 0x0a]);
    const src = readCsv(Buffer.concat([bytes, iconv.encode('李娜,13812345678\r\n', 'gbk')]));
    const rows = await all(src);
    expect(src.meta.fields).toEqual(['姓名', '手机号']);
    expect(src.meta.encoding).toBe('gb18030');
    expect(rows).toEqual([{ rowNumber: 1, line: 2, fields: { 姓名: '李娜', 手机号: '13812345678' } }]);
  });

  it('C11: a UTF-8 file with BOM imported with an explicit gbk hint decodes as UTF-8, no U+FFFD', async () => {
    const src = readCsv(Buffer.from('\uFEFF姓名,手机号\r\n王强,13912345678\r\n'), { encoding: 'gbk' });
    const rows = await all(src);
    expect(src.meta).toMatchObject({ encoding: 'utf8', encodingReason: 'bom', fields: ['姓名', '手机号'] });
    expect(rows[0]!.fields).toEqual({ 姓名: '王强', 手机号: '13912345678' });
    expect(JSON.stringify(rows)).not.toContain('\uFFFD');
  });

  it('C12: the BOM is never glued to the first header', async () => {
    const rows = await all(readCsv(Buffer.from('\uFEFF姓名,身份证号\r\n李娜,11010519880815108X\r\n')));
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!.fields)).toEqual(['姓名', '身份证号']);
    expect(rows[0]!.fields['姓名']).toBe('李娜');
  });

  it('C13: exactly two rows; the first address keeps its line break inside the field', async () => {
    const rows = await all(readCsv(Buffer.from('"姓名","地址"\n"李娜","北京市朝阳区\r\n幸福路1号"\n"王强","上海市"\n')));
    expect(rows).toEqual([
      { rowNumber: 1, line: 2, fields: { 姓名: '李娜', 地址: '北京市朝阳区\r\n幸福路1号' } },
      { rowNumber: 2, line: 4, fields: { 姓名: '王强', 地址: '上海市' } },
    ]);
  });

  it('reads GBK and GB18030 files (auto and hinted), including characters outside GBK', async () => {
    const text = '寄件人姓名,寄件人地址\r\n张伟,江苏省南京市玄武区中山路1号\r\n吉𠮷,广东省深圳市南山区€街\r\n';
    const gbk = iconv.encode(text.split('\r\n').slice(0, 2).join('\r\n') + '\r\n', 'gbk');
    const gbkRows = await all(readCsv(gbk, { encoding: 'gbk' }));
    expect(gbkRows.map((r) => r.fields['寄件人地址'])).toEqual(['江苏省南京市玄武区中山路1号']);
    const gb18030 = iconv.encode(text, 'gb18030');
    const src = readCsv(gb18030);
    const rows = await all(src);
    expect(src.meta.encoding).toBe('gb18030');
    expect(rows.map((r) => r.fields['寄件人姓名'])).toEqual(['张伟', '吉𠮷']);
    expect(rows[1]!.fields['寄件人地址']).toBe('广东省深圳市南山区€街');
    expect(rows.some((r) => r.issues)).toBe(false);
  });

  it('detects GB18030 across many chunks, with characters split at chunk boundaries', async () => {
    const lines = ['姓名,地址'];
    for (let i = 0; i < 5000; i++) lines.push(`李娜${i},北京市朝阳区幸福路${i}号`);
    const bytes = iconv.encode(lines.join('\n') + '\n', 'gb18030');
    const pieces: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 7777) pieces.push(bytes.subarray(i, i + 7777));
    const rows = await all(readCsv(Readable.from(pieces)));
    expect(rows).toHaveLength(5000);
    expect(rows[4999]!.fields).toEqual({ 姓名: '李娜4999', 地址: '北京市朝阳区幸福路4999号' });
    expect(rows.some((r) => r.issues)).toBe(false);
  });

  it('never keeps U+FFFD silently: undecodable bytes give ENCODING_INVALID naming line and field', async () => {
    const bytes = Buffer.concat([Buffer.from('姓名,电话\n李娜,138\n'), Buffer.from([0xff, 0xfe, 0x2c, 0x31, 0x0a]), Buffer.from('王强,139\n')]);
    const rows = await all(readCsv(bytes, { encoding: 'utf8' }));
    expect(rows.map((r) => r.issues?.map((i) => [i.code, i.field, i.params?.line]))).toEqual([undefined, [['ENCODING_INVALID', '姓名', 3]], undefined]);
    // a GBK file forced through UTF-8 is flagged, row by row
    const forced = await all(readCsv(iconv.encode('姓名\n李娜\n王强\n', 'gbk'), { encoding: 'utf8' }));
    expect(forced.map((r) => r.issues?.[0]?.code)).toEqual(['ENCODING_INVALID', 'ENCODING_INVALID']);
  });

  it('reads every cell as text, exactly as written', async () => {
    const rows = await all(readCsv(Buffer.from('id,phone,postcode,w\n3.20102E+17,01088886666,010010,1.50\n')));
    expect(rows[0]!.fields).toEqual({ id: '3.20102E+17', phone: '01088886666', postcode: '010010', w: '1.50' });
  });

  it('maps Chinese and English header aliases, keeps or drops unknown columns', async () => {
    const columns = { senderName: ['寄件人姓名', 'sender_name'], senderPhone: ['寄件人电话', 'Sender Phone'] };
    const zh = readCsv(Buffer.from('寄件人姓名,寄件人电话,备注\n李娜,13812345678,易碎\n'), { columns });
    expect((await all(zh))[0]!.fields).toEqual({ senderName: '李娜', senderPhone: '13812345678', 备注: '易碎' });
    expect(zh.meta.unmappedColumns).toEqual(['备注']);
    const en = await all(readCsv(Buffer.from('SENDER_NAME, sender phone ,note\nLi Na,13812345678,x\n'), { columns, unknownColumns: 'drop' }));
    expect(en[0]!.fields).toEqual({ senderName: 'Li Na', senderPhone: '13812345678' });
  });

  it('throws INGEST_HEADER_MISSING / INGEST_HEADER_DUPLICATE for headers that cannot be used', async () => {
    const columns = { senderName: ['寄件人姓名', '寄件人'] };
    await expect(all(readCsv(Buffer.from('电话\n1\n'), { columns, requiredFields: ['senderName'] }))).rejects.toMatchObject({ code: 'INGEST_HEADER_MISSING' });
    await expect(all(readCsv(Buffer.from('寄件人姓名,寄件人\na,b\n'), { columns }))).rejects.toMatchObject({ code: 'INGEST_HEADER_DUPLICATE' });
    expect(() => readCsv(path.join(os.tmpdir(), 'gongzhi-no-such-file.csv'))).toThrow(AppError);
    await expect(all(readCsv(Buffer.from('\n\n'), { columns, requiredFields: ['senderName'] }))).rejects.toMatchObject({ code: 'INGEST_HEADER_MISSING' });
    expect(await all(readCsv(Buffer.alloc(0)))).toEqual([]);
  });

  it('flags rows with the wrong number of columns and skips empty lines', async () => {
    const rows = await all(readCsv(Buffer.from('a,b\n1,2\n\n3\n4,5,6\n7,8')));
    expect(rows.map((r) => [r.rowNumber, r.line, r.issues?.map((i) => `${i.code}:${i.params?.actual}`)])).toEqual([
      [1, 2, undefined],
      [2, 4, ['CSV_COLUMN_COUNT:1']],
      [3, 5, ['CSV_COLUMN_COUNT:3']],
      [4, 6, undefined],
    ]);
    expect(rows[1]!.fields).toEqual({ a: '3', b: '' });
  });

  it('reads CR-only line ends (old Mac exports) streamed in small pieces', async () => {
    const text = '姓名,电话\r李娜,138\r"王\r强",139\r';
    const bytes = Buffer.from(text);
    const pieces: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 5) pieces.push(bytes.subarray(i, i + 5));
    const rows = await all(readCsv(Readable.from(pieces)));
    expect(rows.map((r) => [r.line, r.fields['姓名']])).toEqual([
      [2, '李娜'],
      [3, '王\r强'],
    ]);
  });

  it('reads a line longer than the carry limit (9 MiB cell, no final line break)', async () => {
    const big = Buffer.concat([Buffer.from('a,b\n'), Buffer.alloc(9 << 20, 0x78), Buffer.from(',1')]);
    const pieces: Buffer[] = [];
    for (let i = 0; i < big.length; i += 1 << 20) pieces.push(big.subarray(i, i + (1 << 20)));
    const rows = await all(readCsv(Readable.from(pieces)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.fields['a']).toHaveLength(9 << 20);
    expect(rows[0]!.fields['b']).toBe('1');
  });

  it('streams a 200,000-row file from disk in chunks', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-ingest-'));
    const file = path.join(dir, 'big.csv');
    const out = fs.createWriteStream(file);
    out.write('courier,waybillNo,senderName,senderAddress\n');
    for (let i = 0; i < 200_000; i += 10_000) {
      let block = '';
      for (let j = i; j < i + 10_000; j++) block += `ZTO,7891${String(j).padStart(10, '0')},李娜,"北京市朝阳区幸福路${j % 97}号"\n`;
      if (!out.write(block)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((r) => out.end(() => r()));
    try {
      const src = readCsv(file);
      let n = 0;
      let chunks = 0;
      for await (const chunk of src.chunks()) {
        n += chunk.length;
        chunks++;
      }
      expect(n).toBe(200_000);
      expect(chunks).toBeGreaterThan(5);
      expect(src.progress().bytesRead).toBe(fs.statSync(file).size);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
