import { spawnSync } from 'node:child_process';
import path from 'node:path';
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

  it('validates and writes on the registration thread with the same answers as in-process', async () => {
    const records = [...generateParcels({ count: 60, seed: 21 })] as unknown as RawParcel[];
    const bad = { ...records[7]!, senderIdNumber: '110105199002302277' }; // check character right, 1990-02-30 impossible (C16)
    const onThread = new ParcelRegistrar(ctx);
    const inProcess = new ParcelRegistrar(ctx, { thread: false });
    try {
      expect(onThread.threaded).toBe(true);
      expect(inProcess.threaded).toBe(false);
      // Three requests in one event-loop turn go to the thread as one message.
      const [a, a2, a3] = await Promise.all([onThread.register([...records.slice(0, 30), bad]), onThread.register(records.slice(30, 40)), onThread.register([records[0]!])]);
      expect(onThread.counters.onThread).toBe(42);
      expect(onThread.counters.onValidator).toBe(0); // a turn of 42 records is validated on the writer
      expect(a[30]).toMatchObject({ ok: false });
      expect(a[30]!.errors.map((e) => `${e.field}:${e.code}`)).toEqual(['senderIdNumber:ID_BIRTH_DATE_INVALID', 'senderIdNumber:PARCEL_ID_INVALID']);
      expect(a2!.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      // The same parcel twice in one transaction: the second is a duplicate of the first.
      expect(a3![0]).toMatchObject({ ok: true, duplicate: true, id: a[0]!.id });
      // The same records again, in-process on the main connection: every one is a duplicate of the stored parcel.
      const b = await inProcess.register(records.slice(0, 30));
      expect(inProcess.counters.onThread).toBe(0);
      expect(b.map((r) => [r.ok, r.duplicate, r.id])).toEqual(a.slice(0, 30).map((r) => [r.ok, true, r.id]));
      expect(a.slice(0, 30).every((r) => r.ok && typeof r.id === 'number')).toBe(true);
      // What the thread wrote is visible on the main connection, statistics included.
      const stored = await ctx.database.db.selectFrom('parcels').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const counted = await ctx.database.db.selectFrom('parcel_stats_daily').select((eb) => eb.fn.sum('total').as('n')).executeTakeFirstOrThrow();
      expect(Number(stored.n)).toBe(a.concat(a2!).filter((r) => r.ok).length);
      expect(Number(counted.n)).toBe(Number(stored.n));
      // A clerk's record for another outlet is validated on the thread but not stored.
      const other = { ...records[50]!, outlet: 'SOMEWHERE-ELSE' };
      const [refused] = await onThread.register([other], { outlet: String(records[50]!.outlet) });
      expect(refused!.ok).toBe(false);
      expect(refused!.errors[0]!.code).toBe('PARCEL_OUTLET_NOT_OWN');
      const after = await ctx.database.db.selectFrom('parcels').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(stored.n));
    } finally {
      await onThread.close();
      await inProcess.close();
    }
  });

  it('keeps the order of arrival across the groups the thread writes while it is busy', async () => {
    const records = [...generateParcels({ count: 481, seed: 23, defectRate: 0 })] as unknown as RawParcel[];
    const onThread = new ParcelRegistrar(ctx);
    try {
      await onThread.ready();
      // A large request goes through the validator thread and keeps the threads busy; the next,
      // smaller ones go straight to the writer in later event-loop turns (separate messages), must
      // wait for it, are taken in groups, and the last repeats a record of the second.
      const first = onThread.register(records.slice(0, 300));
      const later: Array<ReturnType<ParcelRegistrar['register']>> = [];
      for (let k = 0; k < 4; k++) {
        await new Promise((r) => setImmediate(r));
        later.push(onThread.register(k < 3 ? records.slice(300 + k * 60, 360 + k * 60) : [records[310]!, records[480]!]));
      }
      const [a, ...rest] = await Promise.all([first, ...later]);
      expect(a!.every((r) => r.ok && !r.duplicate)).toBe(true);
      expect(rest.slice(0, 3).every((answers) => answers.length === 60 && answers.every((r) => r.ok && !r.duplicate))).toBe(true);
      const second = rest[0]!;
      expect(rest[3]![0]).toMatchObject({ ok: true, duplicate: true, id: second[10]!.id });
      expect(rest[3]![1]).toMatchObject({ ok: true, duplicate: false });
      const ids = [...a!, ...rest.flat()].filter((r) => !r.duplicate).map((r) => r.id!);
      // Every record stored once, with ids in order of arrival.
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      expect(new Set(ids).size).toBe(481);
    } finally {
      await onThread.close();
    }
  });

  it('writes a large turn after the small ones submitted before it, though it takes the other way', async () => {
    const records = [...generateParcels({ count: 1260, seed: 24, defectRate: 0 })] as unknown as RawParcel[];
    const onThread = new ParcelRegistrar(ctx);
    try {
      await onThread.ready();
      // The writer is idle: a large turn goes straight to it, and keeps it busy (1,000 records).
      const first = onThread.register(records.slice(0, 1000));
      await new Promise((r) => setImmediate(r));
      expect(onThread.counters.onValidator).toBe(0);
      const small = onThread.register(records.slice(1000, 1020));
      await new Promise((r) => setImmediate(r));
      // 240 records while the writer has work: validated on the validator thread; the first repeats the small turn's sixth.
      const large = onThread.register([records[1005]!, ...records.slice(1020, 1259)]);
      await new Promise((r) => setImmediate(r));
      const single = onThread.register([records[1259]!]);
      const [f, s, l, one] = await Promise.all([first, small, large, single]);
      expect(onThread.counters.onValidator).toBe(240);
      expect(f!.every((r) => r.ok && !r.duplicate)).toBe(true);
      expect(s!.every((r) => r.ok && !r.duplicate)).toBe(true);
      expect(l![0]).toMatchObject({ ok: true, duplicate: true, id: s![5]!.id });
      expect(l!.slice(1).every((r) => r.ok && !r.duplicate)).toBe(true);
      const ids = [...f!, ...s!, ...l!.slice(1), ...one!].map((r) => r.id!);
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      expect(new Set(ids).size).toBe(1260);
    } finally {
      await onThread.close();
    }
  });

  it('answers the registrations owed when it is closed', async () => {
    const records = [...generateParcels({ count: 5, seed: 22 })] as unknown as RawParcel[];
    const r = new ParcelRegistrar(ctx);
    const pending = r.register(records);
    await r.close();
    expect((await pending).every((x) => x.ok)).toBe(true);
    await expect(r.register(records)).rejects.toMatchObject({ code: 'PARCEL_QUEUE_CLOSED' });
  });

  it('lets the process go on after close (the registration and checkpointer threads stop, the caller continues)', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'registrarClose.fixture.ts')], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).not.toContain('unsettled top-level await');
    expect([r.status, r.stdout.trim()]).toEqual([0, 'after close 3']);
  });
});
