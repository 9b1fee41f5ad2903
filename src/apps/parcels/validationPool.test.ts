import { describe, expect, it } from 'vitest';
import { generateParcels } from '../../demo/parcels.ts';
import { parcelCrypto } from './parcelCrypto.ts';
import { checkParcel, type RawParcel } from './parcelValidator.ts';
import { pipelined, ValidationPool } from './validationPool.ts';

describe('ValidationPool', () => {
  it('validates chunks on two workers round-robin and yields them in input order, equal to in-process checks', async () => {
    const secret = Buffer.alloc(32, 3);
    const now = new Date('2026-11-30T04:00:00Z');
    const records = [...generateParcels({ count: 700, seed: 11 })] as unknown as RawParcel[];
    const chunks: RawParcel[][] = [];
    for (let i = 0; i < records.length; i += 97) chunks.push(records.slice(i, i + 97));
    const pool = new ValidationPool({ secret, mode: 'import', timezone: 'Asia/Shanghai', now, workers: 2 });
    expect(pool.size).toBe(2);
    const seen: RawParcel[] = [];
    const checked: string[] = [];
    try {
      for await (const [chunk, checks] of pipelined(pool, chunks, (r) => r)) {
        expect(checks).toHaveLength(chunk.length);
        seen.push(...chunk);
        for (const c of checks) checked.push(c.values ? `${c.values.courier}:${c.values.waybill_no}:${c.values.content_hash}` : `rejected:${c.errors.map((e) => e.code).join(',')}`);
      }
    } finally {
      await pool.close();
    }
    expect(seen).toEqual(records);
    const keys = parcelCrypto(secret);
    const expected = records.map((r) => {
      const c = checkParcel(r, keys, { mode: 'import', now, timezone: 'Asia/Shanghai' });
      return c.values ? `${c.values.courier}:${c.values.waybill_no}:${c.values.content_hash}` : `rejected:${c.errors.map((e) => e.code).join(',')}`;
    });
    expect(checked).toEqual(expected);
  });

  it('keeps at least `inFlight.rows` records in flight before it yields, and still yields every chunk in order', async () => {
    const secret = Buffer.alloc(32, 3);
    const now = new Date('2026-11-30T04:00:00Z');
    const records = [...generateParcels({ count: 970, seed: 12 })] as unknown as RawParcel[];
    const pool = new ValidationPool({ secret, mode: 'import', timezone: 'Asia/Shanghai', now, workers: 2 });
    const pulledAtFirstYield = async (inFlight?: { rows: number }) => {
      let pulled = 0;
      const chunks = function* () {
        for (let i = 0; i < records.length; i += 97) {
          pulled += 1;
          yield records.slice(i, i + 97);
        }
      };
      let first = -1;
      const seen: RawParcel[] = [];
      for await (const [chunk] of pipelined(pool, chunks(), (r) => r, inFlight)) {
        if (first < 0) first = pulled;
        seen.push(...chunk);
      }
      expect(seen).toEqual(records);
      return first;
    };
    try {
      expect(await pulledAtFirstYield()).toBe(4); // two per worker
      expect(await pulledAtFirstYield({ rows: 500 })).toBe(6); // 6 × 97 = 582 ≥ 500
    } finally {
      await pool.close();
    }
  });
});
