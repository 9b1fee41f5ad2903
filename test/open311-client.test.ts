/**
 * An Open311 client written from the spec alone (open311-client.ts) lists services, reads a
 * definition, submits requests and reads them back from the running server over real HTTP, in
 * XML and in JSON (issue 5: "an Open311 client written from the spec alone can list services,
 * submit, and read back a request").
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.ts';
import { createApiKey, open311Module } from '../src/apps/disputes/open311/index.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { securityModule } from '../src/security/index.ts';
import { testDialects } from '../src/store/testing.ts';
import { Open311Client, Open311ClientError } from './open311-client.ts';

const modules = [securityModule, open311Module];
const [sqlite] = testDialects();

describe('a spec-only Open311 client against the running server', () => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  let endpoint: string;
  let key: string;

  beforeAll(async () => {
    const created = await sqlite!.create();
    drop = created.drop;
    ctx = await openPlatform(created.config, { modules });
    app = await buildApp(ctx, modules, { logger: false });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    endpoint = `${address}/api/open311/v2`;
    key = (await createApiKey(ctx, { label: '12345 热线对接', actor: 'cli:test' })).key;
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.database.close();
    await drop?.();
  });

  for (const format of ['xml', 'json'] as const) {
    it(`lists services, submits and reads back a request (${format})`, async () => {
      const client = new Open311Client(endpoint, format, key);
      const services = await client.services();
      expect(services).toHaveLength(525);
      const wages = services.find((s) => s.service_name === '最低工资标准')!;
      expect(wages).toMatchObject({ group: '劳动和社会保障', metadata: true, type: 'realtime' });
      const attributes = await client.definition(wages.service_code);
      expect(attributes.filter((a) => a.required).map((a) => a.code)).toEqual(['EMPLOYER']);

      const sent = await client.submit(
        { service_code: wages.service_code, address_string: 'A市A5区劳动路 8 号', description: '工地拖欠三个月工资，约 20 名工人', email: 'worker@example.cn', requested_datetime: '2026-11-02T09:15:00' },
        { EMPLOYER: 'A市某建筑劳务公司', WORKERS: '20', AMOUNT: '360000' },
      );
      expect(sent.service_request_id).toMatch(/^\d+$/);
      expect(sent.service_notice).toBe('诉求已登记，1 个工作日内受理，受理后15 个工作日内办结答复。');
      const back = await client.request(sent.service_request_id!);
      expect(back).toMatchObject({ service_request_id: sent.service_request_id, status: 'open', service_code: wages.service_code, service_name: '最低工资标准', description: '工地拖欠三个月工资，约 20 名工人', address: 'A市A5区劳动路 8 号', requested_datetime: '2026-11-02T09:15:00+08:00', lat: null });
      // Accepted within P1D working (Tuesday 3 November), resolved within P15D working → Tuesday 24 November.
      expect(back.expected_datetime).toBe('2026-11-24T09:15:00+08:00');
      const listed = await client.requests({ start_date: '2026-11-01T00:00:00+08:00', end_date: '2026-11-03T00:00:00+08:00', service_code: wages.service_code });
      expect(listed.map((r) => String(r.service_request_id))).toContain(sent.service_request_id);

      const medical = services.find((s) => s.type === 'batch')!;
      const batch = await client.submit({ service_code: medical.service_code, lat: 28.19, long: 112.97 }, { HOSPITAL: 'A市第三医院' });
      expect(batch.service_request_id).toBeUndefined();
      const id = await client.fromToken(batch.token!);
      expect((await client.request(id)).lat).toBe(28.19);

      const refused = await new Open311Client(endpoint, format, 'not-a-key').submit({ service_code: wages.service_code, address_string: 'x' }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(Open311ClientError);
      expect(refused).toMatchObject({ status: 403, errors: [{ code: '403' }] });
    });
  }
});
