import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlatform } from '../../platform/platform.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { testDialects } from '../../store/testing.ts';
import { closeIdentifierReader, identifierReaderFor, READER_MIN_PARCELS } from './identifierReader.ts';
import { lookupParcels } from './parcelLookup.ts';
import { parcelCrypto } from './parcelCrypto.ts';
import { migrations } from './schema.ts';
import { testRow } from './testRows.ts';
import { writeParcels } from './writer.ts';

const SENDER = '11010519491231002X';
const SENDER_PHONE = '13812345678';
/** Parcels of SENDER: enough for the reader thread. */
const N = READER_MIN_PARCELS + 36;

describe('identifier reader thread (SQLite file)', () => {
  const sqlite = testDialects().find((d) => d.name === 'sqlite')!;
  let ctx: PlatformContext;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const made = await sqlite.create();
    drop = made.drop;
    ctx = await openPlatform(made.config, { modules: [{ name: 'parcels', migrations }] });
    const k = parcelCrypto(ctx.secret);
    const rows = Array.from({ length: N }, (_, i) =>
      testRow(k, {
        waybillNo: `W${String(i).padStart(4, '0')}`,
        // every fifth parcel without a sender phone; receivers distinct, one of them the sender's own phone
        senderPhone: i % 5 === 0 ? null : SENDER_PHONE,
        receiverPhone: i === 7 ? SENDER_PHONE : `139${String(10_000_000 + i * 7919).slice(0, 8)}`,
      }),
    );
    // a parcel of another sender to whom SENDER's phone is the receiver's
    rows.push(testRow(k, { waybillNo: 'OTHER1', idNumber: '110105194912310037', senderPhone: '13700000001', receiverPhone: SENDER_PHONE }));
    await writeParcels(ctx.database, rows, { source: 'import', runId: 'r1', createdAt: '2026-11-29T00:00:00.000Z' });
  });
  afterAll(async () => {
    await closeIdentifierReader(ctx.database);
    await ctx.database.close();
    await drop();
  });

  it('gives the same parcels and identifiers as reading them on the main thread, by ID number and by phone', async () => {
    const reader = identifierReaderFor(ctx.database, ctx.secret)!;
    expect(reader).not.toBeNull();
    await reader.ready;
    const here = await lookupParcels(ctx, { idNumber: SENDER }, { identifierThread: false });
    const threaded = await lookupParcels(ctx, { idNumber: SENDER });
    expect(here.parcels).toHaveLength(N);
    expect(threaded).toEqual(here);
    expect(threaded.parcels.every((p) => p.senderIdNumber === SENDER)).toBe(true);
    expect(threaded.parcels.filter((p) => p.senderPhone === null)).toHaveLength(N / 5);
    expect(threaded.parcels.find((p) => p.waybillNo === 'W0007')!.receiverPhone).toBe(SENDER_PHONE);

    const byPhoneHere = await lookupParcels(ctx, { phone: SENDER_PHONE }, { identifierThread: false });
    const byPhone = await lookupParcels(ctx, { phone: SENDER_PHONE });
    expect(byPhone).toEqual(byPhoneHere);
    // the sender's parcels with a phone, W0007 as sender and receiver, and the other sender's parcel as receiver
    expect(byPhone.parcels).toHaveLength(N - N / 5 + 1);
    expect(byPhone.parcels.find((p) => p.waybillNo === 'W0007')!.matchedAs).toEqual(['sender', 'receiver']);
    expect(byPhone.parcels.find((p) => p.waybillNo === 'OTHER1')!.matchedAs).toEqual(['receiver']);
  });

  it('reads the identifiers on the thread: its reply lists the parcels newest first with three decrypted values each', async () => {
    const reader = identifierReaderFor(ctx.database, ctx.secret)!;
    await reader.ready;
    const ids = (await lookupParcels(ctx, { idNumber: SENDER }, { identifierThread: false })).parcels.map((p) => p.id);
    const got = await reader.request(ids)!;
    expect(got.ids).toEqual(ids);
    expect(got.values).toHaveLength(3 * N);
    expect(got.values.filter((v, i) => i % 3 === 0).every((v) => v === SENDER)).toBe(true);
    // a parcel id that does not exist is not in the reply (the look-up then reads the identifiers itself)
    const more = await reader.request([ids[0]! + 10_000, ...ids])!;
    expect(more.ids).toEqual(ids);
  });

  it('falls back to the main thread when the reader thread has stopped, and starts a new one for the next look-up', async () => {
    const before = identifierReaderFor(ctx.database, ctx.secret)!;
    await before.ready;
    await closeIdentifierReader(ctx.database);
    expect(before.request([1, 2, 3])).toBeNull();
    const after = identifierReaderFor(ctx.database, ctx.secret)!;
    expect(after).not.toBe(before);
    // still starting: this look-up reads everything here
    expect(after.request([1])).toBeNull();
    const r = await lookupParcels(ctx, { idNumber: SENDER });
    expect(r.parcels).toHaveLength(N);
    expect(r.parcels.every((p) => p.senderIdNumber === SENDER)).toBe(true);
    await after.ready;
    expect(await lookupParcels(ctx, { idNumber: SENDER })).toEqual(r);
  });

  it('does not start the thread again for a database whose thread failed', async () => {
    // A database file under a regular file (the node binary): the thread fails while starting.
    const broken = { sqlite: { memory: false, name: `${process.execPath}/data/gongzhi.db` } } as unknown as PlatformContext['database'];
    const reader = identifierReaderFor(broken, ctx.secret)!;
    expect(reader).not.toBeNull();
    expect(reader.request([1])).toBeNull();
    await reader.exited;
    expect(reader.request([1])).toBeNull();
    expect(identifierReaderFor(broken, ctx.secret)).toBeNull();
  });

  it('has no thread for an in-memory database', async () => {
    const mem = await openPlatform({ ...ctx.config, sqlitePath: ':memory:' }, { modules: [{ name: 'parcels', migrations }] });
    try {
      expect(mem.database.sqlite?.memory).toBe(true);
      expect(identifierReaderFor(mem.database, mem.secret)).toBeNull();
    } finally {
      await mem.database.close();
    }
  });
});
