/**
 * PostgreSQL side of writer.ts: COPY (text format, pg-copy-streams) into a temporary staging
 * table, INSERT … SELECT … ON CONFLICT DO NOTHING RETURNING with the look-up keys written by a
 * data-modifying CTE of the same statement, outcomes from one join against the stored rows,
 * statistics upserts in key order — all in one transaction. DESIGN.md: COPY ≈ 400k rows/s
 * here against ≈ 33k rows/s for multi-row INSERT.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import type { ParcelValues } from './parcelValidator.ts';
import { SEGMENT_BITS } from './schema.ts';
import { statsDelta, type StatsDelta } from './statsDelta.ts';
import { ALL_COLUMNS, VALUE_COLUMNS, type StoreOutcome, type WriteMeta } from './columns.ts';

const STAGING = `create temporary table if not exists parcels_staging (idx integer not null,
  ${ALL_COLUMNS.map((c) => `${c} ${c.endsWith('_bidx') ? 'bigint' : c === 'item_quantity' || c === 'weight_grams' || c === 'inspected' || c === 'real_name_ok' ? 'integer' : c === 'accepted_at' || c === 'created_at' ? 'timestamptz' : 'text'}`).join(',\n  ')}
) on commit delete rows`;

function copyText(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

function copyPayload(batch: readonly ParcelValues[], meta: WriteMeta): string {
  const lines: string[] = [];
  for (let i = 0; i < batch.length; i++) {
    const v = batch[i]!;
    const cells = [String(i)];
    for (const c of VALUE_COLUMNS) cells.push(copyText(v[c]));
    cells.push(copyText(meta.source), copyText(meta.runId), copyText(meta.createdAt));
    lines.push(cells.join('\t'));
  }
  return lines.join('\n') + '\n';
}

const INSERT = `with ins as (
  insert into parcels (${ALL_COLUMNS.join(', ')})
  select ${ALL_COLUMNS.join(', ')} from parcels_staging order by idx
  on conflict (courier, waybill_no) do nothing
  returning id, sender_id_bidx, sender_phone_bidx, receiver_phone_bidx
), keys as (
  insert into parcel_keys (segment, key, parcel_id)
  select distinct (ins.id >> ${SEGMENT_BITS})::integer, k.key, ins.id
  from ins cross join lateral (values (ins.sender_id_bidx), (ins.sender_phone_bidx), (ins.receiver_phone_bidx)) as k(key)
  where k.key is not null
  order by 1, 2, 3
  on conflict do nothing
)
select id from ins`;

const OUTCOMES = `select s.idx, p.id, (p.content_hash = s.content_hash) as same
  from parcels_staging s join parcels p on p.courier = s.courier and p.waybill_no = s.waybill_no order by s.idx`;

async function upsert(client: pg.PoolClient, table: string, keys: string[], counters: string[], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const cols = [...keys, ...counters];
  for (let start = 0; start < rows.length; start += 5000) {
    const chunk = rows.slice(start, start + 5000);
    const params: unknown[] = [];
    const tuples = chunk.map((r) => `(${r.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`);
    await client.query(
      `insert into ${table} (${cols.join(', ')}) values ${tuples.join(', ')}
       on conflict (${keys.join(', ')}) do update set ${counters.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')}`,
      params,
    );
  }
}

async function applyStats(client: pg.PoolClient, d: StatsDelta, at: string): Promise<void> {
  await upsert(client, 'parcel_stats_daily', ['day', 'courier', 'outlet'], ['total', 'real_name_ok', 'noncompliant', 'flagged'],
    d.daily.map((x) => [x.day, x.courier, x.outlet, x.total, x.realNameOk, x.noncompliant, x.flagged]));
  await upsert(client, 'parcel_stats_noncompliance', ['day', 'courier', 'code'], ['count'], d.noncompliance.map((x) => [x.key.day, x.key.courier, x.key.code, x.count]));
  await upsert(client, 'parcel_stats_flows', ['day', 'origin_province', 'destination_province'], ['count'],
    d.flows.map((x) => [x.key.day, x.key.origin_province, x.key.destination_province, x.count]));
  await upsert(client, 'parcel_stats_flags', ['day', 'category'], ['count'], d.flags.map((x) => [x.key.day, x.key.category, x.count]));
  const outlets = [...d.outlets.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (let start = 0; start < outlets.length; start += 5000) {
    const params: unknown[] = [];
    const tuples = outlets.slice(start, start + 5000).map(([code, [courier, division]]) => {
      params.push(code, courier, division, at);
      return `($${params.length - 3}, $${params.length - 2}, $${params.length - 1}, $${params.length})`;
    });
    await client.query(`insert into outlets (code, courier, division_code, first_seen_at) values ${tuples.join(', ')} on conflict (code) do nothing`, params);
  }
}

/** Write one batch (see writer.ts `writeParcels`); rolls back and rethrows on failure. */
export async function writePostgres(pool: pg.Pool, batch: readonly ParcelValues[], meta: WriteMeta): Promise<StoreOutcome[]> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(STAGING);
    await pipeline(Readable.from([copyPayload(batch, meta)]), client.query(copyStreams.from(`copy parcels_staging (idx, ${ALL_COLUMNS.join(', ')}) from stdin`)));
    const ins = await client.query<{ id: number }>(INSERT);
    const insertedIds = new Set(ins.rows.map((r) => Number(r.id)));
    const res = await client.query<{ idx: number; id: number; same: boolean }>(OUTCOMES);
    const outcomes: StoreOutcome[] = new Array(batch.length);
    const claimed = new Set<number>();
    const inserted: ParcelValues[] = [];
    for (const r of res.rows) {
      const id = Number(r.id);
      if (insertedIds.has(id) && !claimed.has(id)) {
        claimed.add(id);
        outcomes[r.idx] = { id, status: 'inserted' };
        inserted.push(batch[r.idx]!);
      } else outcomes[r.idx] = { id, status: r.same ? 'duplicate' : 'conflict' };
    }
    await applyStats(client, statsDelta(inserted), meta.createdAt);
    await client.query('commit');
    return outcomes;
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
