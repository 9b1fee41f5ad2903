import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { validateIdNumber, validatePhone, validatePostcode } from '../core/index.ts';
import { COURIER_EXPORT_COLUMNS, writeCourierExport } from './export.ts';
import { generateParcels } from './parcels.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-demo-export-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const DAMAGE = /SPREADSHEET|LEADING_ZERO_STRIPPED/;

/** Row number → the damage codes the core validators find in that row's ID, phone and postcode cells. */
function damageFound(rows: Record<string, string>[]): Map<number, string[]> {
  const found = new Map<number, string[]>();
  rows.forEach((r, i) => {
    const codes = [
      ...validateIdNumber(r['寄件人证件号码']!).errors,
      ...validatePhone(r['寄件人电话']!).errors,
      ...validatePhone(r['收件人电话']!).errors,
      ...(r['寄件地邮编'] ? validatePostcode(r['寄件地邮编']).errors : []),
      ...(r['收件地邮编'] ? validatePostcode(r['收件地邮编']).errors : []),
    ].map((e) => e.code).filter((c) => DAMAGE.test(c));
    if (codes.length) found.set(i + 1, codes);
  });
  return found;
}

describe('courier export with spreadsheet damage', () => {
  it('writes GBK with Chinese headers; the damaged rows are exactly those recorded (C14, C15)', () => {
    const file = path.join(dir, 'zto-export.csv');
    const result = writeCourierExport(file, generateParcels({ count: 6000, seed: 77 }), { damage: true, damageShare: 0.2, seed: 5 });
    expect(result.rows).toBe(6000);
    expect(result.encoding).toBe('gbk');
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const text = iconv.decode(bytes, 'gbk');
    expect(text).not.toContain('\ufffd');
    expect(text.split('\r\n')[0]).toBe(COURIER_EXPORT_COLUMNS.map((c) => c[0]).join(','));
    const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(rows).toHaveLength(6000);
    const kinds = new Set(result.damaged.map((d) => d.kind));
    expect(kinds).toEqual(new Set(['ID_SCIENTIFIC', 'ID_TAIL_ZEROED', 'PHONE_LEADING_ZERO', 'POSTCODE_LEADING_ZERO']));
    expect(result.damaged.length).toBeGreaterThan(900);
    expect(result.damaged.length).toBeLessThan(1300);
    const found = damageFound(rows);
    expect([...found.keys()]).toEqual(result.damaged.map((d) => d.row));
    for (const d of result.damaged) {
      expect(found.get(d.row), `row ${d.row} ${d.kind} ${d.written}`).toEqual([d.expectedCode]);
      const header = COURIER_EXPORT_COLUMNS.find((c) => c[1] === d.field)![0];
      expect(rows[d.row - 1]![header]).toBe(d.written);
      expect(rows[d.row - 1]!['运单号']).toBe(d.waybillNo);
      expect(d.parcelField).toBe(d.kind !== 'POSTCODE_LEADING_ZERO');
    }
    const sci = result.damaged.find((d) => d.kind === 'ID_SCIENTIFIC')!;
    expect(sci.written).toMatch(/^\d(\.\d{1,5})?E\+1[78]$/);
    expect(result.damaged.find((d) => d.kind === 'ID_TAIL_ZEROED')!.written).toMatch(/^\d{15}000$/);
    expect(result.damaged.find((d) => d.kind === 'PHONE_LEADING_ZERO')!.written).toMatch(/^[1-9]\d{9,10}$/);
  });

  it('writes UTF-8 with a BOM and no damage when not asked', () => {
    const file = path.join(dir, 'plain.csv');
    const result = writeCourierExport(file, generateParcels({ count: 500, seed: 3 }), { encoding: 'utf8' });
    expect(result.damaged).toEqual([]);
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.subarray(3).toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(500);
    expect(damageFound(rows).size).toBe(0);
    expect(rows[0]!['是否验视']).toMatch(/^[是否]$/);
    expect(rows[0]!['收寄时间']).toMatch(/^2026-09-01 \d\d:\d\d:\d\d$/);
  });
});
