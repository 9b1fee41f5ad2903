import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { importParcels } from '../apps/parcels/importer.ts';
import { migrations as parcelMigrations } from '../apps/parcels/schema.ts';
import { migrations as ingestMigrations } from '../ingest/schema.ts';
import { openPlatform } from '../platform/platform.ts';
import { testDialects } from '../store/testing.ts';
import { writeCourierExport } from './export.ts';
import { generateParcels } from './parcels.ts';

const sqlite = testDialects().filter((d) => d.name === 'sqlite');

describe.each(sqlite)('importing the damaged courier export ($name)', (dialect) => {
  it('rejects exactly the rows the spreadsheet damaged, with the damage codes, and keeps every other row', async () => {
    const { config, drop } = await dialect.create();
    const ctx = await openPlatform(config, { modules: [{ name: 'ingest', migrations: ingestMigrations }, { name: 'parcels', migrations: parcelMigrations }], now: () => new Date('2026-11-30T02:00:00Z') });
    try {
      const file = path.join(config.dataDir, 'export.csv');
      const stream = generateParcels({ count: 4000, seed: 123 });
      const exported = writeCourierExport(file, stream, { damage: true, damageShare: 0.05, seed: 8 });
      const mustReject = exported.damaged.filter((d) => d.parcelField);
      expect(mustReject.length).toBeGreaterThan(100);
      const result = await importParcels(ctx, file, { encoding: 'gbk' });
      expect(result.rowsRead).toBe(4000);
      expect(result.rejected).toBe(mustReject.length);
      expect(result.inserted).toBe(4000 - mustReject.length);
      const byCode: Record<string, number> = {};
      for (const d of mustReject) byCode[d.expectedCode] = (byCode[d.expectedCode] ?? 0) + 1;
      expect(result.rejectsByCode).toEqual(byCode);
      const report = parse(fs.readFileSync(`${file}.rejects.csv`, 'utf8').replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
      const rows = new Map<number, Set<string>>();
      for (const r of report) {
        const n = Number(r['行号 row']);
        if (!rows.has(n)) rows.set(n, new Set());
        rows.get(n)!.add(`${r['字段 field']}:${r['代码 code']}`);
      }
      expect([...rows.keys()].sort((a, b) => a - b)).toEqual(mustReject.map((d) => d.row));
      for (const d of mustReject) expect([...rows.get(d.row)!], `row ${d.row}`).toEqual([`${d.field}:${d.expectedCode}`]);
      // the planted real-name defects are kept as non-compliant, as the import policy says
      const rejected = new Set(mustReject.map((d) => `${d.courier}/${d.waybillNo}`));
      const kept = stream.truth.defectParcels.filter((d) => !rejected.has(`${d.courier}/${d.waybillNo}`));
      expect(kept.length).toBeGreaterThan(50);
      expect(result.nonCompliant).toBe(kept.length);
    } finally {
      await ctx.database.close();
      await drop();
    }
  });
});
