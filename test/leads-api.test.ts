/**
 * The leads application through its HTTP API on every test dialect, on hand-made parcels whose
 * tags are known: dry run stores nothing; a run stores exactly the expected tags with rule
 * version, evidence parcel ids and expiry; declared scores rank the queue; a lead shows tags,
 * evidence rows and rule text; export is refused before review (and the refusal audited), a
 * review needs a reason, the export works after it; precision per rule; the fitted model; the
 * outsider, the viewer and the administrator are refused and audited; an expired tag no longer
 * counts.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.ts';
import { leadsModule, nodeKeyOf, personKeyOf } from '../src/apps/leads/index.ts';
import { parcelsModule } from '../src/apps/parcels/index.ts';
import { parcelCrypto } from '../src/apps/parcels/parcelCrypto.ts';
import { testRow, type TestRowSpec } from '../src/apps/parcels/testRows.ts';
import { writeParcels } from '../src/apps/parcels/writer.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { listAudit } from '../src/security/audit.ts';
import { verifyAuditLog } from '../src/security/auditVerify.ts';
import { securityModule } from '../src/security/index.ts';
import { createUser } from '../src/security/users.ts';
import { testDialects } from '../src/store/testing.ts';

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A GB 11643 number with its MOD 11-2 check character. */
const idNo = (first17: string) => first17 + '10X98765432'[[...first17].reduce((s, c, i) => s + Number(c) * W[i]!, 0) % 11]!;
const ID = { A: idNo('11010519800101001'), B: idNo('11010519800101002'), C: idNo('11010519800101003'), D: idNo('11010519800101004'), E: idNo('11010519800101005') };
const PROVINCES = ['北京市', '天津市', '河北省', '山西省', '辽宁省', '吉林省', '上海市', '江苏省'];
const T0 = new Date('2026-11-30T02:00:00Z');
const modules = [securityModule, parcelsModule, leadsModule];

describe.each(testDialects())('leads API on $name', (dialect) => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  let clock = T0;
  const cookies: Record<string, string> = {};
  const ids: Record<string, number[]> = {};

  beforeAll(async () => {
    const created = await dialect.create();
    drop = created.drop;
    ctx = await openPlatform(created.config, { modules, now: () => clock });
    app = await buildApp(ctx, modules, { logger: false, webDist: '/nonexistent' });
    for (const [username, role] of [['inv1', 'investigator'], ['inv2', 'investigator'], ['viewer1', 'viewer'], ['admin1', 'admin']] as const) {
      await createUser(ctx, { username, role, password: `${username}-password-long` });
      await login(username);
    }
    const k = parcelCrypto(ctx.secret);
    let n = 0;
    const rows = (who: string, specs: Array<Omit<TestRowSpec, 'waybillNo'> & { name?: string }>) => specs.map(({ name, ...s }) => ({ ...testRow(k, { ...s, waybillNo: `W${++n}` }), sender_name: name ?? '李娜', _who: who }));
    const all = [
      ...rows('A', [{ idNumber: ID.A, senderPhone: '13800000001', day: '2026-11-20', receiverPhone: '13900000001' },
        { idNumber: ID.A, senderPhone: '13800000001', day: '2026-11-21', name: '张伟', itemName: '仿真枪', flags: [{ term: '仿真枪', category: 'firearms' }], receiverPhone: '13900000002' }]),
      ...rows('B', [{ idNumber: ID.B, senderPhone: '13800000001', day: '2026-11-22', name: '王芳' }]),
      ...rows('C', Array.from({ length: 5 }, (_, i) => ({ idNumber: ID.C, senderPhone: '13800000003', day: `2026-11-1${i}`, itemName: '五金配件', receiverPhone: `1390000001${i % 3}`, name: '赵敏' }))),
      ...rows('D', Array.from({ length: 16 }, (_, i) => ({ idNumber: ID.D, senderPhone: '13800000004', day: `2026-11-${String(10 + i).padStart(2, '0')}`, itemName: '衣服', receiverPhone: `139000001${String(i).padStart(2, '0')}`, receiverProvince: PROVINCES[i % 8]!, name: '钱多' }))),
      ...rows('E', [{ idNumber: ID.E, senderPhone: '13800000005', day: '2026-11-25', name: '孙丽' }, { idNumber: ID.E, senderPhone: '13800000006', day: '2026-11-26', name: '孙丽', receiverPhone: '13900000099' }]),
    ];
    const out = await writeParcels(ctx.database, all.map(({ _who, ...r }) => r), { source: 'import', runId: 't', createdAt: T0.toISOString() });
    all.forEach((r, i) => (ids[r._who] ??= []).push(out[i]!.id));
    const opened = await call('POST', '/api/leads/cases', { caseNo: 'CASE-1', legalBasis: '刑事诉讼法第一百一十五条', purpose: '仿真枪寄递线索研判', owner: 'inv1' }, 'admin1');
    expect(opened.statusCode).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.database.close();
    await drop?.();
  });

  const login = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: `${username}-password-long` } });
    cookies[username] = `gongzhi_session=${res.cookies.find((c) => c.name === 'gongzhi_session')!.value}`;
  };
  const call = (method: 'GET' | 'POST', url: string, payload?: unknown, user = 'inv1') =>
    app.inject({ method, url, ...(payload ? { payload: payload as object } : {}), headers: { cookie: cookies[user]! } });
  const key = (k: keyof typeof ID) => personKeyOf(ctx, ID[k]);

  it('describes every leads route in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    const leads = Object.keys(doc.paths).filter((p) => p.startsWith('/api/leads'));
    expect(leads.length).toBe(21);
    expect(doc.paths['/api/leads/cases/{caseNo}/graph/expand']!.post!.tags).toEqual(['leads']);
  });

  it('a dry run counts hits per rule and stores nothing', async () => {
    const res = await call('POST', '/api/leads/cases/CASE-1/rules/run', { dryRun: true });
    expect(res.statusCode).toBe(200);
    const run = res.json();
    expect(run.subjects).toBe(5);
    expect(Object.fromEntries(run.rules.map((r: { ruleId: string; hits: number }) => [r.ruleId, r.hits]))).toEqual({
      'generic-descriptions': 1, 'many-receivers-many-provinces': 1, 'one-id-several-names': 1, 'prohibited-item-screening': 1, 'shared-phone-across-senders': 2,
    });
    expect(run.rules.every((r: { stored: number }) => r.stored === 0)).toBe(true);
    expect(run.rules.find((r: { ruleId: string }) => r.ruleId === 'one-id-several-names').sample).toEqual([
      { personKey: key('A'), conditions: [{ text: 'distinctCount(parcels.senderName where sender = person) >= 2', outcome: 'true', actual: 2, threshold: 2 }], evidence: ids.A },
    ]);
    expect((await call('GET', '/api/leads/cases/CASE-1/tags')).json().tags).toEqual([]);
  });

  it('a run stores one tag per hit with rule version, evidence parcel ids and expiry', async () => {
    const run = (await call('POST', '/api/leads/cases/CASE-1/rules/run', {})).json();
    expect(run.rules.map((r: { stored: number }) => r.stored)).toEqual([1, 1, 1, 1, 2]);
    const tags = (await call('GET', '/api/leads/cases/CASE-1/tags')).json().tags as Array<{ personKey: string; ruleId: string; ruleVersion: number; expiresAt: string; live: boolean; evidence: { recordId: number; values: Record<string, unknown> }[] }>;
    const got = tags.map((t) => [t.ruleId, t.personKey, t.ruleVersion, t.expiresAt, t.evidence.map((e) => e.recordId)]).sort();
    const days = (d: number) => new Date(T0.getTime() + d * 86_400_000).toISOString();
    expect(got).toEqual([
      ['generic-descriptions', key('C'), 1, days(60), ids.C],
      ['many-receivers-many-provinces', key('D'), 1, days(60), ids.D],
      ['one-id-several-names', key('A'), 1, days(180), ids.A],
      ['prohibited-item-screening', key('A'), 1, days(90), [ids.A![1]]],
      ['shared-phone-across-senders', key('A'), 1, days(90), [ids.A![0]]],
      ['shared-phone-across-senders', key('B'), 1, days(90), ids.B],
    ].sort());
    const runs = (await call('GET', '/api/leads/cases/CASE-1/rules/runs')).json().runs as Array<{ runBy: string; dryRun: boolean; results: { ruleId: string; hits: number }[] }>;
    expect(runs.map((r) => [r.runBy, r.dryRun, r.results.map((x) => x.hits)])).toEqual([['inv1', false, [1, 1, 1, 1, 2]], ['inv1', true, [1, 1, 1, 1, 2]]]);
    const why = (await call('GET', `/api/leads/cases/CASE-1/explain?personKey=${encodeURIComponent(key('E'))}&ruleId=one-id-several-names`)).json();
    expect([why.outcome, why.conditions[0].actual, why.evidence]).toEqual(['false', 1, ids.E]);
    const hit = (await call('GET', `/api/leads/cases/CASE-1/explain?personKey=${encodeURIComponent(key('C'))}&ruleId=generic-descriptions`)).json();
    expect([hit.outcome, hit.conditions.map((c: { actual: number }) => c.actual), hit.evidence]).toEqual(['true', [5, 3], ids.C]);
    const flagged = tags.find((t) => t.ruleId === 'prohibited-item-screening')!;
    expect(flagged.evidence[0]!.values).toEqual({ 'count(parcels where flagged and sender = person within 90d) >= 1': 1 });
    for (const t of tags) expect(t.evidence.length).toBeGreaterThan(0);
  });

  it('scores leads from declared weights and ranks the queue; a lead shows tags, evidence rows and rule text', async () => {
    expect((await call('POST', '/api/leads/cases/CASE-1/leads/score', {})).json()).toEqual({ scored: 4, queued: 4, model: 'declared' });
    const queue = (await call('GET', '/api/leads/cases/CASE-1/leads')).json();
    expect(queue.total).toBe(4);
    expect(queue.leads.map((l: { personKey: string; score: number }) => [l.personKey, l.score]).slice(0, 2)).toEqual([[key('A'), 6], [key('C'), 2]]);
    expect(new Set(queue.leads.slice(2).map((l: { personKey: string }) => l.personKey))).toEqual(new Set([key('B'), key('D')]));
    const lead = (await call('GET', `/api/leads/cases/CASE-1/leads/${queue.leads[0].id}`)).json();
    expect(lead.contributions).toEqual([
      { ruleId: 'one-id-several-names', ruleVersion: 1, weight: 2 }, { ruleId: 'prohibited-item-screening', ruleVersion: 1, weight: 3 }, { ruleId: 'shared-phone-across-senders', ruleVersion: 1, weight: 1 },
    ]);
    expect(lead.evidence.map((e: { id: number }) => e.id)).toEqual(ids.A);
    expect(lead.evidence[1]).toMatchObject({ itemName: '仿真枪', flaggedTerms: ['仿真枪'], senderName: '张*', senderPhone: '138****0001' });
    expect(lead.person).toEqual({ name: '李*', phone: '138****0001' });
    for (const t of lead.tags) expect(t.ruleText).toContain(`id: ${t.ruleId}`);
    const audit = (await listAudit(ctx, { limit: 1 }))[0]!;
    expect(audit).toMatchObject({ actor: 'inv1', action: 'leads.lead.read', legalBasis: 'CASE-1', purpose: '仿真枪寄递线索研判', recordIds: ids.A!.map(String) });
  });

  it('refuses export before review (audited), needs a reason to review, exports after it', async () => {
    const queue = (await call('GET', '/api/leads/cases/CASE-1/leads')).json().leads as Array<{ id: number; personKey: string }>;
    const a = queue.find((l) => l.personKey === key('A'))!.id;
    const refused = await call('GET', `/api/leads/cases/CASE-1/leads/export.csv?ids=${a}`);
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'LEADS_NOT_REVIEWED']);
    expect((await listAudit(ctx, { limit: 1 }))[0]).toMatchObject({ actor: 'inv1', action: 'leads.lead.export', outcome: 'refused', recordIds: [String(a)], detail: { reason: 'LEADS_NOT_REVIEWED' } });
    const noReason = await call('POST', `/api/leads/cases/CASE-1/leads/${a}/review`, { decision: 'confirm', reason: ' 是 ' });
    expect([noReason.statusCode, noReason.json().error.code]).toEqual([422, 'LEADS_REASON_REQUIRED']);
    const reviewed = await call('POST', `/api/leads/cases/CASE-1/leads/${a}/review`, { decision: 'confirm', reason: '寄递仿真枪且一证多名，转侦查' });
    expect(reviewed.json()).toMatchObject({ status: 'confirmed', decidedBy: 'inv1', reviews: [{ decision: 'confirmed', rules: ['one-id-several-names', 'prohibited-item-screening', 'shared-phone-across-senders'] }] });
    expect((await listAudit(ctx, { limit: 1 }))[0]).toMatchObject({ action: 'leads.lead.review', outcome: 'allowed', detail: { decision: 'confirmed', reason: '寄递仿真枪且一证多名，转侦查' } });
    const csv = await call('GET', `/api/leads/cases/CASE-1/leads/export.csv?ids=${a}`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${a},${key('A')},李*,confirmed,6,declared,inv1`);
    expect(lines[1]).toContain(ids.A!.join(' '));
    expect(csv.body).not.toContain(ID.A);
  });

  it('shows precision per rule and fits the model to the decisions', async () => {
    const queue = (await call('GET', '/api/leads/cases/CASE-1/leads')).json().leads as Array<{ id: number; personKey: string }>;
    const of = (k: keyof typeof ID) => queue.find((l) => l.personKey === key(k))!.id;
    await call('POST', `/api/leads/cases/CASE-1/leads/${of('B')}/review`, { decision: 'dismiss', reason: '共用家庭电话，无异常' });
    await call('POST', `/api/leads/cases/CASE-1/leads/${of('C')}/review`, { decision: 'confirm', reason: '五金配件实为枪管，已核实' });
    await call('POST', `/api/leads/cases/CASE-1/leads/${of('D')}/review`, { decision: 'dismiss', reason: '服装网店正常发货' });
    const precision = (await call('GET', '/api/leads/cases/CASE-1/precision')).json().rules;
    expect(precision).toEqual([
      { ruleId: 'generic-descriptions', reviewed: 1, confirmed: 1, dismissed: 0, precision: 1 },
      { ruleId: 'many-receivers-many-provinces', reviewed: 1, confirmed: 0, dismissed: 1, precision: 0 },
      { ruleId: 'one-id-several-names', reviewed: 1, confirmed: 1, dismissed: 0, precision: 1 },
      { ruleId: 'prohibited-item-screening', reviewed: 1, confirmed: 1, dismissed: 0, precision: 1 },
      { ruleId: 'shared-phone-across-senders', reviewed: 2, confirmed: 1, dismissed: 1, precision: 0.5 },
    ]);
    const model = (await call('POST', '/api/leads/cases/CASE-1/model/fit', {})).json();
    expect(model.decisions).toBe(4);
    expect(model.gradNorm).toBeLessThan(1e-6);
    const w = Object.fromEntries(model.weights.map((x: { ruleId: string; weight: number }) => [x.ruleId, x.weight]));
    expect(w['generic-descriptions']).toBeGreaterThan(0);
    expect(w['many-receivers-many-provinces']).toBeLessThan(0);
    expect(w['one-id-several-names']).toBeCloseTo(w['prohibited-item-screening'], 9);
    expect((await call('GET', '/api/leads/cases/CASE-1/model')).json()).toEqual(model);
    expect((await call('POST', '/api/leads/cases/CASE-1/leads/score', { model: 'fitted' })).json()).toEqual({ scored: 4, queued: 0, model: 'fitted' });
    const confirmed = (await call('GET', '/api/leads/cases/CASE-1/leads?status=confirmed')).json().leads as Array<{ personKey: string; score: number }>;
    expect(confirmed.map((l) => l.personKey)).toEqual([key('A'), key('C')]);
    for (const l of confirmed) expect(l.score).toBeGreaterThan(0.5);
  });

  it('expands with filters: seeds of an ID number, shared-ID edges, time window, direction', async () => {
    const expand = async (body: object) => (await call('POST', '/api/leads/cases/CASE-1/graph/expand', body)).json();
    const e = await expand({ seed: { idNumber: ID.E }, hops: 1 });
    expect(e.countsByHop).toEqual([2, 2]);
    const shared = await expand({ seed: { nodeKey: nodeKeyOf(ctx, '13800000005') }, hops: 1, kinds: ['shared_id'] });
    expect(shared.nodes.map((n: { key: string }) => n.key)).toEqual([nodeKeyOf(ctx, '13800000005'), nodeKeyOf(ctx, '13800000006')]);
    expect(shared.edges.map((x: { kind: string; directed: boolean; evidence: number[] }) => [x.kind, x.directed, x.evidence])).toEqual([['shared_id', false, ids.E]]);
    const day = await expand({ seed: { idNumber: ID.A }, hops: 1, from: '2026-11-21', to: '2026-11-21T23:59:59Z' });
    expect(day.nodes.map((n: { key: string }) => n.key)).toEqual([nodeKeyOf(ctx, '13800000001'), nodeKeyOf(ctx, '13900000002')]);
    expect(day.edges.map((x: { evidence: number[]; flagged: number }) => [x.evidence, x.flagged])).toEqual([[[ids.A![1]], 1]]);
    expect((await expand({ seed: { idNumber: ID.A }, hops: 3, direction: 'in' })).countsByHop).toEqual([1]);
    expect((await listAudit(ctx, { limit: 1 }))[0]!.detail).toMatchObject({ query: 'expand', hops: 3, filter: { kinds: ['parcel'], direction: 'in' }, nodes: 1 });
    const csv = await call('POST', '/api/leads/cases/CASE-1/graph/export', { seed: { idNumber: ID.A }, hops: 1, format: 'csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    const [nodesPart, edgesPart] = csv.body.split('# edges\n');
    expect(nodesPart!.trim().split('\n')).toHaveLength(1 + 1 + 4);
    expect(edgesPart!.trim().split('\n')).toHaveLength(1 + 3);
    expect(csv.body).toContain(nodeKeyOf(ctx, '13900000002'));
    expect(csv.body).not.toContain('13900000002,');
    const missing = await call('POST', '/api/leads/cases/CASE-1/graph/expand', { seed: { idNumber: idNo('11010519800101009') }, hops: 1 });
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'LEADS_SEED_NOT_FOUND']);
    const path = (await call('POST', '/api/leads/cases/CASE-1/graph/path', { source: { idNumber: ID.A }, target: { nodeKey: nodeKeyOf(ctx, '13900000002') }, direction: 'out' })).json();
    expect(path.path.edges.map((x: { evidence: number[] }) => x.evidence)).toEqual([[ids.A![1]]]);
    expect(path.path.nodes.map((n: { name: string }) => n.name)).toEqual(['李*', '王*']);
  });

  it('refuses a user outside the case, a viewer, an administrator and a request without session, and audits each refusal', async () => {
    for (const [user, url, method, body, status, code] of [
      ['inv2', '/api/leads/cases/CASE-1/leads', 'GET', undefined, 403, 'LEADS_NOT_A_MEMBER'],
      ['inv2', '/api/leads/cases/CASE-1/graph/expand', 'POST', { seed: { idNumber: ID.A }, hops: 2 }, 403, 'LEADS_NOT_A_MEMBER'],
      ['viewer1', '/api/leads/cases/CASE-1/rules/run', 'POST', { dryRun: true }, 403, 'LEADS_ROLE_DENIED'],
      ['admin1', '/api/leads/cases/CASE-1/tags', 'GET', undefined, 403, 'LEADS_ROLE_DENIED'],
      ['inv1', '/api/leads/cases/NO-SUCH/leads', 'GET', undefined, 404, 'LEADS_CASE_NOT_FOUND'],
    ] as const) {
      const res = await call(method, url, body, user);
      expect([user, res.statusCode, res.json().error.code]).toEqual([user, status, code]);
      const entry = (await listAudit(ctx, { limit: 1 }))[0]!;
      expect(entry).toMatchObject({ actor: user, outcome: 'refused', recordKind: 'leads_case', detail: { reason: code } });
      expect(entry.legalBasis).toBe(url.split('/')[4]);
    }
    const anonymous = await app.inject({ method: 'GET', url: '/api/leads/cases/CASE-1/leads' });
    expect([anonymous.statusCode, anonymous.json().error.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect((await listAudit(ctx, { limit: 1 }))[0]).toMatchObject({ actor: 'anonymous', outcome: 'refused', legalBasis: 'CASE-1', detail: { reason: 'UNAUTHENTICATED', url: '/api/leads/cases/:caseNo/leads' } });
    const added = await call('POST', '/api/leads/cases/CASE-1/members', { username: 'inv2' }, 'admin1');
    expect(added.json().members).toEqual(['inv1', 'inv2']);
    const graph = await call('POST', '/api/leads/cases/CASE-1/graph/expand', { seed: { idNumber: ID.A }, hops: 2 }, 'inv2');
    expect(graph.statusCode).toBe(200);
    expect(graph.json().nodes.map((n: { hop: number }) => n.hop)).toEqual([0, 1, 1, 1, 2]);
    expect(graph.json().edges.every((e: { evidence: number[] }) => e.evidence.length > 0)).toBe(true);
    expect((await verifyAuditLog(ctx)).ok).toBe(true);
  });

  it('an expired tag no longer counts', async () => {
    clock = new Date(T0.getTime() + 61 * 86_400_000);
    await login('inv1');
    const live = (await call('GET', '/api/leads/cases/CASE-1/tags')).json().tags as Array<{ ruleId: string }>;
    expect(live.map((t) => t.ruleId).sort()).toEqual(['one-id-several-names', 'prohibited-item-screening', 'shared-phone-across-senders', 'shared-phone-across-senders']);
    const all = (await call('GET', '/api/leads/cases/CASE-1/tags?includeExpired=true')).json().tags as Array<{ ruleId: string; live: boolean }>;
    expect(all.filter((t) => !t.live).map((t) => t.ruleId).sort()).toEqual(['generic-descriptions', 'many-receivers-many-provinces']);
    expect((await call('POST', '/api/leads/cases/CASE-1/leads/score', {})).json()).toEqual({ scored: 2, queued: 0, model: 'declared' });
    const dismissed = (await call('GET', '/api/leads/cases/CASE-1/leads?status=dismissed')).json().leads as Array<{ personKey: string; score: number; contributions: unknown[] }>;
    const d = dismissed.find((l) => l.personKey === key('D'))!;
    expect([d.score, d.contributions]).toEqual([0, []]);
    const c = (await call('GET', '/api/leads/cases/CASE-1/leads?status=confirmed')).json().leads.find((l: { personKey: string }) => l.personKey === key('C'));
    expect(c.score).toBe(0);
    const a = (await call('GET', '/api/leads/cases/CASE-1/leads?status=confirmed')).json().leads.find((l: { personKey: string }) => l.personKey === key('A'));
    expect(a.score).toBe(6);
  });
});
