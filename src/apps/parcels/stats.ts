/**
 * Compliance statistics for the dashboard and the regulator (合规统计): real-name rate per
 * day, courier company and outlet, noncompliance reasons, origin → destination provinces and
 * prohibited-item flags — read from the aggregates maintained at insert time (writer.ts), so
 * the cost depends on days × couriers × outlets, not on the number of parcels. No personal data.
 */
import { issue } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { courierName } from './coreBridge.ts';
import * as repo from './repository.ts';
import type { ScreeningHit } from './screening.ts';

const rate = (ok: number, total: number) => (total === 0 ? 0 : Math.round((ok / total) * 10_000) / 10_000);

/** The dashboard payload of GET /api/parcels/stats. Rates are fractions 0–1, rounded to 4 places. */
export interface ParcelStats {
  readonly from: string | null;
  readonly to: string | null;
  readonly total: number;
  readonly realNameOk: number;
  readonly rate: number;
  readonly noncompliant: number;
  readonly daily: { day: string; total: number; realNameOk: number; rate: number }[];
  readonly byCourier: { courier: string; name: string; total: number; realNameOk: number; rate: number }[];
  readonly byOutlet: { outlet: string; courier: string; total: number; realNameOk: number; rate: number }[];
  readonly noncompliance: { code: string; message: string; messageEn: string; count: number }[];
  readonly flows: { originProvince: string; destinationProvince: string; count: number }[];
  readonly flagged: {
    total: number;
    byCategory: { category: string; count: number }[];
    recent: { id: number; courier: string; waybillNo: string; itemName: string; terms: string[]; acceptedAt: string }[];
  };
}

/**
 * Compute the statistics for an inclusive range of local days ('YYYY-MM-DD', either open).
 * Unknown provinces appear as '' in flows. byOutlet = top 50 outlets, flows = top 200 pairs,
 * recent flagged = newest 20.
 */
export async function parcelStats(ctx: PlatformContext, range: repo.DayRange = {}): Promise<ParcelStats> {
  const d = ctx.database;
  const [daily, couriers, outlets, nc, flows, flags, recent] = await Promise.all([
    repo.dailyTotals(d, range),
    repo.courierTotals(d, range),
    repo.outletTotals(d, range, 50),
    repo.noncomplianceCounts(d, range),
    repo.flowCounts(d, range, 200),
    repo.flagCounts(d, range),
    repo.recentFlagged(d, range, 20),
  ]);
  const total = daily.reduce((s, x) => s + x.total, 0);
  const ok = daily.reduce((s, x) => s + x.realNameOk, 0);
  return {
    from: range.from ?? null,
    to: range.to ?? null,
    total,
    realNameOk: ok,
    rate: rate(ok, total),
    noncompliant: daily.reduce((s, x) => s + x.noncompliant, 0),
    daily: daily.map((x) => ({ day: x.day, total: x.total, realNameOk: x.realNameOk, rate: rate(x.realNameOk, x.total) })),
    byCourier: couriers.map((x) => ({ ...x, name: courierName(x.courier), rate: rate(x.realNameOk, x.total) })),
    byOutlet: outlets.map((x) => ({ ...x, rate: rate(x.realNameOk, x.total) })),
    noncompliance: nc.map((x) => {
      const i = issue(x.code, { party: '' });
      return { code: x.code, message: i.message, messageEn: i.messageEn.replace(/\s+/g, ' '), count: x.count };
    }),
    flows,
    flagged: {
      total: daily.reduce((s, x) => s + x.flagged, 0),
      byCategory: flags,
      recent: recent.map((r) => ({
        id: Number(r.id),
        courier: r.courier,
        waybillNo: r.waybill_no,
        itemName: r.item_name,
        terms: (JSON.parse(r.flagged_terms ?? '[]') as ScreeningHit[]).map((h) => h.term),
        acceptedAt: new Date(r.accepted_at).toISOString(),
      })),
    },
  };
}
