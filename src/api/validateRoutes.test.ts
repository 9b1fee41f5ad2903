import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformContext } from '../platform/module.ts';
import { openPlatform } from '../platform/platform.ts';
import { createUser, securityModule } from '../security/index.ts';
import { testDialects } from '../store/testing.ts';
import { buildApp } from './app.ts';

const sqlite = testDialects()[0]!;

describe('GET /api/validate/:kind', () => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  let cookie: string;

  beforeAll(async () => {
    const created = await sqlite.create();
    drop = created.drop;
    ctx = await openPlatform(created.config, { modules: [securityModule], now: () => new Date('2026-11-29T04:00:00Z') });
    app = await buildApp(ctx, [securityModule], { logger: false, webDist: '/nonexistent' });
    await createUser(ctx, { username: 'viewer1', role: 'viewer', password: 'Correct-Horse-Battery-9' });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'viewer1', password: 'Correct-Horse-Battery-9' } });
    expect(login.statusCode).toBe(200);
    const set = login.headers['set-cookie'];
    cookie = String(Array.isArray(set) ? set[0] : set).split(';')[0]!;
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.database.close();
    await drop?.();
  });

  const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });

  it('refuses callers without a session', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/validate/phone?value=13812345678' });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('returns the ID number result with birth date, sex and division (GB 11643-1999)', async () => {
    const r = await get(`/api/validate/id-number?value=${encodeURIComponent('11010519880815108x')}`);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.valid).toBe(true);
    expect(body.normalized).toBe('11010519880815108X');
    expect(body.parsed).toMatchObject({ birthDate: '1988-08-15', sex: 'female', divisionCode: '110105', division: ['北京市', '朝阳区'] });
  });

  it('reports a wrong check character in both languages', async () => {
    const body = (await get('/api/validate/id-number?value=110105198808151080')).json();
    expect(body.valid).toBe(false);
    expect(body.errors[0]).toMatchObject({ code: 'ID_CHECKSUM', message: '校验码错误：应为 X，实为 0', messageEn: 'check character mismatch: expected X, got 0' });
  });

  it('flags a phone that lost its leading zero (C15) and names the carrier of a mobile', async () => {
    expect((await get('/api/validate/phone?value=1088886666')).json().errors[0].code).toBe('PHONE_LEADING_ZERO_STRIPPED');
    expect((await get('/api/validate/phone?value=13812345678')).json().parsed).toMatchObject({ kind: 'mobile', carrier: 'CMCC' });
  });

  it('detects the courier of a waybill number when none is chosen, and checks it against a chosen one', async () => {
    const detected = (await get('/api/validate/waybill?value=78912345678901')).json();
    expect(detected.valid).toBe(true);
    expect(detected.parsed).toMatchObject({ courier: 'ZTO', courierName: '中通快递' });
    const chosen = (await get(`/api/validate/waybill?value=78912345678901&courier=${encodeURIComponent('中通')}`)).json();
    expect(chosen.parsed.courier).toBe('ZTO');
    const letters = (await get('/api/validate/waybill?value=7891234567890A&courier=ZTO')).json();
    expect(letters.valid).toBe(false);
    const unknown = (await get('/api/validate/waybill?value=QQ12')).json();
    expect(unknown.errors[0]).toMatchObject({ code: 'VALIDATE_COURIER_NOT_DETECTED', field: 'courier' });
  });

  it('reads local times in Asia/Shanghai (C18) and refuses impossible dates (C16)', async () => {
    const t = (await get('/api/validate/date?value=2024-03-01T00:30:00')).json();
    expect(t.parsed.instant).toBe('2024-02-29T16:30:00Z');
    const bad = (await get('/api/validate/date?value=1990-02-30')).json();
    expect(bad.valid).toBe(false);
    expect(bad.errors[0].code).toBe('DATE_INVALID');
  });

  it('finds the division of an address (C07) and says when none is recognised', async () => {
    const a = (await get(`/api/validate/address?value=${encodeURIComponent('湖南省邵阳县长乐乡中心街9号')}`)).json();
    expect(a).toMatchObject({ valid: true, normalized: '430523', parsed: { province: '湖南省', prefecture: '邵阳市', county: '邵阳县', detail: '长乐乡中心街9号' } });
    const none = (await get(`/api/validate/address?value=${encodeURIComponent('门口那棵树下')}`)).json();
    expect(none.errors[0].code).toBe('ADDRESS_UNRECOGNISED');
  });

  it('refuses unknown kinds and over-long values with 422 per field', async () => {
    const kind = await get('/api/validate/plate?value=x');
    expect(kind.statusCode).toBe(422);
    expect(kind.json().error.details[0].field).toBe('kind');
    const long = await get(`/api/validate/phone?value=${'1'.repeat(201)}`);
    expect(long.statusCode).toBe(422);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toContain('/api/validate/{kind}');
  });
});
