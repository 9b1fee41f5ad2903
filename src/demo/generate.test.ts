import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations as parcelMigrations } from '../apps/parcels/schema.ts';
import { openPlatform } from '../platform/platform.ts';
import { testDialects } from '../store/testing.ts';
import { formatSummary } from './cli.ts';
import { defaultEnd, generateDemo, groundTruthPath, writeGroundTruth } from './generate.ts';
import { generateParcels } from './parcels.ts';
import { DEFECT_EXPECTED_CODE, DEFECT_KINDS, type GroundTruth } from './truth.ts';

describe.each(testDialects())('generateDemo on $name', (dialect) => {
  it('loads the parcels, plants exactly the defects of the ground truth, and is idempotent', async () => {
    const { config, drop } = await dialect.create();
    const ctx = await openPlatform(config, { modules: [{ name: 'parcels', migrations: parcelMigrations }], now: () => new Date('2026-11-30T02:00:00Z') });
    try {
      const exportFile = path.join(config.dataDir, 'exports', 'demo-export.csv');
      let progress = 0;
      const summary = await generateDemo(ctx, { parcels: 8_000, seed: 99, exportFile, exportCount: 2000, onProgress: (s) => (progress = s.processed) });
      expect(progress).toBe(8_000);
      expect(summary.generated).toBe(8_000);
      expect(summary.accepted).toBe(8_000);
      expect(summary.rejected).toBe(0);
      expect(summary.stats.inserted).toBe(8_000);
      const t = summary.truth;
      const defects = DEFECT_KINDS.reduce((s, k) => s + t.defects[k], 0);
      expect(summary.stats.nonCompliant).toBe(defects);
      for (const k of DEFECT_KINDS) expect(summary.stats.byCode[DEFECT_EXPECTED_CODE[k]] ?? 0, k).toBe(t.defects[k]);
      expect(summary.stats.flagged).toBe(t.prohibited.length);

      // per courier, as stored
      const rows = await ctx.database.db.selectFrom('parcels').select(['courier', 'noncompliance', 'flagged_terms', 'waybill_no']).execute() as Array<{ courier: string; noncompliance: string | null; flagged_terms: string | null; waybill_no: string }>;
      expect(rows).toHaveLength(8_000);
      for (const [courier, ct] of Object.entries(t.byCourier)) {
        const mine = rows.filter((r) => r.courier === courier);
        expect(mine.length, courier).toBe(ct.total);
        for (const k of DEFECT_KINDS) {
          expect(mine.filter((r) => (r.noncompliance ?? '').split(',').includes(DEFECT_EXPECTED_CODE[k])).length, `${courier} ${k}`).toBe(ct.defects[k]);
        }
      }
      const flagged = new Set(rows.filter((r) => r.flagged_terms).map((r) => `${r.courier}/${r.waybill_no}`));
      expect(flagged).toEqual(new Set(t.prohibited.map((p) => `${p.courier}/${p.waybillNo}`)));

      // the ground truth file, never read by the application
      const file = groundTruthPath(config.dataDir);
      expect(summary.truthFile).toBe(file);
      const written = JSON.parse(fs.readFileSync(file, 'utf8')) as GroundTruth & { export: { rows: number; damaged: unknown[]; seed: string } };
      expect(written.total).toBe(8_000);
      expect(written.defects).toEqual(t.defects);
      expect(written.seed).toBe(99);
      expect(written.options).toEqual({ count: 8_000, days: 90, end: '2026-11-29', couriers: 20, outlets: 500 });
      expect(written.export.rows).toBe(2000);
      expect(written.export.seed).toBe('99-export');
      expect(written.export.damaged.length).toBe(summary.export!.damaged.length);
      expect(summary.export!.damaged.length).toBeGreaterThan(0);
      expect(fs.existsSync(exportFile)).toBe(true);
      expect(formatSummary(summary)).toContain('8,000 parcels generated');

      const again = await generateDemo(ctx, { parcels: 8_000, seed: 99 });
      expect(again.stats.inserted).toBe(0);
      expect(again.stats.duplicates).toBe(8_000);
    } finally {
      await ctx.database.close();
      await drop();
    }
  });
});

describe('defaultEnd', () => {
  it('is 2026-11-29, or the local day before an earlier clock', () => {
    expect(defaultEnd(new Date('2026-11-30T02:00:00Z'))).toBe('2026-11-29');
    expect(defaultEnd(new Date('2027-03-01T00:00:00Z'))).toBe('2026-11-29');
    expect(defaultEnd(new Date('2025-06-10T15:59:00Z'))).toBe('2025-06-09');
    expect(defaultEnd(new Date('2025-06-10T16:01:00Z'))).toBe('2025-06-10');
  });
});

describe('writeGroundTruth', () => {
  it('writes the ring file beside the ground truth when a ring is planted', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-demo-truth-'));
    try {
      const stream = generateParcels({ count: 45_000, seed: 8, ring: true });
      let n = 0;
      for (const _ of stream) n++;
      const { truthFile, ringTruthFile } = writeGroundTruth(dir, stream);
      expect(n).toBe(45_000);
      expect(ringTruthFile).toBe(path.join(dir, 'demo', 'ground-truth-ring.json'));
      const ring = JSON.parse(fs.readFileSync(ringTruthFile!, 'utf8')) as { sizes: Record<string, number>; provinces: string[]; decoyIds: string[]; parcels: unknown[] };
      expect(ring.sizes).toEqual({ workshop: 7, seller: 18, middleman: 126, buyer: 2100 });
      expect(ring.provinces).toHaveLength(31);
      expect(ring.decoyIds.length).toBe(1 + 16 + 110 + 1800 + 63);
      const truth = JSON.parse(fs.readFileSync(truthFile, 'utf8')) as GroundTruth;
      expect(truth.planted).toBe(stream.plants[0]!.parcels.length);
      expect(ring.parcels.length).toBeLessThan(truth.planted);
      const plain = generateParcels({ count: 1000, seed: 8 });
      for (const _ of plain) n++;
      expect(writeGroundTruth(path.join(dir, 'b'), plain).ringTruthFile).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
