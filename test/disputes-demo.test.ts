/**
 * The disputes demo set (SQLite): loads once (idempotent) after the orgs demo; every stored
 * history replays through the workflow engine; appeals are routed to orgs serving their
 * division; the planted project cluster is the early-warning alert; SLA breaches, agreements,
 * follow-ups and reopened cases are present.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appealTimeline, bodyStats, disputesModule, earlyWarning, loadDisputesDemo, slaStats } from '../src/apps/disputes/index.ts';
import { coverageLevel, listOrgRows, loadOrgsDemo, orgsModule } from '../src/apps/orgs/index.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { securityModule } from '../src/security/index.ts';
import { testDialects } from '../src/store/testing.ts';

describe.each(testDialects().filter((d) => d.name === 'sqlite'))('disputes demo on $name', (dialect) => {
  let ctx: PlatformContext;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const created = await dialect.create();
    drop = created.drop;
    ctx = await openPlatform(created.config, { modules: [securityModule, orgsModule, disputesModule], now: () => new Date('2026-11-30T02:00:00Z') });
    await loadOrgsDemo(ctx);
  }, 60_000);
  afterAll(async () => {
    await ctx?.database.close();
    await drop?.();
  });

  it('loads once, routes within the served divisions, and every history replays', async () => {
    expect(await loadDisputesDemo(ctx, { count: 300 })).toEqual({ inserted: 333 });
    expect(await loadDisputesDemo(ctx, { count: 300 })).toEqual({ inserted: 0 });
    const rows = await ctx.database.db.selectFrom('disputes_appeals').select(['appeal_no', 'org_code', 'division_code', 'state', 'version']).execute();
    const orgs = new Map((await listOrgRows(ctx.database)).map((o) => [o.code, o]));
    for (const r of rows as { appeal_no: string; org_code: string | null; division_code: string; state: string; version: number }[]) {
      expect(r.org_code, r.appeal_no).not.toBeNull();
      expect(coverageLevel(orgs.get(r.org_code!)!.divisionsServed, r.division_code), r.appeal_no).toBeGreaterThan(0);
      const tl = await appealTimeline(ctx, r.appeal_no);
      expect(tl.at(-1)!.to, r.appeal_no).toBe(r.state);
      expect(tl).toHaveLength(Number(r.version));
    }
    const transitions = (await ctx.database.db.selectFrom('disputes_events').select('transition').distinct().execute()).map((e: { transition: string }) => e.transition).sort();
    expect(transitions).toEqual(expect.arrayContaining(['accept', 'answer', 'assign', 'close', 'create', 'fail', 'reachAgreement', 'startMediation']));
  });

  it('shows the planted land-requisition cluster as the alert, and has breaches and outcomes to count', async () => {
    const w = await earlyWarning(ctx, {});
    const alerting = w.clusters.filter((c) => c.alert);
    expect(alerting.length).toBeGreaterThanOrEqual(1);
    expect(alerting[0]!.projects).toEqual(['LR-430112-2026-01']);
    expect(alerting[0]!.size).toBeGreaterThanOrEqual(30);
    const sla = await slaStats(ctx);
    expect(sla.reduce((n, c) => n + c.acceptance.breached, 0)).toBeGreaterThan(0);
    const bodies = await bodyStats(ctx);
    expect(bodies.reduce((n, b) => n + b.agreements, 0)).toBeGreaterThan(0);
    for (const b of bodies) if (b.successRate !== null) expect(b.successRate).toBeCloseTo(b.agreements / (b.agreements + b.failed), 4);
  });
});
