import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../api/app.ts';
import { route } from '../api/route.ts';
import type { GongzhiModule, PlatformContext } from '../platform/module.ts';
import { openPlatform } from '../platform/platform.ts';
import { testDialects } from '../store/testing.ts';
import { auditRead } from './access.ts';
import { listAudit } from './audit.ts';
import { securityModule } from './index.ts';
import { maskFor } from './masking.ts';
import { generatePassword } from './passwords.ts';
import { tokenHash } from './sessions.ts';
import { createUser } from './users.ts';

/** A person-level route as an app would declare it, to test the access check end to end. */
const probe: GongzhiModule = {
  name: 'probe',
  routes: (app, ctx) => {
    route(app, {
      method: 'GET',
      url: '/api/probe/lookup',
      query: z.object({ idNumber: z.string().min(15) }),
      access: ['parcel.lookup', 'parcel'],
      handler: async ({ query, user, access, request }) => {
        const rows = [{ id: 41, senderName: '李娜', senderIdNumber: query.idNumber, senderPhone: '13812345678' }];
        await auditRead(ctx, request, { recordIds: rows.map((r) => r.id), detail: { by: 'idNumber' } });
        return { parcels: rows.map((r) => maskFor(user!.role, 'parcel', r, { purpose: access!.purpose })) };
      },
    });
  },
};

describe.each(testDialects())('auth, sessions and access through HTTP on $name', (dialect) => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  let clock = Date.parse('2026-11-30T02:00:00Z');
  const pw: Record<string, string> = {};

  beforeAll(async () => {
    const created = await dialect.create();
    drop = created.drop;
    ctx = await openPlatform(created.config, { modules: [securityModule], now: () => new Date(clock) });
    for (const role of ['admin', 'clerk', 'investigator', 'regulator']) {
      pw[role] = generatePassword();
      await createUser(ctx, { username: `${role}1`, role, password: pw[role]!, outlet: role === 'clerk' ? 'NJ-001' : null });
    }
    app = await buildApp(ctx, [securityModule, probe], { logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.database.close();
    await drop?.();
  });

  async function login(username: string, password: string, remoteAddress = '127.0.0.1') {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
    const cookie = res.cookies.find((c) => c.name === 'gongzhi_session');
    return { res, cookie: cookie ? `gongzhi_session=${cookie.value}` : undefined, raw: cookie };
  }

  it('logs in with a session cookie and answers /api/auth/me', async () => {
    const { res, cookie, raw } = await login('Clerk1', pw.clerk!);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: { id: 2, username: 'clerk1', displayName: 'clerk1', role: 'clerk', outlet: 'NJ-001' } });
    expect(raw).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 28800 });
    expect(raw!.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await ctx.database.db.selectFrom('sessions').select(['token_hash']).execute();
    expect(stored.map((s) => s.token_hash)).toEqual([tokenHash(raw!.value)]);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ user: { username: 'clerk1', role: 'clerk' } });
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(200);
    expect(await ctx.database.db.selectFrom('sessions').select('token_hash').execute()).toEqual([]);
    const after = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses wrong credentials with 401 and audits the attempt', async () => {
    const wrong = await login('admin1', 'not-the-password');
    expect(wrong.res.statusCode).toBe(401);
    expect(wrong.res.json().error).toMatchObject({ code: 'UNAUTHENTICATED', details: [{ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' }] });
    expect(wrong.cookie).toBeUndefined();
    const unknown = await login('nobody', 'whatever-password');
    expect(unknown.res.statusCode).toBe(401);
    const entries = await listAudit(ctx, { limit: 2 });
    expect(entries.map((e) => [e.actor, e.action, e.outcome, e.detail.reason])).toEqual([
      ['nobody', 'auth.login', 'refused', 'INVALID_CREDENTIALS'],
      ['admin1', 'auth.login', 'refused', 'INVALID_CREDENTIALS'],
    ]);
    const bad = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin1' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details).toMatchObject([{ code: 'REQUIRED', field: 'password' }]);
  });

  it('expires sessions after 8 hours', async () => {
    const { cookie } = await login('regulator1', pw.regulator!);
    clock += 8 * 3600_000 - 1000;
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    clock += 2000;
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('enforces the policy table: clerk cannot look up; investigator needs a purpose; refusals audited', async () => {
    const clerk = (await login('clerk1', pw.clerk!)).cookie;
    const inv = (await login('investigator1', pw.investigator!)).cookie;
    const url = '/api/probe/lookup?idNumber=320102199001011234';
    expect((await app.inject({ method: 'GET', url: `${url}&purpose=${encodeURIComponent('随便看看谁寄了')}` })).statusCode).toBe(401);
    expect((await listAudit(ctx, { limit: 1 }))[0]).toMatchObject({ actor: 'anonymous', role: null, action: 'parcel.lookup', outcome: 'refused', purpose: '随便看看谁寄了', detail: { reason: 'UNAUTHENTICATED', url: '/api/probe/lookup' } });
    const c = await app.inject({ method: 'GET', url: `${url}&purpose=${encodeURIComponent('核对寄件人')}`, headers: { cookie: clerk } });
    expect(c.statusCode).toBe(403);
    expect(c.json().error).toMatchObject({ code: 'ACCESS_ROLE_DENIED', params: { role: 'clerk', action: 'parcel.lookup' } });
    const noPurpose = await app.inject({ method: 'GET', url, headers: { cookie: inv } });
    expect(noPurpose.statusCode).toBe(403);
    expect(noPurpose.json().error.code).toBe('ACCESS_PURPOSE_REQUIRED');
    const short = await app.inject({ method: 'GET', url: `${url}&purpose=${encodeURIComponent('查案')}`, headers: { cookie: inv } });
    expect(short.json().error).toMatchObject({ code: 'ACCESS_PURPOSE_TOO_SHORT', params: { min: 4 } });
    const refused = (await listAudit(ctx, { limit: 3 })).reverse();
    expect(refused.map((e) => [e.actor, e.action, e.outcome, e.detail.reason, e.purpose])).toEqual([
      ['clerk1', 'parcel.lookup', 'refused', 'ACCESS_ROLE_DENIED', '核对寄件人'],
      ['investigator1', 'parcel.lookup', 'refused', 'ACCESS_PURPOSE_REQUIRED', null],
      ['investigator1', 'parcel.lookup', 'refused', 'ACCESS_PURPOSE_TOO_SHORT', '查案'],
    ]);
    const purpose = encodeURIComponent('盗窃案侦查');
    const ok = await app.inject({ method: 'GET', url: `${url}&purpose=${purpose}&legalBasis=${encodeURIComponent('宁公刑立字2026第118号')}`, headers: { cookie: inv } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ parcels: [{ id: 41, senderName: '李娜', senderIdNumber: '320102199001011234', senderPhone: '13812345678' }] });
    const [read] = await listAudit(ctx, { limit: 1 });
    expect(read).toMatchObject({ actor: 'investigator1', role: 'investigator', action: 'parcel.lookup', outcome: 'allowed', purpose: '盗窃案侦查', legalBasis: '宁公刑立字2026第118号', recordKind: 'parcel', recordIds: ['41'], detail: { by: 'idNumber' } });
  });

  it('serves the audit log and its verification to admins only', async () => {
    const admin = (await login('admin1', pw.admin!)).cookie;
    const clerk = (await login('clerk1', pw.clerk!)).cookie;
    expect((await app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: clerk } })).json().error.code).toBe('ACCESS_ROLE_DENIED');
    const list = await app.inject({ method: 'GET', url: '/api/audit?limit=2', headers: { cookie: admin } });
    expect(list.statusCode).toBe(200);
    const entries = list.json().entries as { seq: number; action: string }[];
    expect(entries).toHaveLength(2);
    expect(entries[0]!.seq).toBeGreaterThan(entries[1]!.seq);
    const older = await app.inject({ method: 'GET', url: `/api/audit?limit=1&before=${entries[1]!.seq}`, headers: { cookie: admin } });
    expect(older.json().entries[0].seq).toBe(entries[1]!.seq - 1);
    const total = Number((await sql<{ n: number }>`select count(*) as n from audit_log`.execute(ctx.database.db)).rows[0]!.n);
    const verify = await app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie: admin } });
    expect(verify.json()).toMatchObject({ ok: true, checked: total });
    expect((await app.inject({ method: 'GET', url: '/api/audit?limit=5000', headers: { cookie: admin } })).statusCode).toBe(422);
  });

  it('lets admins manage users over HTTP, audited; others are refused', async () => {
    const admin = (await login('admin1', pw.admin!)).cookie;
    const clerk = (await login('clerk1', pw.clerk!)).cookie;
    expect((await app.inject({ method: 'GET', url: '/api/users', headers: { cookie: clerk } })).statusCode).toBe(403);
    const created = await app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin }, payload: { username: 'Zhou', role: 'viewer', displayName: '周' } });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.user).toMatchObject({ username: 'zhou', role: 'viewer', displayName: '周', disabled: false });
    expect(body.password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{20}$/);
    expect((await login('zhou', body.password)).res.statusCode).toBe(200);
    const badRole = await app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin }, payload: { username: 'x1', role: 'king' } });
    expect(badRole.json().error.details[0]).toMatchObject({ code: 'FIELD_INVALID', field: 'role' });
    const dup = await app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin }, payload: { username: 'zhou', role: 'viewer' } });
    expect(dup.statusCode).toBe(409);
    const off = await app.inject({ method: 'PATCH', url: '/api/users/zhou', headers: { cookie: admin }, payload: { disabled: true } });
    expect(off.json().user.disabled).toBe(true);
    expect((await login('zhou', body.password)).res.statusCode).toBe(401);
    const users = (await app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin } })).json().users as { username: string }[];
    expect(users.map((u) => u.username)).toEqual(['admin1', 'clerk1', 'investigator1', 'regulator1', 'zhou']);
    const [loginRefused, disable] = await listAudit(ctx, { limit: 3 });
    expect(loginRefused).toMatchObject({ actor: 'zhou', action: 'auth.login', outcome: 'refused' });
    expect(disable).toMatchObject({ actor: 'admin1', action: 'user.manage', detail: { op: 'disable', username: 'zhou' } });
  });

  it('rate-limits login attempts per client address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await login('admin1', 'wrong-password-x', '10.9.8.7')).res.statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    const limited = await login('admin1', pw.admin!, '10.9.8.7');
    expect(limited.res.statusCode).toBe(429);
    expect(limited.res.json().error.code).toBe('RATE_LIMITED');
    expect((await login('admin1', pw.admin!, '10.9.8.8')).res.statusCode).toBe(200);
  });
});
