/**
 * Statistics of the disputes application, without personal data, over appeals received on
 * local days [from, to] (Asia/Shanghai, C18): volumes by category (level 1), division, channel
 * or day; per body — received, open, agreements, failed, referred, answered, success rate
 * (agreements ÷ (agreements + failed)), mean days from receipt to resolution (agreement,
 * failure or answer); SLA verdicts per
 * category and milestone; legal service station figures; one body's outcomes per month.
 */
import type { PlatformContext } from '../../platform/module.ts';
import { localDay } from '../../core/date/date.ts';
import { listOrgRows } from '../orgs/repository.ts';
import { listAppealRows } from './repository.ts';
import { slaVerdicts } from './appealView.ts';
import { disputesDb } from './schema.ts';
import { OPEN_STATES } from './workflow.ts';

/** Local-day range (inclusive); either end optional. */
export interface DayRange {
  readonly from?: string;
  readonly to?: string;
}

function base(ctx: PlatformContext, range: DayRange) {
  let q = disputesDb(ctx.database.db).selectFrom('disputes_appeals');
  if (range.from) q = q.where('received_day', '>=', range.from);
  if (range.to) q = q.where('received_day', '<=', range.to);
  return q;
}

const DAY = 86_400_000;
/** Transition → outcome it records (reopen clears it). */
const OUTCOME_OF: Readonly<Record<string, string | null>> = { reachAgreement: 'agreement', fail: 'failed', refer: 'referred', answer: 'answered', reopen: null };
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** Counts by a dimension, largest first (ties by key). */
export async function volumes(ctx: PlatformContext, by: 'category' | 'division' | 'channel' | 'day', range: DayRange = {}): Promise<{ key: string; count: number }[]> {
  const col = by === 'division' ? 'division_code' : by === 'channel' ? 'channel' : by === 'day' ? 'received_day' : 'category';
  const rows = await base(ctx, range).select([col, (eb) => eb.fn.countAll<number>().as('n')]).groupBy(col).execute();
  const acc = new Map<string, number>();
  for (const r of rows as unknown as Record<string, string | number>[]) {
    const key = by === 'category' ? String(r[col]).split('/')[0]! : String(r[col]);
    acc.set(key, (acc.get(key) ?? 0) + Number(r.n));
  }
  const out = [...acc.entries()].map(([key, count]) => ({ key, count }));
  return by === 'day' ? out.sort((a, b) => (a.key < b.key ? -1 : 1)) : out.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

interface Outcome { received: number; open: number; agreements: number; failed: number; referred: number; answered: number; closed: number; resolvedDays: number[] }
const empty = (): Outcome => ({ received: 0, open: 0, agreements: 0, failed: 0, referred: 0, answered: 0, closed: 0, resolvedDays: [] });

function present(o: Outcome) {
  const decided = o.agreements + o.failed;
  return {
    received: o.received, open: o.open, agreements: o.agreements, failed: o.failed, referred: o.referred, answered: o.answered, closed: o.closed,
    successRate: decided ? round(o.agreements / decided, 4) : null,
    meanDaysToResolve: o.resolvedDays.length ? round(o.resolvedDays.reduce((a, b) => a + b, 0) / o.resolvedDays.length) : null,
  };
}

/** Rows with their outcome: the latest resolving transition (reachAgreement, fail, refer, answer) unless reopened since. */
async function outcomeRows(ctx: PlatformContext, range: DayRange, orgCode?: string) {
  let q = base(ctx, range).select(['id', 'org_code', 'state', 'received_at', 'received_day', 'resolved_at', 'kind', 'channel']);
  if (orgCode) q = q.where('org_code', '=', orgCode);
  const rows = await q.execute();
  const resolving = await disputesDb(ctx.database.db)
    .selectFrom('disputes_events')
    .select(['appeal_id', 'seq', 'transition'])
    .where('transition', 'in', Object.keys(OUTCOME_OF))
    .where('appeal_id', 'in', () => {
      let sub = base(ctx, range).select('id');
      if (orgCode) sub = sub.where('org_code', '=', orgCode);
      return sub;
    })
    .orderBy('appeal_id')
    .orderBy('seq')
    .execute();
  const last = new Map<number, string | null>();
  for (const e of resolving) last.set(Number(e.appeal_id), OUTCOME_OF[e.transition] ?? null);
  return rows.map((r) => ({ ...r, outcome: r.resolved_at ? last.get(Number(r.id)) ?? null : null }));
}

function add(o: Outcome, r: { state: string; received_at: string; resolved_at: string | null; outcome: string | null }): void {
  o.received++;
  if ((OPEN_STATES as readonly string[]).includes(r.state)) o.open++;
  if (r.state === 'closed') o.closed++;
  if (r.outcome === 'agreement') o.agreements++;
  if (r.outcome === 'failed') o.failed++;
  if (r.outcome === 'referred') o.referred++;
  if (r.outcome === 'answered') o.answered++;
  if (r.resolved_at && (r.outcome === 'agreement' || r.outcome === 'failed' || r.outcome === 'answered')) o.resolvedDays.push((Date.parse(r.resolved_at) - Date.parse(r.received_at)) / DAY);
}

/** Per body (assigned org) figures, by org code; unassigned appeals under code null. */
export async function bodyStats(ctx: PlatformContext, range: DayRange = {}) {
  const rows = await outcomeRows(ctx, range);
  const orgs = new Map((await listOrgRows(ctx.database)).map((o) => [o.code, o]));
  const by = new Map<string | null, Outcome>();
  for (const r of rows) {
    const o = by.get(r.org_code) ?? empty();
    add(o, r);
    by.set(r.org_code, o);
  }
  return [...by.entries()]
    .map(([code, o]) => ({ orgCode: code, name: code ? orgs.get(code)?.name ?? null : null, kind: code ? orgs.get(code)?.kind ?? null : null, ...present(o) }))
    .sort((a, b) => b.received - a.received || String(a.orgCode).localeCompare(String(b.orgCode)));
}

/** One body's outcomes per month (local month of receipt). */
export async function orgOutcomes(ctx: PlatformContext, orgCode: string, range: DayRange = {}) {
  const rows = await outcomeRows(ctx, range, orgCode);
  const by = new Map<string, Outcome>();
  for (const r of rows) {
    const month = r.received_day.slice(0, 7);
    const o = by.get(month) ?? empty();
    add(o, r);
    by.set(month, o);
  }
  const total = empty();
  for (const r of rows) add(total, r);
  return { orgCode, total: present(total), months: [...by.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([month, o]) => ({ month, ...present(o) })) };
}

/** SLA verdicts now, per level-1 category and milestone: met, breached, open, openOverdue. */
export async function slaStats(ctx: PlatformContext, range: DayRange = {}) {
  const rows = await base(ctx, range).select(['category', 'state', 'received_at', 'accepted_at', 'first_contact_at', 'resolved_at', 'closed_at', 'acceptance_due', 'first_contact_due', 'resolution_due']).execute();
  const now = ctx.now();
  const by = new Map<string, Record<string, Record<string, number>>>();
  for (const r of rows) {
    const key = r.category.startsWith('矛盾纠纷/') ? r.category : r.category.split('/')[0]!;
    const cell = by.get(key) ?? { acceptance: {}, firstContact: {}, resolution: {} };
    const v = slaVerdicts(r, now);
    for (const m of ['acceptance', 'firstContact', 'resolution'] as const) cell[m]![v[m].status] = (cell[m]![v[m].status] ?? 0) + 1;
    by.set(key, cell);
  }
  const pick = (c: Record<string, number>) => ({ met: c.met ?? 0, breached: c.breached ?? 0, open: c.open ?? 0, openOverdue: c.open_overdue ?? 0, noTarget: c.no_target ?? 0 });
  return [...by.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([category, c]) => ({ category, acceptance: pick(c.acceptance!), firstContact: pick(c.firstContact!), resolution: pick(c.resolution!) }));
}

/** Per legal service station: consultations, disputes received, disputes resolved by agreement, open. */
export async function legalStationStats(ctx: PlatformContext, range: DayRange = {}) {
  const stations = await listOrgRows(ctx.database, { kind: 'legal_service_station' });
  const rows = await outcomeRows(ctx, range);
  return stations.map((s) => {
    const mine = rows.filter((r) => r.org_code === s.code);
    return {
      orgCode: s.code, name: s.name, divisionCode: s.divisionCode,
      consultations: mine.filter((r) => r.kind === 'consultation').length,
      disputesReceived: mine.filter((r) => r.kind !== 'consultation').length,
      disputesResolved: mine.filter((r) => r.kind !== 'consultation' && r.outcome === 'agreement').length,
      open: mine.filter((r) => (OPEN_STATES as readonly string[]).includes(r.state)).length,
    };
  });
}

/**
 * The figures of the home-dashboard card at `ctx.now()`: appeals received today (local day),
 * open cases (received, accepted, mediating), open high-risk cases, and cases with a milestone
 * breached or past due (the list's `overdue=true`).
 */
export async function summary(ctx: PlatformContext) {
  const now = ctx.now();
  const today = localDay(now);
  const db = disputesDb(ctx.database.db);
  const n = (r: { n: number | string }) => Number(r.n);
  const receivedToday = n(await db.selectFrom('disputes_appeals').select((eb) => eb.fn.countAll<number>().as('n')).where('received_day', '=', today).executeTakeFirstOrThrow());
  const open = n(await db.selectFrom('disputes_appeals').select((eb) => eb.fn.countAll<number>().as('n')).where('state', 'in', [...OPEN_STATES]).executeTakeFirstOrThrow());
  const highRiskOpen = n(await db.selectFrom('disputes_appeals').select((eb) => eb.fn.countAll<number>().as('n')).where('state', 'in', [...OPEN_STATES]).where('risk_level', '=', 'high').executeTakeFirstOrThrow());
  const overdue = (await listAppealRows(ctx.database, { overdueAt: now.toISOString(), limit: 1 })).total;
  return { day: today, receivedToday, open, highRiskOpen, overdue };
}
