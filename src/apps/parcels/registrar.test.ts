import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateParcels } from '../../demo/parcels.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { openPlatform } from '../../platform/platform.ts';
import { securityModule } from '../../security/index.ts';
import { testDialects } from '../../store/testing.ts';
import { parcelsModule } from './index.ts';
import type { RawParcel } from './parcelValidator.ts';
import { ParcelRegistrar } from './registrar.ts';

const [sqlite] = testDialects();

describe('ParcelRegistrar', () => {
  let ctx: PlatformContext;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const created = await sqlite!.create();
    drop = created.drop;
    ctx = await openPlatform(created.config, { modules: [securityModule, parcelsModule], now: () => new Date('2026-11-30T04:00:00Z') });
  });
  afterAll(async () => {
    await ctx?.database.close();
    await drop?.();
  });

  it('validates a turn of records on the workers and gives the same answers as in-process validation', async () => {
    const records = [...generateParcels({ count: 60, seed: 21 })] as unknown as RawParcel[];
    const bad = { ...records[7]!, senderIdNumber: '110105199002302277' }; // check character right, 1990-02-30 impossible (C16)
    const onWorkers = new ParcelRegistrar(ctx, { workers: 2, workerMinRecords: 1 });
    const inProcess = new ParcelRegistrar(ctx, { workers: 0 });
    try {
      const a = await onWorkers.register([...records.slice(0, 30), bad]);
      expect(onWorkers.counters.validatedOnWorkers).toBe(31);
      expect(a[30]).toMatchObject({ ok: false });
      expect(a[30]!.errors.map((e) => `${e.field}:${e.code}`)).toEqual(['senderIdNumber:ID_BIRTH_DATE_INVALID', 'senderIdNumber:PARCEL_ID_INVALID']);
      // The same records again, validated in-process: every one is a duplicate of the stored parcel.
      const b = await inProcess.register(records.slice(0, 30));
      expect(inProcess.counters.validatedOnWorkers).toBe(0);
      expect(b.map((r) => [r.ok, r.duplicate, r.id])).toEqual(a.slice(0, 30).map((r) => [r.ok, true, r.id]));
      expect(a.slice(0, 30).every((r) => r.ok && typeof r.id === 'number')).toBe(true);
    } finally {
      await onWorkers.close();
      await inProcess.close();
    }
  });
});
