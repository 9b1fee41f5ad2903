import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadParcels } from '../src/apps/parcels/loader.ts';
import { parcelsModule } from '../src/apps/parcels/index.ts';
import { lookupParcels } from '../src/apps/parcels/parcelLookup.ts';
import { parcelStats } from '../src/apps/parcels/stats.ts';
import { generateParcels } from '../src/demo/parcels.ts';
import { DEFECT_EXPECTED_CODE, DEFECT_KINDS } from '../src/demo/truth.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { testDialects } from '../src/store/testing.ts';

const COUNT = 4000;

describe.each(testDialects())('loadParcels on $name', (dialect) => {
  let ctx: PlatformContext;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const created = await dialect.create();
    drop = created.drop;
    ctx = await openPlatform(created.config, { modules: [parcelsModule], now: () => new Date('2026-11-30T02:00:00Z') });
  });
  afterAll(async () => {
    await ctx?.database.close();
    await drop?.();
  });

  it('loads generated parcels, records exactly the planted defects and flags the planted prohibited items', async () => {
    const stream = generateParcels({ count: COUNT, seed: 11 });
    const progress: number[] = [];
    const r = await loadParcels(ctx, stream, { source: 'demo', batchSize: 1500, onProgress: (s) => progress.push(s.processed) });
    const truth = stream.truth;
    expect(progress).toEqual([1500, 3000, 4000]);
    expect(r.rejected).toEqual([]);
    expect(r.accepted).toBe(COUNT);
    expect(r.stats.inserted).toBe(COUNT);
    for (const kind of DEFECT_KINDS) expect([kind, r.stats.byCode[DEFECT_EXPECTED_CODE[kind]] ?? 0]).toEqual([kind, truth.defects[kind]]);
    const stats = await parcelStats(ctx);
    expect(stats.total).toBe(COUNT);
    expect(stats.realNameOk).toBe(COUNT - truth.defects.ID_MISSING - truth.defects.ID_TYPO);
    expect(Object.fromEntries(stats.daily.map((d) => [d.day, d.total]))).toEqual(truth.daily);
    for (const [code, n] of Object.entries(truth.byCourier)) expect(stats.byCourier.find((c) => c.courier === code)?.total).toBe(n.total);
    const flagged = await ctx.database.db.selectFrom('parcels').select(['courier', 'waybill_no']).where('flagged_terms', 'is not', null).execute();
    const keys = new Set(flagged.map((f) => `${f.courier}/${f.waybill_no}`));
    for (const p of truth.prohibited) expect(keys.has(`${p.courier}/${p.waybillNo}`)).toBe(true);
  });

  it('is idempotent: loading the same records again adds no row, from an async iterable too', async () => {
    async function* again() {
      yield* generateParcels({ count: COUNT, seed: 11 });
    }
    const r = await loadParcels(ctx, again(), { source: 'demo' });
    expect([r.accepted, r.stats.inserted, r.stats.duplicates]).toEqual([COUNT, 0, COUNT]);
    expect((await parcelStats(ctx)).total).toBe(COUNT);
  });

  it('finds every parcel of one sender by ID number through the blind index', async () => {
    const all = [...generateParcels({ count: COUNT, seed: 11 })];
    const counts = new Map<string, number>();
    for (const p of all) if (/^\d{17}[\dX]$/.test(p.senderIdNumber)) counts.set(p.senderIdNumber, (counts.get(p.senderIdNumber) ?? 0) + 1);
    const [busiest, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const found = await lookupParcels(ctx, { idNumber: busiest });
    const stored = (await ctx.database.db.selectFrom('parcels').select('id').where('real_name_ok', '=', 1).execute()).length;
    expect(stored).toBeGreaterThan(0);
    const valid = all.filter((p) => p.senderIdNumber === busiest);
    expect(found.parcels.length).toBeLessThanOrEqual(n);
    expect(found.parcels.length).toBe(valid.length - (await invalidAmong(valid.map((p) => p.waybillNo))));
    expect(found.parcels.every((p) => p.senderIdNumber === busiest)).toBe(true);
  });

  async function invalidAmong(waybills: string[]): Promise<number> {
    const rows = await ctx.database.db.selectFrom('parcels').select('id').where('waybill_no', 'in', waybills).where('real_name_ok', '=', 0).execute();
    return rows.length;
  }
});
