import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlatform } from '../../platform/platform.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { testDialects } from '../../store/testing.ts';
import { parcelCrypto } from './parcelCrypto.ts';
import * as repo from './repository.ts';
import { MERGE_KEYS, migrations } from './schema.ts';
import { testRow } from './testRows.ts';
import { drainStagedKeys, MERGE_SLICES, writeParcels } from './writer.ts';

describe.each(testDialects())('parcel writer on $name', (dialect) => {
  let ctx: PlatformContext;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const made = await dialect.create();
    drop = made.drop;
    ctx = await openPlatform(made.config, { modules: [{ name: 'parcels', migrations }] });
  });
  afterAll(async () => {
    await ctx.database.close();
    await drop();
  });
  const meta = { source: 'import' as const, runId: 'r1', createdAt: '2026-11-29T00:00:00.000Z' };

  it('inserts, reports duplicates and conflicts per record, and keeps statistics exact', async () => {
    const k = parcelCrypto(ctx.secret);
    const first = await writeParcels(ctx.database, [
      testRow(k, { waybillNo: 'A1' }),
      testRow(k, { waybillNo: 'A2', idNumber: null, noncompliance: ['PARCEL_ID_MISSING'] }),
      testRow(k, { waybillNo: 'A1' }),
      testRow(k, { waybillNo: 'A3', courier: 'SF', outlet: 'O2', itemName: '仿真枪', flags: [{ term: '仿真枪', category: 'firearms' }] }),
    ], meta);
    expect(first.map((o) => o.status)).toEqual(['inserted', 'inserted', 'duplicate', 'inserted']);
    expect(first[2]!.id).toBe(first[0]!.id);
    const again = await writeParcels(ctx.database, [testRow(k, { waybillNo: 'A2', idNumber: null, noncompliance: ['PARCEL_ID_MISSING'] }), testRow(k, { waybillNo: 'A1', hash: 'other' })], meta);
    expect(again).toEqual([{ id: first[1]!.id, status: 'duplicate' }, { id: first[0]!.id, status: 'conflict' }]);
    expect(await repo.countParcels(ctx.database)).toBe(3);
    expect(await repo.dailyTotals(ctx.database, {})).toEqual([{ day: '2026-11-11', total: 3, realNameOk: 2, flagged: 1, noncompliant: 1 }]);
    expect(await repo.courierTotals(ctx.database, {})).toEqual([{ courier: 'ZTO', total: 2, realNameOk: 1 }, { courier: 'SF', total: 1, realNameOk: 1 }]);
    expect(await repo.noncomplianceCounts(ctx.database, {})).toEqual([{ code: 'PARCEL_ID_MISSING', count: 1 }]);
    expect(await repo.flagCounts(ctx.database, {})).toEqual([{ category: 'firearms', count: 1 }]);
    expect(await repo.flowCounts(ctx.database, {}, 10)).toEqual([{ originProvince: '浙江省', destinationProvince: '北京市', count: 3 }]);
    expect(await repo.dailyTotals(ctx.database, { from: '2026-11-12' })).toEqual([]);
  });

  it('finds parcels by blind index through the segmented key table', async () => {
    const k = parcelCrypto(ctx.secret);
    const ids = await repo.parcelIdsByKey(ctx.database, k.idIndex.of('11010519491231002X'));
    const rows = (await repo.parcelsByIds(ctx.database, ids)).map(repo.viewRow);
    expect(rows.map((r) => r.waybill_no).sort()).toEqual(['A1', 'A3']);
    const byPhone = await repo.parcelIdsByKey(ctx.database, k.phoneIndex.of('13987654321'));
    expect(byPhone).toHaveLength(3);
    expect(await repo.parcelIdsByKey(ctx.database, k.phoneIndex.of('13000000000'))).toEqual([]);
    const w = await repo.findByWaybill(ctx.database, ['ZTO', 'SF'], 'A3');
    expect(w.map((r) => [r.courier, r.outlet])).toEqual([['SF', 'O2']]);
    expect(k.cipher.decrypt(w[0]!.sender_id_enc!)).toBe('11010519491231002X');
    // The look-up rows carry exactly the VIEW_COLUMNS, each with the stored value (look-ups
    // read tuples by position: a column out of order would put a value under the wrong name).
    const [t3] = await repo.parcelsByIds(ctx.database, [w[0]!.id]);
    expect(t3).toHaveLength(repo.VIEW_COLUMNS.length);
    for (const c of repo.VIEW_COLUMNS) expect(repo.VIEW_COLUMNS[repo.VIEW_AT[c]]).toBe(c);
    const a3 = repo.viewRow(t3!);
    expect(Object.keys(a3!)).toEqual([...repo.VIEW_COLUMNS]);
    const full = w[0] as unknown as Record<string, unknown>;
    for (const c of repo.VIEW_COLUMNS) expect([c, (a3 as unknown as Record<string, unknown>)[c]]).toEqual([c, full[c]]);
  });

  it('finds every parcel of a key before, across and after the merge of staged keys', async () => {
    const k = parcelCrypto(ctx.secret);
    const count = async (table: string) => Number((await ctx.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    // 9,000 parcels of one sender, three keys each (ID, two phones): 27,000 keys, more than
    // MERGE_KEYS; then small transactions, one per slice of the merge that starts.
    const own: number[] = [];
    const write = async (from: number, n: number) => {
      const rows = Array.from({ length: n }, (_, i) => testRow(k, { waybillNo: `M${from + i}`, idNumber: '440524188001010014', senderPhone: '13700000001', receiverPhone: `139${String(from + i).padStart(8, '0')}` }));
      own.push(...(await writeParcels(ctx.database, rows, meta)).map((o) => o.id));
      const found = await repo.parcelIdsByKey(ctx.database, k.idIndex.of('440524188001010014'));
      expect(found).toEqual(own.slice(-repo.LOOKUP_LIMIT).reverse());
    };
    for (let b = 0; b < 18; b++) await write(b * 500, 500);
    for (let b = 0; b < MERGE_SLICES; b++) await write(9_000 + b * 10, 10);
    const merged = await count('parcel_keys');
    const staged = await count('parcel_keys_recent');
    expect(merged + staged).toBe(3 + 2 + 3 + 3 * (9_000 + MERGE_SLICES * 10)); // the first test's A1, A2 (no ID number), A3, and these
    if (ctx.database.dialect === 'sqlite') {
      // Only keys that arrived after their slice was merged are still staged.
      expect(staged).toBeLessThan(2_000);
      expect(merged).toBeGreaterThan(25_000);
    } else expect(staged).toBe(0); // PostgreSQL writes parcel_keys directly
    // A receiver phone is found whether its key was merged or is still staged.
    for (const n of [0, 4_000, 8_999, 9_000 + MERGE_SLICES * 10 - 1]) {
      expect(await repo.parcelIdsByKey(ctx.database, k.phoneIndex.of(`139${String(n).padStart(8, '0')}`))).toEqual([own[n]]);
    }
  });

  it('keeps the staged keys near MERGE_KEYS under large load batches, and drains them after a load', async () => {
    if (ctx.database.dialect !== 'sqlite') return; // PostgreSQL stages nothing
    const k = parcelCrypto(ctx.secret);
    const staged = () => Number(ctx.database.sqlite!.prepare('select count(*) from parcel_keys_recent').pluck().get());
    // 2,000-row batches (the loader's size): 6,000 keys per transaction. One slice per commit
    // removed about staged/32 rows and the table grew past 90,000 at 1,000,000 parcels.
    const peaks: number[] = [];
    for (let b = 0; b < 14; b++) {
      const rows = Array.from({ length: 2_000 }, (_, i) => testRow(k, { waybillNo: `L${b * 2_000 + i}`, idNumber: '440524188001010014', senderPhone: `136${String(b * 2_000 + i).padStart(8, '0')}`, receiverPhone: `135${String(b * 2_000 + i).padStart(8, '0')}` }));
      await writeParcels(ctx.database, rows, meta);
      peaks.push(staged());
    }
    expect(Math.max(...peaks)).toBeLessThanOrEqual(MERGE_KEYS + 6_000);
    drainStagedKeys(ctx.database);
    expect(staged()).toBe(0);
    for (const n of [0, 13_999, 27_999]) {
      expect(await repo.parcelIdsByKey(ctx.database, k.phoneIndex.of(`135${String(n).padStart(8, '0')}`))).toHaveLength(1);
    }
  });
});
