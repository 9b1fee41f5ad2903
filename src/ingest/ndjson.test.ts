import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readNdjson } from './ndjson.ts';
import { readFile } from './readFile.ts';
import type { SourceRow } from './types.ts';

async function all(source: AsyncIterable<SourceRow>): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const r of source) rows.push(r);
  return rows;
}

describe('readNdjson', () => {
  it('reads objects as text fields, types non-strings, and rejects bad lines row by row', async () => {
    const text = '{"寄件人姓名":"李娜","phone":"13812345678","weight":350}\r\n\n{"寄件人姓名":"王强","phone":13912345678,"tags":["a"],"ok":true,"x":null}\nnot json\n[1,2]\n{"寄件人姓名":"张伟"}';
    // split inside a multi-byte character and inside a line
    const bytes = Buffer.from(text);
    const src = readNdjson(Readable.from([bytes.subarray(0, 10), bytes.subarray(10, 77), bytes.subarray(77)]), { columns: { senderName: ['寄件人姓名'] } });
    const rows = await all(src);
    expect(rows.map((r) => [r.rowNumber, r.line])).toEqual([
      [1, 1],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 6],
    ]);
    expect(rows[0]).toEqual({ rowNumber: 1, line: 1, fields: { senderName: '李娜', phone: '13812345678', weight: '350' }, cellTypes: { weight: 'number' } });
    expect(rows[1]!.fields).toEqual({ senderName: '王强', phone: '13912345678', tags: '["a"]', ok: 'true', x: '' });
    expect(rows[1]!.cellTypes).toEqual({ phone: 'number', tags: 'object', ok: 'boolean' });
    expect(rows[2]!.issues?.[0]?.code).toBe('NDJSON_INVALID');
    expect(rows[3]!.issues?.[0]?.code).toBe('NDJSON_NOT_OBJECT');
    expect(rows[4]!.fields).toEqual({ senderName: '张伟' });
    expect(src.meta.fields).toEqual(['senderName', 'phone', 'weight', 'tags', 'ok', 'x']);
  });

  it('flags undecodable bytes with ENCODING_INVALID on the field', async () => {
    const bytes = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('","p":"1"}\n')]);
    const rows = await all(readNdjson(bytes));
    expect(rows[0]!.issues?.map((i) => [i.code, i.field])).toEqual([['ENCODING_INVALID', 'name']]);
  });
});

describe('readFile', () => {
  it('chooses the reader by extension and refuses unknown types', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-readfile-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.TSV'), 'name\tphone\n李娜\t138\n');
      fs.writeFileSync(path.join(dir, 'a.jsonl'), '{"name":"李娜"}\n');
      fs.writeFileSync(path.join(dir, 'a.xls'), 'x');
      expect((await all(readFile(path.join(dir, 'a.TSV'))))[0]!.fields).toEqual({ name: '李娜', phone: '138' });
      expect((await all(readFile(path.join(dir, 'a.jsonl'))))[0]!.fields).toEqual({ name: '李娜' });
      expect(() => readFile(path.join(dir, 'a.xls'))).toThrow(/unsupported file type '.xls'/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
