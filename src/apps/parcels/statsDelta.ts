/**
 * The increments that one stored batch adds to the statistics tables (`parcel_stats_*`),
 * computed in memory from the rows actually inserted, then upserted by the writer in the same
 * transaction (so statistics never count a parcel twice, nor miss one).
 */
import type { ParcelValues } from './parcelValidator.ts';
import type { ScreeningHit } from './screening.ts';

export interface DailyDelta { day: string; courier: string; outlet: string; total: number; realNameOk: number; noncompliant: number; flagged: number }
export interface CountDelta<K extends string> { key: Record<K, string>; count: number }

export interface StatsDelta {
  readonly daily: DailyDelta[];
  readonly noncompliance: CountDelta<'day' | 'courier' | 'code'>[];
  readonly flows: CountDelta<'day' | 'origin_province' | 'destination_province'>[];
  readonly flags: CountDelta<'day' | 'category'>[];
  /** Outlets seen: code → [courier, division of the first parcel]. */
  readonly outlets: Map<string, [string, string | null]>;
}

function bump<K extends string>(m: Map<string, CountDelta<K>>, key: Record<K, string>): void {
  const id = Object.values(key).join('\u0001');
  const e = m.get(id);
  if (e) e.count += 1;
  else m.set(id, { key, count: 1 });
}

/**
 * Aggregate the inserted rows. Unknown provinces count under '' (the dashboard shows them as
 * 未识别). Each flagged parcel counts once per category it matched.
 * @returns deltas sorted by key (a fixed lock order for concurrent writers on PostgreSQL).
 */
export function statsDelta(rows: readonly ParcelValues[]): StatsDelta {
  const daily = new Map<string, DailyDelta>();
  const nc = new Map<string, CountDelta<'day' | 'courier' | 'code'>>();
  const flows = new Map<string, CountDelta<'day' | 'origin_province' | 'destination_province'>>();
  const flags = new Map<string, CountDelta<'day' | 'category'>>();
  const outlets = new Map<string, [string, string | null]>();
  for (const r of rows) {
    const id = `${r.accepted_day}\u0001${r.courier}\u0001${r.outlet}`;
    let d = daily.get(id);
    if (!d) daily.set(id, (d = { day: r.accepted_day, courier: r.courier, outlet: r.outlet, total: 0, realNameOk: 0, noncompliant: 0, flagged: 0 }));
    d.total += 1;
    d.realNameOk += r.real_name_ok;
    if (r.noncompliance) {
      d.noncompliant += 1;
      for (const code of r.noncompliance.split(',')) bump(nc, { day: r.accepted_day, courier: r.courier, code });
    }
    bump(flows, { day: r.accepted_day, origin_province: r.sender_province ?? '', destination_province: r.receiver_province ?? '' });
    if (r.flagged_terms) {
      d.flagged += 1;
      const cats = new Set((JSON.parse(r.flagged_terms) as ScreeningHit[]).map((h) => h.category));
      for (const category of cats) bump(flags, { day: r.accepted_day, category });
    }
    if (!outlets.has(r.outlet)) outlets.set(r.outlet, [r.courier, r.sender_division]);
  }
  const byKey = <T>(m: Map<string, T>) => [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e[1]);
  return { daily: byKey(daily), noncompliance: byKey(nc), flows: byKey(flows), flags: byKey(flags), outlets };
}
