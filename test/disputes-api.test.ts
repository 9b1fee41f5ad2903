/**
 * The disputes application through its HTTP API on every test dialect, on a small hand-made
 * registry: C18 times, routing by category × division, masked parties and the audited full
 * read, C21 (a resolved case reopens only through an explicit reopen with a reason; the
 * timeline shows resolved then reopened), reassignment with a reason, escalation along the
 * medical routes of the 2018 regulation, the printable agreement, attachments, a breached SLA,
 * category correction, roles.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.ts';
import { disputesModule } from '../src/apps/disputes/index.ts';
import { FIXTURE_ORGS } from '../src/apps/disputes/testing.ts';
import { orgsModule, saveOrg } from '../src/apps/orgs/index.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { listAudit } from '../src/security/audit.ts';
import { securityModule } from '../src/security/index.ts';
import { generatePassword } from '../src/security/passwords.ts';
import { createUser } from '../src/security/users.ts';
import { testDialects } from '../src/store/testing.ts';

const modules = [securityModule, orgsModule, disputesModule];


describe.each(testDialects())('disputes API on $name', (dialect) => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  let clock = new Date('2026-03-02T01:00:00Z');
  const cookies: Record<string, string> = {};
  const passwords: Record<string, string> = {};
  /** Move the clock and sign in again (sessions expire 8 h after login by the clock). */
  const setClock = async (at: Date) => {
    clock = at;
    for (const role of Object.keys(passwords)) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `${role}1`, password: passwords[role] } });
      cookies[role] = `gongzhi_session=${res.cookies.find((c) => c.name === 'gongzhi_session')!.value}`;
    }
  };

  beforeAll(async () => {
    const created = await dialect.create();
    drop = created.drop;
    ctx = await openPlatform(created.config, { modules, now: () => clock });
    app = await buildApp(ctx, modules, { logger: false });
    for (const org of FIXTURE_ORGS) await saveOrg(ctx, org);
    for (const role of ['regulator', 'viewer']) {
      passwords[role] = generatePassword();
      await createUser(ctx, { username: `${role}1`, role, password: passwords[role]! });
    }
    await setClock(clock);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await ctx?.database.close();
    await drop?.();
  });

  const call = (method: 'GET' | 'POST', url: string, payload?: unknown, role = 'regulator') =>
    app.inject({ method, url, ...(payload ? { payload: payload as object } : {}), headers: { cookie: cookies[role]! } });
  const medical = { kind: 'dispute', channel: 'hotline', title: '手术后医疗纠纷', text: '我父亲在岳麓区某医院做胆囊切除手术后出现严重并发症，医疗事故，要求医院赔偿，医患双方协商不成。', divisionCode: '430104', parties: [{ side: 'applicant', name: '张三丰', phone: '13812345678', address: '湖南省长沙市岳麓区麓山路1号' }, { side: 'respondent', kind: 'organisation', name: '岳麓区某医院' }] };

  it('C18: a local time without offset and the same time with +08:00 are one instant, counted on the local day, written back with +08:00', async () => {
    await setClock(new Date('2024-03-02T00:00:00Z'));
    const a = (await call('POST', '/api/disputes/appeals', { channel: 'web', title: '路灯不亮', text: '麓山路路灯连续一周不亮，夜间出行不便。', divisionCode: '430104', receivedAt: '2024-03-01T00:30:00' })).json();
    const b = (await call('POST', '/api/disputes/appeals', { channel: 'web', title: '路灯不亮', text: '麓山路路灯连续一周不亮，夜间出行不便。', divisionCode: '430104', receivedAt: '2024-03-01T00:30:00+08:00' })).json();
    for (const x of [a, b]) expect(x).toMatchObject({ receivedAt: '2024-03-01T00:30:00+08:00', receivedDay: '2024-03-01' });
    expect(a.appealNo).toBe('A2024000001');
    expect(b.appealNo).toBe('A2024000002');
    const rows = await ctx.database.db.selectFrom('disputes_appeals').select(['received_at']).orderBy('id').execute();
    expect(rows.map((r: { received_at: string }) => r.received_at)).toEqual(['2024-02-29T16:30:00.000Z', '2024-02-29T16:30:00.000Z']);
    const day = (await call('GET', '/api/disputes/stats/volumes?by=day&from=2024-03-01&to=2024-03-01')).json();
    expect(day.rows).toEqual([{ key: '2024-03-01', count: 2 }]);
    await setClock(new Date('2026-03-02T01:00:00Z'));
  });

  it('routes by category × division, masks parties, and shows them in full only with a purpose (audited)', async () => {
    const res = await call('POST', '/api/disputes/appeals', medical);
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({ category: '矛盾纠纷/医疗纠纷', disputeType: 'medical', routingKey: 'medical', state: 'received', orgCode: 'PMB-430100-medical', disclosure: 'masked' });
    expect(v.suggestion.classifier.category).toBe('卫生计生');
    expect(v.suggestion.disputeType.words).toContain('手术');
    expect(v.routing.reasons.map((r: { code: string }) => r.code)).toEqual(['CATEGORY', 'KIND', 'DIVISION', 'CAPACITY']);
    expect(v.parties[0]).toEqual({ side: 'applicant', kind: 'person', name: '张**', phone: '138****5678', address: '湖南省长沙市岳麓区' });
    expect(v.parties[1].name).toBe('岳麓区某医院');
    const full = (await call('GET', `/api/disputes/appeals/${v.appealNo}?purpose=${encodeURIComponent('调解需要联系当事人')}`)).json();
    expect(full.parties[0]).toMatchObject({ name: '张三丰', phone: '13812345678' });
    expect((await listAudit(ctx, { limit: 1 }))[0]).toMatchObject({ action: 'disputes.read_parties', recordIds: [v.appealNo], outcome: 'allowed', purpose: '调解需要联系当事人' });
    const refused = await call('GET', `/api/disputes/appeals/${v.appealNo}?purpose=${encodeURIComponent('调解需要联系当事人')}`, undefined, 'viewer');
    expect(refused.statusCode).toBe(403);
    expect((await listAudit(ctx, { limit: 1 }))[0]).toMatchObject({ action: 'disputes.read_parties', outcome: 'refused', actor: 'viewer1' });
    expect((await call('POST', '/api/disputes/appeals', medical, 'viewer')).statusCode).toBe(403);
  });

  it('C21 through the API: a resolved case reopens only through reopen with a reason; the timeline shows resolved then reopened', async () => {
    const v = (await call('POST', '/api/disputes/appeals', { ...medical, title: 'M-001 医疗纠纷' })).json();
    const no = v.appealNo as string;
    expect((await call('POST', `/api/disputes/appeals/${no}/transitions`, { transition: 'accept' })).json().state).toBe('accepted');
    expect((await call('POST', `/api/disputes/appeals/${no}/sessions`, { place: '调解室', mediator: '李调解', attendees: ['申请人', '医院代表'], notes: '双方陈述' })).json()).toMatchObject({ state: 'mediating', sessions: [{ mediator: '李调解' }] });
    const agreed = (await call('POST', `/api/disputes/appeals/${no}/agreement`, { facts: '手术后出现并发症，双方对责任有争议。', terms: ['医院一次性补偿医疗费 3 万元', '双方再无其他争议'], performance: '十五日内银行转账', mediator: '李调解' })).json();
    expect(agreed.state).toBe('agreement');
    expect(agreed.agreement.terms).toEqual(['医院一次性补偿医疗费 3 万元', '双方再无其他争议']);
    expect((await call('POST', `/api/disputes/appeals/${no}/transitions`, { transition: 'close' })).json().state).toBe('closed');
    const visited = (await call('POST', `/api/disputes/appeals/${no}/follow-ups`, { satisfaction: 2, resolved: false, method: 'phone', note: '当事人表示问题未解决' })).json();
    expect(visited).toMatchObject({ state: 'closed', satisfaction: 2, available: ['reopen'] });
    const noReason = await call('POST', `/api/disputes/appeals/${no}/transitions`, { transition: 'reopen' });
    expect(noReason.statusCode).toBe(409);
    expect(noReason.json().error.details.map((d: { code: string }) => d.code)).toEqual(['WORKFLOW_REASON_REQUIRED']);
    const wrong = await call('POST', `/api/disputes/appeals/${no}/transitions`, { transition: 'startMediation' });
    expect(wrong.json().error.details[0].code).toBe('WORKFLOW_TRANSITION_NOT_ALLOWED');
    await setClock(new Date('2026-03-03T01:00:00Z'));
    const reopened = (await call('POST', `/api/disputes/appeals/${no}/transitions`, { transition: 'reopen', reason: '回访：当事人表示问题未解决', expectedVersion: visited.version })).json();
    expect(reopened).toMatchObject({ state: 'mediating', resolvedAt: null, closedAt: null });
    const tl = (await call('GET', `/api/disputes/appeals/${no}/timeline`)).json().timeline;
    expect(tl.map((e: { from: string | null; to: string }) => `${e.from ?? '-'}>${e.to}`)).toEqual(['->received', 'received>received', 'received>accepted', 'accepted>mediating', 'mediating>agreement', 'agreement>closed', 'closed>mediating']);
    expect(tl.at(-1)).toMatchObject({ transition: 'reopen', actor: 'regulator1', role: 'regulator', reason: '回访：当事人表示问题未解决', at: '2026-03-03T09:00:00+08:00', label: { zh: '重新调解' } });
    const stale = await call('POST', `/api/disputes/appeals/${no}/transitions`, { transition: 'fail', reason: 'x', expectedVersion: visited.version });
    expect(stale.json().error.code).toBe('DISPUTES_STALE');
    const html = await call('GET', `/api/disputes/appeals/${no}/agreement.html`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('人民调解协议书');
    expect(html.body).toContain('张三丰');
    expect(html.body).toContain('<li>医院一次性补偿医疗费 3 万元</li>');
    expect(html.body).toContain('长沙市医疗纠纷人民调解委员会（印章）');
  });

  it('escalates a medical dispute along the routes of 医疗纠纷预防和处理条例 Art. 22, and reassigns only with a reason', async () => {
    const v = (await call('POST', '/api/disputes/appeals', medical)).json();
    const options = (await call('GET', `/api/disputes/appeals/${v.appealNo}/escalation-options`)).json().options;
    expect(options.map((o: { route: string; target: { orgCode: string } | null }) => [o.route, o.target?.orgCode ?? null])).toEqual([
      ['court_mediation', 'CM-430104'], ['legal_aid', null], ['negotiation', null], ['people_mediation', 'PMB-430100-medical'], ['administrative_mediation', 'HC-430100'], ['litigation', 'CM-430104'],
    ]);
    expect(options.find((o: { route: string }) => o.route === 'legal_aid').available).toBe(false);
    const early = await call('POST', `/api/disputes/appeals/${v.appealNo}/escalate`, { route: 'administrative_mediation', reason: '申请行政调解' });
    expect(early.json().error.details[0].code).toBe('WORKFLOW_TRANSITION_NOT_ALLOWED');
    await call('POST', `/api/disputes/appeals/${v.appealNo}/transitions`, { transition: 'accept' });
    const up = (await call('POST', `/api/disputes/appeals/${v.appealNo}/escalate`, { route: 'administrative_mediation', reason: '当事人申请卫生主管部门行政调解' })).json();
    expect(up).toMatchObject({ state: 'referred', orgCode: 'HC-430100' });
    const arb = await call('POST', `/api/disputes/appeals/${v.appealNo}/escalate`, { route: 'arbitration', reason: 'x' });
    expect(arb.json().error.code).toBe('DISPUTES_ESCALATION_UNAVAILABLE');
    const other = (await call('POST', '/api/disputes/appeals', { kind: 'dispute', channel: 'grid_worker', title: '邻里纠纷', text: '楼上邻居装修噪音扰民，多次沟通无果，邻里关系紧张。', divisionCode: '430104' })).json();
    expect(other.orgCode).toBe('HSL-430104');
    expect((await call('POST', `/api/disputes/appeals/${other.appealNo}/route`, { orgCode: 'MC-430104' })).json().error.code).toBe('DISPUTES_REASON_REQUIRED');
    const moved = (await call('POST', `/api/disputes/appeals/${other.appealNo}/route`, { orgCode: 'MC-430104', reason: '协会本周无人值班' })).json();
    expect(moved).toMatchObject({ orgCode: 'MC-430104', state: 'received' });
  });

  it('flags a breached SLA: acceptance of a general appeal is due one working day after receipt', async () => {
    await setClock(new Date('2026-03-06T01:00:00Z')); // Friday 09:00 in Shanghai
    const v = (await call('POST', '/api/disputes/appeals', { channel: 'hotline', title: '噪音扰民', text: '夜间施工噪音严重影响休息。', divisionCode: '430102' })).json();
    expect(v.sla.acceptance).toMatchObject({ status: 'open', dueAt: '2026-03-09T01:00:00.000Z' });
    await setClock(new Date('2026-03-10T01:00:00Z'));
    const late = (await call('GET', `/api/disputes/appeals/${v.appealNo}`)).json();
    expect(late.sla.acceptance.status).toBe('open_overdue');
    expect(late.slaBreached).toBe(true);
    const overdue = (await call('GET', '/api/disputes/appeals?overdue=true&from=2026-03-06')).json();
    expect(overdue.appeals.map((x: { appealNo: string }) => x.appealNo)).toEqual([v.appealNo]);
    expect(overdue.appeals[0].slaBreached).toBe(true);
    await call('POST', `/api/disputes/appeals/${v.appealNo}/transitions`, { transition: 'accept' });
    const after = (await call('GET', `/api/disputes/appeals/${v.appealNo}`)).json();
    expect(after.sla.acceptance).toMatchObject({ status: 'breached', marginMs: -86_400_000 });
    const sla = (await call('GET', '/api/disputes/stats/sla?from=2026-03-06&to=2026-03-06')).json().categories;
    expect(sla).toHaveLength(1);
    expect(sla[0].acceptance).toEqual({ met: 0, breached: 1, open: 0, openOverdue: 0, noTarget: 0 });
  });

  it('stores attachments and category corrections for retraining', async () => {
    const v = (await call('POST', '/api/disputes/appeals', { channel: 'web', title: '小区门口垃圾', text: '小区门口垃圾堆放多日无人清理。', divisionCode: '430102' })).json();
    const boundary = '----gz';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.txt"\r\nContent-Type: text/plain\r\n\r\n现场照片说明\r\n--${boundary}--\r\n`;
    const up = await app.inject({ method: 'POST', url: `/api/disputes/appeals/${v.appealNo}/attachments`, payload, headers: { cookie: cookies.regulator!, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ name: 'photo.txt', size: Buffer.byteLength('现场照片说明'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const down = await call('GET', `/api/disputes/appeals/${v.appealNo}/attachments/${up.json().id}`);
    expect(down.body).toBe('现场照片说明');
    const fixed = (await call('POST', `/api/disputes/appeals/${v.appealNo}/category`, { category: '城乡建设/城市建设和市政管理/园林绿化环卫', note: '环卫问题' })).json();
    expect(fixed).toMatchObject({ category: '城乡建设/城市建设和市政管理/园林绿化环卫', categorySource: 'operator' });
    const corrections = (await call('GET', '/api/disputes/corrections')).json().corrections;
    expect(corrections.at(-1)).toMatchObject({ appealNo: v.appealNo, to: '城乡建设/城市建设和市政管理/园林绿化环卫', label: '城乡建设', by: 'regulator1', body: '小区门口垃圾堆放多日无人清理。' });
    expect((await call('POST', `/api/disputes/appeals/${v.appealNo}/category`, { category: '不存在' })).json().error.code).toBe('DISPUTES_CATEGORY_UNKNOWN');
  });

  it('takes the resident web form without sign-in', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/disputes/public/appeals', payload: { title: '', text: '小区物业乱收停车费，业主多次反映无果。', divisionCode: '430104', name: '王五', phone: '13900001111' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ state: 'received', appealNo: expect.stringMatching(/^A2026\d{6}$/) });
    const no = res.json().appealNo;
    const progress = await app.inject({ method: 'GET', url: `/api/disputes/public/appeals/${no}?phone=139-0000-1111` });
    expect(progress.json()).toMatchObject({ appealNo: no, state: 'received', org: { name: '岳麓区人民调解委员会' }, steps: [{ label: { zh: '创建' } }, { label: { zh: '分派' } }] });
    expect(JSON.stringify(progress.json())).not.toContain('王五');
    expect((await app.inject({ method: 'GET', url: `/api/disputes/public/appeals/${no}?phone=13900002222` })).statusCode).toBe(404);
    const bad = await app.inject({ method: 'POST', url: '/api/disputes/public/appeals', payload: { text: '没有区划的诉求内容', divisionCode: '999999', name: '王五', phone: '13900001111' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.map((d: { code: string }) => d.code)).toEqual(['DISPUTES_DIVISION_INVALID']);
  });
});
