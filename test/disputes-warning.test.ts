/**
 * Early warning over stored appeals (SQLite; the query is plain Kysely and the clustering is
 * in memory): planted near-duplicate appeals — paraphrases of one complaint about an invented
 * estate and its property company, and of one land-requisition complaint naming a registered
 * project — hidden among 80 real messages of the shared appeals data are all found, each group
 * in one cluster with no outsider; the recent group raises a growth alert with its reason; the
 * land-requisition cluster shows its project.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWithVotes } from '../src/apps/disputes/classifier/data.ts';
import { disputesModule, earlyWarning, registerAppeal, saveProject } from '../src/apps/disputes/index.ts';
import { FIXTURE_ORGS } from '../src/apps/disputes/testing.ts';
import { orgsModule, saveOrg } from '../src/apps/orgs/index.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { securityModule } from '../src/security/index.ts';
import { testDialects } from '../src/store/testing.ts';

const ESTATE = [
  '金桂花园小区恒信物业公司连续三天停水，业主生活受到严重影响，要求物业公司尽快恢复供水。',
  '投诉恒信物业公司：金桂花园小区已经停水三天了，物业不作为，请尽快恢复供水。',
  '金桂花园小区从周一开始停水至今，恒信物业公司没有任何通知，业主们要求马上恢复供水。',
  '金桂花园小区停水三天，恒信物业公司推诿扯皮，居民用水困难，请相关部门督促物业恢复供水。',
  '反映金桂花园小区恒信物业公司停水问题，已经三天没有自来水，老人小孩生活困难。',
  '金桂花园小区恒信物业公司擅自停水三天，业主多次打电话无人处理，强烈要求恢复供水。',
];
const LAND = [
  '青石岭村土地征收项目的征地补偿款至今没有发放，我们四十多户村民要求尽快落实补偿。',
  '关于青石岭村土地征收项目：征地补偿款拖了半年还没发，村民的安置房也没有着落。',
  '青石岭村征地补偿款迟迟不到位，村民多次反映无果，要求青石岭村土地征收项目尽快兑现补偿。',
  '青石岭村土地征收项目补偿标准不公开，补偿款没有发放到户，村民要求公开并落实征地补偿。',
];

describe.each(testDialects().filter((d) => d.name === 'sqlite'))('early warning on $name', (dialect) => {
  let ctx: PlatformContext;
  let drop: () => Promise<void>;
  let clock = new Date('2026-06-30T00:00:00Z');
  const planted = new Map<string, 'estate' | 'land'>();

  beforeAll(async () => {
    const created = await dialect.create();
    drop = created.drop;
    const modules = [securityModule, orgsModule, disputesModule];
    ctx = await openPlatform(created.config, { modules, now: () => clock });
    for (const org of FIXTURE_ORGS) await saveOrg(ctx, org);
    await saveProject(ctx, { code: 'LR-T-1', name: '青石岭村土地征收项目', divisionCode: '430104', households: 120, compensatedHouseholds: 30, compensationStatus: 'disputed', aliases: ['青石岭村征地'] });
    const actor = { username: 'op1', role: 'regulator' };
    const background = loadWithVotes(ctx.config.sharedDataDir).slice(0, 80);
    const end = Date.parse('2026-06-30T00:00:00Z');
    let k = 0;
    for (const m of background) {
      await registerAppeal(ctx, { channel: 'import', title: m.title, text: m.body, divisionCode: '430104', receivedAt: new Date(end - (1 + (k++ % 28)) * 86_400_000).toISOString(), route: false }, actor);
    }
    for (const [i, text] of ESTATE.entries()) planted.set(await registerAppeal(ctx, { channel: 'hotline', title: '小区停水', text, divisionCode: '430104', receivedAt: new Date(end - (i + 1) * 9 * 3_600_000).toISOString() }, actor), 'estate');
    for (const [i, text] of LAND.entries()) planted.set(await registerAppeal(ctx, { kind: 'dispute', channel: 'grid_worker', title: '征地补偿', text, divisionCode: '430104', receivedAt: new Date(end - (10 + i * 4) * 86_400_000).toISOString() }, actor), 'land');
  }, 120_000);
  afterAll(async () => {
    await ctx?.database.close();
    await drop?.();
  });

  it('finds every planted duplicate, each group in one cluster without outsiders, and alerts on the recent one', async () => {
    const r = await earlyWarning(ctx, { days: 30, windowDays: 7, minCount: 5, limit: 200 });
    expect(r.appeals).toBe(80 + ESTATE.length + LAND.length);
    for (const group of ['estate', 'land'] as const) {
      const members = [...planted].filter(([, g]) => g === group).map(([no]) => no);
      const holding = r.clusters.filter((c) => c.appealNos.some((no) => members.includes(no)));
      expect(holding, group).toHaveLength(1);
      expect([...holding[0]!.appealNos].sort(), group).toEqual([...members].sort());
    }
    const estate = r.clusters.find((c) => c.appealNos.includes([...planted.keys()][0]!))!;
    expect(estate.alert).toEqual({ count: 6, previousCount: 0, reason: '6 ≥ 5 in window; previous window 0 (×∞ ≥ ×2)' });
    expect(r.clusters[0]).toBe(estate);
    expect(estate.entities).toContain('恒信物业公司');
    const land = r.clusters.find((c) => c.appealNos.some((no) => planted.get(no) === 'land'))!;
    expect(land.projects).toEqual(['LR-T-1']);
    expect(land.alert).toBeNull();
    expect(r.alerts).toBe(1);
  });
});
