/**
 * Open311 into the disputes application (createOpen311Module({ intoDisputes: true })): a
 * request posted by an Open311 client becomes an appeal (channel open311, external id = the
 * service_request_id, the service's category, the county from the address), routed to a
 * mediation body whose name the client reads back as agency_responsible; when the appeal is
 * answered and closed through its workflow, the client sees status closed with the reason.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.ts';
import { fireTransition } from '../src/apps/disputes/caseWork.ts';
import { createApiKey, createOpen311Module, serviceCatalogue } from '../src/apps/disputes/open311/index.ts';
import { findByExternalId } from '../src/apps/disputes/repository.ts';
import { disputesMigrations } from '../src/apps/disputes/schema.ts';
import { loadOrgsDemo, orgsModule } from '../src/apps/orgs/index.ts';
import { findOrg } from '../src/apps/orgs/repository.ts';
import { loadConfig } from '../src/config.ts';
import type { GongzhiModule, PlatformContext } from '../src/platform/module.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { securityModule } from '../src/security/index.ts';
import { testDialects } from '../src/store/testing.ts';

const modules: GongzhiModule[] = [securityModule, orgsModule, { name: 'disputes', migrations: disputesMigrations }, createOpen311Module({ intoDisputes: true })];
const catalogue = serviceCatalogue(loadConfig().sharedDataDir);
const wages = catalogue.services.find((s) => s.category.level2 === '工资福利' && s.category.level1 === '劳动和社会保障')!;

describe.each(testDialects())('Open311 requests become appeals on $name', (dialect) => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  let key: string;

  beforeAll(async () => {
    const created = await dialect.create();
    drop = created.drop;
    ctx = await openPlatform(created.config, { modules, now: () => new Date('2026-11-30T02:00:00Z') });
    app = await buildApp(ctx, modules, { logger: false });
    await loadOrgsDemo(ctx);
    key = (await createApiKey(ctx, { label: '12345 热线', actor: 'cli:test' })).key;
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.database.close();
    await drop?.();
  });

  it('registers, routes and reports the appeal back in GeoReport v2 terms', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/open311/v2/requests.json',
      payload: { api_key: key, service_code: wages.code, address_string: '湖南省长沙市芙蓉区五一大道 1 号工地', description: '工地拖欠 20 名工人三个月工资', first_name: '伟', last_name: '张', phone: '13800138000', requested_datetime: '2026-11-30T09:00:00', attribute: { EMPLOYER: '某建筑劳务公司' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as { service_request_id: string }[])[0]!.service_request_id;
    const appeal = (await findByExternalId(ctx.database, 'open311', id))!;
    expect(appeal).toMatchObject({ channel: 'open311', division_code: '430102', category: `劳动和社会保障/工资福利/${wages.name}`, received_at: '2026-11-30T01:00:00.000Z', received_day: '2026-11-30' });
    const org = await findOrg(ctx.database, appeal.org_code!);
    expect(org?.name).toBeTruthy();
    const open = (await app.inject({ method: 'GET', url: `/api/open311/v2/requests/${id}.json` })).json()[0];
    expect(open).toMatchObject({ service_request_id: id, status: 'open', agency_responsible: org!.name, requested_datetime: '2026-11-30T09:00:00+08:00' });

    const actor = { username: 'operator1', role: 'operator' };
    await fireTransition(ctx, appeal.appeal_no, 'accept', actor);
    await fireTransition(ctx, appeal.appeal_no, 'answer', actor, { reason: '已责令用人单位限期支付拖欠工资' });
    const closed = (await app.inject({ method: 'GET', url: `/api/open311/v2/requests.xml?service_request_id=${id}` })).body;
    expect(closed).toContain('<status>closed</status>');
    expect(closed).toContain('<status_notes>已责令用人单位限期支付拖欠工资</status_notes>');
    expect((await app.inject({ method: 'GET', url: '/api/open311/v2/requests.json?status=open' })).json()).toEqual([]);
  });

  it('refuses a request whose county cannot be told, and stores nothing', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/open311/v2/requests.json', payload: { api_key: key, service_code: wages.code, lat: 28.19, long: 112.97, attribute: { EMPLOYER: 'x' } } });
    expect(res.statusCode).toBe(400);
    expect(res.json()[0].description).toContain('OPEN311_DIVISION_REQUIRED');
    const withCode = await app.inject({ method: 'POST', url: '/api/open311/v2/requests.json', payload: { api_key: key, service_code: wages.code, lat: 28.19, long: 112.97, division_code: '430104', attribute: { EMPLOYER: 'x' } } });
    expect(withCode.statusCode, withCode.body).toBe(201);
    expect((await app.inject({ method: 'GET', url: '/api/open311/v2/requests.json' })).json()).toHaveLength(2);
  });
});
