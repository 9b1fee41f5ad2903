/**
 * Statistics exact on a small fixture, on every test dialect: six appeals with known channel,
 * division, category, body and step times → volumes by category, division, channel and day
 * (with a day range), per-body success rate and mean days to resolve, SLA verdicts, legal
 * service station figures and one body's monthly outcomes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyStats, disputesModule, fireTransition, legalStationStats, orgOutcomes, registerAppeal, slaStats, summary, volumes, type NewAppeal } from '../src/apps/disputes/index.ts';
import { FIXTURE_ORGS } from '../src/apps/disputes/testing.ts';
import { orgsModule, saveOrg } from '../src/apps/orgs/index.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { securityModule } from '../src/security/index.ts';
import { testDialects } from '../src/store/testing.ts';

const actor = { username: 'op1', role: 'regulator' };
const CITY = '城乡建设/城市建设和市政管理/园林绿化环卫';

describe.each(testDialects())('disputes statistics on $name', (dialect) => {
  let ctx: PlatformContext;
  let drop: () => Promise<void>;
  let clock = new Date('2026-04-01T00:00:00Z');
  const nos: string[] = [];

  beforeAll(async () => {
    const created = await dialect.create();
    drop = created.drop;
    const modules = [securityModule, orgsModule, disputesModule];
    ctx = await openPlatform(created.config, { modules, now: () => clock });
    for (const org of FIXTURE_ORGS) await saveOrg(ctx, org);
    const intake = async (at: string, input: NewAppeal) => {
      clock = new Date(at);
      nos.push(await registerAppeal(ctx, { receivedAt: at, ...input }, actor));
    };
    const step = async (no: number, at: string, t: Parameters<typeof fireTransition>[2], reason?: string) => {
      clock = new Date(at);
      await fireTransition(ctx, nos[no]!, t, actor, reason ? { reason } : {});
    };
    const medical = { kind: 'dispute' as const, title: '医疗纠纷', text: '在医院做手术后出现并发症，医疗事故，要求赔偿。', divisionCode: '430104' };
    await intake('2026-04-01T01:00:00Z', { ...medical, channel: 'hotline' });
    await intake('2026-04-01T02:00:00Z', { ...medical, channel: 'web' });
    await intake('2026-04-02T00:00:00Z', { kind: 'dispute', channel: 'grid_worker', title: '邻里纠纷', text: '邻居楼上漏水，邻里多次争吵。', divisionCode: '430104' });
    await intake('2026-04-02T01:00:00Z', { channel: 'hotline', title: '垃圾清运', text: '小区门口垃圾堆放多日。', divisionCode: '430102', category: CITY });
    await intake('2026-04-02T02:00:00Z', { kind: 'consultation', channel: 'web', title: '劳动合同咨询', text: '合同到期不续签能否要求补偿？', divisionCode: '430104' });
    await intake('2026-04-02T17:00:00Z', { channel: 'import', title: '绿化带', text: '绿化带杂草丛生。', divisionCode: '430104', category: CITY });
    await step(0, '2026-04-01T03:00:00Z', 'accept');
    await step(0, '2026-04-02T03:00:00Z', 'startMediation');
    await step(0, '2026-04-04T01:00:00Z', 'reachAgreement');
    await step(0, '2026-04-04T02:00:00Z', 'close');
    await step(1, '2026-04-04T03:00:00Z', 'accept');
    await step(1, '2026-04-05T03:00:00Z', 'startMediation');
    await step(1, '2026-04-06T14:00:00Z', 'fail', '双方分歧较大');
    await step(2, '2026-04-02T02:00:00Z', 'accept');
    await step(2, '2026-04-02T06:00:00Z', 'startMediation');
    await step(2, '2026-04-03T12:00:00Z', 'reachAgreement');
    await step(3, '2026-04-02T02:00:00Z', 'accept');
    await step(3, '2026-04-04T01:00:00Z', 'answer', '已通知环卫部门清运');
    await step(4, '2026-04-02T03:00:00Z', 'accept');
    await step(4, '2026-04-02T14:00:00Z', 'answer', '已电话解答');
    clock = new Date('2026-04-20T00:00:00Z');
  }, 60_000);
  afterAll(async () => {
    await ctx?.database.close();
    await drop?.();
  });

  it('routes the fixture as expected', async () => {
    const rows = await ctx.database.db.selectFrom('disputes_appeals').select(['appeal_no', 'org_code', 'state', 'received_day']).orderBy('id').execute();
    expect(rows.map((r: { org_code: string; state: string; received_day: string }) => [r.org_code, r.state, r.received_day])).toEqual([
      ['PMB-430100-medical', 'closed', '2026-04-01'], ['PMB-430100-medical', 'failed', '2026-04-01'], ['HSL-430104', 'agreement', '2026-04-02'],
      ['MC-430102', 'closed', '2026-04-02'], ['LS-430104', 'closed', '2026-04-02'], ['MC-430104', 'received', '2026-04-03'],
    ]);
  });

  it('counts volumes by category, division, channel and local day, within a day range', async () => {
    expect(await volumes(ctx, 'category')).toEqual([{ key: '矛盾纠纷', count: 3 }, { key: '城乡建设', count: 2 }, { key: '法律服务', count: 1 }]);
    expect(await volumes(ctx, 'division')).toEqual([{ key: '430104', count: 5 }, { key: '430102', count: 1 }]);
    expect(await volumes(ctx, 'channel')).toEqual([{ key: 'hotline', count: 2 }, { key: 'web', count: 2 }, { key: 'grid_worker', count: 1 }, { key: 'import', count: 1 }]);
    expect(await volumes(ctx, 'day')).toEqual([{ key: '2026-04-01', count: 2 }, { key: '2026-04-02', count: 3 }, { key: '2026-04-03', count: 1 }]);
    expect(await volumes(ctx, 'channel', { from: '2026-04-03' })).toEqual([{ key: 'import', count: 1 }]);
    expect(await volumes(ctx, 'channel', { from: '2026-04-02', to: '2026-04-02' })).toEqual([{ key: 'grid_worker', count: 1 }, { key: 'hotline', count: 1 }, { key: 'web', count: 1 }]);
  });

  it('gives each body its success rate and mean days from receipt to resolution', async () => {
    const bodies = await bodyStats(ctx);
    const by = Object.fromEntries(bodies.map((b) => [b.orgCode, b]));
    expect(by['PMB-430100-medical']).toMatchObject({ received: 2, open: 0, agreements: 1, failed: 1, answered: 0, closed: 1, successRate: 0.5, meanDaysToResolve: 4.25 });
    expect(by['HSL-430104']).toMatchObject({ received: 1, agreements: 1, failed: 0, successRate: 1, meanDaysToResolve: 1.5 });
    expect(by['MC-430102']).toMatchObject({ received: 1, answered: 1, successRate: null, meanDaysToResolve: 2 });
    expect(by['MC-430104']).toMatchObject({ received: 1, open: 1, successRate: null, meanDaysToResolve: null });
    expect(bodies.map((b) => b.orgCode)).toEqual(['PMB-430100-medical', 'HSL-430104', 'LS-430104', 'MC-430102', 'MC-430104']);
    expect(await orgOutcomes(ctx, 'PMB-430100-medical')).toEqual({ orgCode: 'PMB-430100-medical', total: expect.objectContaining({ received: 2, successRate: 0.5 }), months: [expect.objectContaining({ month: '2026-04', received: 2, agreements: 1, failed: 1, meanDaysToResolve: 4.25 })] });
  });

  it('reports SLA verdicts per category and milestone at the current time', async () => {
    const sla = Object.fromEntries((await slaStats(ctx)).map((c) => [c.category, c]));
    // medical: acceptance within 1 working day — the first accepted after 2 h (met), the second after 3 days (breached).
    expect(sla['矛盾纠纷/医疗纠纷']!.acceptance).toEqual({ met: 1, breached: 1, open: 0, openOverdue: 0, noTarget: 0 });
    // the second medical case failed 2.5 days after acceptance: resolution within 30 working days met.
    expect(sla['矛盾纠纷/医疗纠纷']!.resolution).toEqual({ met: 2, breached: 0, open: 0, openOverdue: 0, noTarget: 0 });
    // the appeal received on 2026-04-03 (local) was never accepted: overdue now.
    expect(sla['城乡建设']!.acceptance).toEqual({ met: 1, breached: 0, open: 0, openOverdue: 1, noTarget: 0 });
    // answering is the first contact: met for the answered one (2 working days from Thursday → Monday).
    expect(sla['城乡建设']!.firstContact).toEqual({ met: 1, breached: 0, open: 0, openOverdue: 1, noTarget: 0 });
  });

  it('gives the dashboard card figures at the current time', async () => {
    expect(await summary(ctx)).toEqual({ day: '2026-04-20', receivedToday: 0, open: 1, highRiskOpen: 0, overdue: 2 });
  });

  it('gives legal service station figures', async () => {
    expect(await legalStationStats(ctx)).toEqual([{ orgCode: 'LS-430104', name: '岳麓区公共法律服务站', divisionCode: '430104', consultations: 1, disputesReceived: 0, disputesResolved: 0, open: 0 }]);
  });
});
