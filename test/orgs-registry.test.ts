/**
 * The orgs registry: validation (GB 32100 USCC check character, GB/T 2260 divisions, kinds,
 * categories, capacity, members), the demo registry's generated USCCs, file import with
 * per-row reasons, and the HTTP API with roles, on every test dialect.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.ts';
import { validateUscc } from '../src/core/uscc/uscc.ts';
import { coverageLevel, divisionCovers, generateOrgsDemo, importOrgs, loadOrgsDemo, orgsModule, validateOrg } from '../src/apps/orgs/index.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { securityModule } from '../src/security/index.ts';
import { generatePassword } from '../src/security/passwords.ts';
import { createUser } from '../src/security/users.ts';
import { testDialects } from '../src/store/testing.ts';

const GOOD = { code: 'MC-430104-01', name: '岳麓区望月湖街道人民调解委员会', kind: 'mediation_committee', divisionCode: '430104', divisionsServed: '430104;430100', categories: 'general、family_neighbour', capacity: '40' };

describe('org validation', () => {
  it('accepts a good org, splitting lists and defaulting active', () => {
    const v = validateOrg({ ...GOOD, uscc: '91350100M000100Y43', members: JSON.stringify([{ name: '李四', role: 'mediator', qualifications: '人民调解员证;心理咨询师', phone: '13812345678' }]) });
    expect(v.valid).toBe(true);
    if (!v.valid) return;
    expect(v.org).toMatchObject({ divisionsServed: ['430104', '430100'], categories: ['general', 'family_neighbour'], capacity: 40, active: true, uscc: '91350100M000100Y43' });
    expect(v.org.members).toEqual([{ name: '李四', role: 'mediator', qualifications: ['人民调解员证', '心理咨询师'], phone: '13812345678' }]);
  });

  it('reports every problem at once with its field', () => {
    const v = validateOrg({ code: '', name: 'x', kind: 'club', domain: 'space', uscc: '91350100M000100Y44', divisionCode: '999999', divisionsServed: ['430104', '123456'], categories: ['general', 'fishing'], capacity: '-1', members: [{ name: '王', role: 'boss' }] });
    expect(v.valid).toBe(false);
    if (v.valid) return;
    expect(v.errors.map((e) => `${e.code}@${e.field}`)).toEqual([
      'ORGS_FIELD_REQUIRED@code', 'ORGS_KIND_UNKNOWN@kind', 'ORGS_DOMAIN_UNKNOWN@domain', 'ORGS_USCC_INVALID@uscc', 'ORGS_DIVISION_INVALID@divisionCode',
      'ORGS_DIVISION_INVALID@divisionsServed', 'ORGS_CATEGORY_UNKNOWN@categories', 'ORGS_CAPACITY_INVALID@capacity', 'ORGS_MEMBER_INVALID@members',
    ]);
    expect(v.errors[3]!.messageEn).toContain('check character');
  });

  it('reads served division codes as covering their children', () => {
    expect([divisionCovers('430000', '430104'), divisionCovers('430100', '430104'), divisionCovers('430104', '430104'), divisionCovers('430100', '320102'), divisionCovers('430102', '430104')]).toEqual([true, true, true, false, false]);
    expect([coverageLevel(['430000'], '430104'), coverageLevel(['430100', '430000'], '430104'), coverageLevel(['430104'], '430104'), coverageLevel(['320100'], '430104')]).toEqual([1, 2, 3, 0]);
  });

  it('generates a demo registry whose every USCC passes GB 32100 and every org validates', () => {
    const demo = generateOrgsDemo();
    expect(demo).toHaveLength(17 * 3 + 9 + 2 * 10); // per county: committee, station, court centre; 和事佬 in every other county; 10 per prefecture
    for (const o of demo) {
      if (o.uscc) expect(validateUscc(o.uscc).valid, o.uscc).toBe(true);
      expect(validateOrg(o).valid, o.code).toBe(true);
    }
    expect(new Set(demo.map((o) => o.kind)).size).toBe(10);
  });
});

describe.each(testDialects())('orgs registry on $name', (dialect) => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    const created = await dialect.create();
    drop = created.drop;
    ctx = await openPlatform(created.config, { modules: [securityModule, orgsModule], now: () => new Date('2026-11-30T02:00:00Z') });
    app = await buildApp(ctx, [securityModule, orgsModule], { logger: false });
    for (const role of ['regulator', 'viewer']) {
      const password = generatePassword();
      await createUser(ctx, { username: `${role}1`, role, password });
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `${role}1`, password } });
      cookies[role] = `gongzhi_session=${res.cookies.find((c) => c.name === 'gongzhi_session')!.value}`;
    }
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.database.close();
    await drop?.();
  });

  it('imports a CSV file: good rows stored, bad rows rejected with reasons, a second import replaces', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgs-'));
    const file = path.join(dir, 'orgs.csv');
    fs.writeFileSync(file, [
      '机构编码,机构名称,机构类型,统一社会信用代码,所在行政区划,服务区划,服务类别,承办能力',
      'MC-1,岳麓区人民调解委员会,mediation_committee,,430104,430104,general;family_neighbour,40',
      'PMB-1,长沙市医疗纠纷人民调解委员会,professional_mediation_body,91350100M000100Y43,430100,430100,medical,80',
      'BAD-1,坏机构,mediation_committee,91350100M000100Y44,430104,430104,general,10',
      'BAD-2,坏机构二,mediation_committee,,430104,430104,general,lots',
    ].join('\n'));
    const r = await importOrgs(ctx, file);
    expect(r).toMatchObject({ accepted: 2, stats: { rows: 4, created: 2, replaced: 0 } });
    expect(r.rejected.map((x) => [x.rowNumber, x.code, x.issues.map((i) => i.code)])).toEqual([[3, 'BAD-1', ['ORGS_USCC_INVALID']], [4, 'BAD-2', ['ORGS_CAPACITY_INVALID']]]);
    expect((await importOrgs(ctx, file)).stats).toEqual({ rows: 4, created: 0, replaced: 2 });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the registry over HTTP: filters by served division and category, masks members’ phones, only regulators write', async () => {
    expect(await loadOrgsDemo(ctx)).toEqual({ inserted: 80, existing: 0 });
    const call = (method: 'GET' | 'POST', url: string, role: string, payload?: object) => app.inject({ method, url, headers: { cookie: cookies[role]! }, ...(payload ? { payload } : {}) });
    const medical = (await call('GET', '/api/orgs?divisionCode=430104&category=medical', 'viewer')).json().orgs.map((o: { code: string }) => o.code);
    expect(medical).toEqual(['CM-430104', 'HC-430100', 'LA-430100', 'PMB-1', 'PMB-430100-medical']); // PMB-1 from the CSV import above
    const one = (await call('GET', '/api/orgs/MC-430104', 'viewer')).json();
    expect(one.members).toHaveLength(6);
    expect(one.members[0].phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const body = { code: 'SO-9', name: '测试社会组织', kind: 'social_organisation', divisionCode: '430104', divisionsServed: ['430104'], categories: ['consumer'], capacity: 5 };
    expect((await call('POST', '/api/orgs', 'viewer', body)).statusCode).toBe(403);
    expect((await call('POST', '/api/orgs', 'regulator', body)).statusCode).toBe(201);
    expect((await call('POST', '/api/orgs', 'regulator', body)).statusCode).toBe(200);
    const bad = await call('POST', '/api/orgs', 'regulator', { ...body, uscc: '91350100M000100Y44' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'ORGS_INVALID', details: [{ code: 'ORGS_USCC_INVALID', field: 'uscc' }] });
    expect((await call('GET', '/api/orgs/NOPE', 'viewer')).json().error.code).toBe('ORGS_NOT_FOUND');
  });
});
