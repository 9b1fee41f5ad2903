import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parcelsModule } from '../src/apps/parcels/index.ts';
import { importParcels } from '../src/apps/parcels/importer.ts';
import { writeCourierExport } from '../src/demo/export.ts';
import { generateParcels } from '../src/demo/parcels.ts';
import { ingestModule } from '../src/ingest/index.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { testDialects } from '../src/store/testing.ts';

const ROWS = 3000;

describe.each(testDialects())('parcels import on $name', (dialect) => {
  let ctx: PlatformContext;
  let drop: () => Promise<void>;
  let dir: string;
  beforeAll(async () => {
    const created = await dialect.create();
    drop = created.drop;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-import-'));
    ctx = await openPlatform(created.config, { modules: [ingestModule, parcelsModule], now: () => new Date('2026-11-30T02:00:00Z') });
  });
  afterAll(async () => {
    await ctx?.database.close();
    await drop?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports a GBK courier export with spreadsheet damage: exactly the damaged rows are rejected with their codes, masked in the report', async () => {
    const file = path.join(dir, '中通导出.csv');
    const exp = writeCourierExport(file, generateParcels({ count: ROWS, seed: 5 }), { damage: true, encoding: 'gbk', damageShare: 0.02 });
    const damaged = exp.damaged.filter((d) => d.parcelField);
    expect(damaged.length).toBeGreaterThan(10);
    const r = await importParcels(ctx, file, { batchSize: 1000 });
    const rejectedRows = new Set(damaged.map((d) => d.row));
    expect(r.rowsRead).toBe(ROWS);
    expect(r.rejected).toBe(rejectedRows.size);
    expect(r.inserted).toBe(ROWS - rejectedRows.size);
    const expectedCodes: Record<string, number> = {};
    for (const d of damaged) expectedCodes[d.expectedCode] = (expectedCodes[d.expectedCode] ?? 0) + 1;
    expect(r.rejectsByCode).toEqual(expectedCodes);
    const report = fs.readFileSync(`${file}.rejects.csv`, 'utf8');
    expect(report.startsWith('\uFEFF')).toBe(true);
    const lines = report.trim().split('\r\n').slice(1).map((l) => l.split(','));
    expect(new Set(lines.map((l) => Number(l[0])))).toEqual(rejectedRows);
    for (const d of damaged) {
      const line = lines.find((l) => Number(l[0]) === d.row && l[2] === d.field)!;
      expect(line[3]).toBe(d.expectedCode);
      if (d.written.length >= 12) expect(line[6]).not.toBe(d.written);
    }
    expect(JSON.parse(fs.readFileSync(`${file}.import.json`, 'utf8'))).toMatchObject({ rowsRead: ROWS, rejected: rejectedRows.size });
  });

  it('re-importing the same file adds zero rows', async () => {
    const file = path.join(dir, '中通导出.csv');
    const before = await ctx.database.db.selectFrom('parcels').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const r = await importParcels(ctx, file);
    expect([r.inserted, r.duplicates]).toEqual([0, Number(before!.n)]);
    const after = await ctx.database.db.selectFrom('parcels').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    expect(Number(after!.n)).toBe(Number(before!.n));
  });

  it.skipIf(dialect.name !== 'sqlite')('leaves its SQLite connection as it found it: page cache and WAL autocheckpoint restored after the bulk-load settings', async () => {
    const sqlite = ctx.database.sqlite!;
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('wal_autocheckpoint = 5000');
    const file = path.join(dir, 'more.csv');
    writeCourierExport(file, generateParcels({ count: 500, seed: 21 }), { encoding: 'utf8' });
    const r = await importParcels(ctx, file);
    expect(r.inserted).toBe(500);
    expect(sqlite.pragma('cache_size', { simple: true })).toBe(-65536);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(5000);
  });

  it('reads English headers in UTF-8 with the courier given on the command line', async () => {
    const file = path.join(dir, 'english.csv');
    fs.writeFileSync(file, [
      'waybill_no,sender_name,sender_id_number,sender_phone,sender_address,receiver_name,receiver_phone,receiver_address,item_name,item_quantity,weight_grams,outlet,clerk,accepted_at,inspected',
      '78912345670001,李娜,11010519491231002X,13812345678,浙江省杭州市西湖区文三路1号,王强,13987654321,北京市东城区东华门街道1号,书籍,1,300,ZTO1,C1,2026-11-11 10:00:00,是',
      '78912345670002,李娜,,13812345678,浙江省杭州市西湖区文三路1号,王强,13987654321,北京市东城区东华门街道1号,书籍,1,300,ZTO1,C1,2026-11-11 10:05:00,否',
    ].join('\n'));
    const r = await importParcels(ctx, file, { courier: '中通' });
    expect([r.inserted, r.rejected, r.nonCompliant]).toEqual([2, 0, 1]);
    expect(r.noncomplianceByCode).toEqual({ PARCEL_ID_MISSING: 1, PARCEL_NOT_INSPECTED: 1 });
  });
});
