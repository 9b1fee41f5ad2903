/**
 * Every request/response example of the GeoReport v2 spec (shared data `open311/fixtures/`)
 * replayed against the Open311 endpoint on every test dialect: each response conforms to its
 * example in XML and JSON (root, fields, types; conformance rules in open311-conformance.ts).
 * Substitutions, since the examples name another city's data: the api_key `xyz` becomes a key
 * created by the admin command's function, service code 001 a service of the category tree,
 * ids and tokens the ones our server issued. Also: C18 times, errors in the spec's format.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.ts';
import { createApiKey, createOpen311Module, open311Module, revokeApiKey, serviceCatalogue, sqlAppealSink, type Open311Service } from '../src/apps/disputes/open311/index.ts';
import { open311Db } from '../src/apps/disputes/open311/schema.ts';
import { loadConfig } from '../src/config.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { listAudit } from '../src/security/audit.ts';
import { securityModule } from '../src/security/index.ts';
import { testDialects } from '../src/store/testing.ts';
import { conformanceProblems, parseLenientJson, parseXmlDoc, type Doc } from './open311-conformance.ts';

const FIXTURES = path.join(loadConfig().sharedDataDir, 'open311/fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const modules = [securityModule, open311Module];
const NOW = new Date('2026-11-30T02:00:00Z');
const catalogue = serviceCatalogue(loadConfig().sharedDataDir);
const plain = catalogue.services.find((s) => s.attributes.length === 0 && s.type === 'realtime')!;
const medical = catalogue.services.find((s) => s.category.id === '矛盾纠纷/医疗纠纷')!;
const mediation = catalogue.services.find((s) => s.category.level2 === '仲裁与调解')!;

/** The HTTP status and body of an error example ('HTTP/1.1 403 Forbidden', blank line, body). */
function errorExample(name: string): { status: number; body: string } {
  const text = fixture(name);
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)![1]), body: text.slice(text.indexOf('\n\n') + 2) };
}

describe.each(testDialects())('Open311 GeoReport v2 examples on $name', (dialect) => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  let apiKey: string;
  const ids: string[] = [];

  beforeAll(async () => {
    const created = await dialect.create();
    drop = created.drop;
    ctx = await openPlatform(created.config, { modules, now: () => NOW });
    app = await buildApp(ctx, modules, { logger: false });
    apiKey = (await createApiKey(ctx, { label: 'fixture replay client', actor: 'cli:test' })).key;
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.database.close();
    await drop?.();
  });

  const get = (url: string) => app.inject({ method: 'GET', url: `/api/open311/v2/${url}` });
  const xmlOf = (body: string) => parseXmlDoc(body);
  function expectConforms(exampleName: string, body: string, options: { optional?: string[]; mayBeEmpty?: string[] } = {}) {
    if (exampleName.endsWith('.xml') || exampleName.endsWith('_xml')) {
      const example = parseXmlDoc(fixture(exampleName));
      const ours = xmlOf(body);
      expect(ours.declaration).toBe('<?xml version="1.0" encoding="utf-8"?>');
      expect(ours.root).toBe(example.root);
      expect(conformanceProblems(example.value, ours.value, { xml: true, ...options })).toEqual([]);
      return ours.value;
    }
    const ours = JSON.parse(body) as Doc;
    expect(conformanceProblems(parseLenientJson(fixture(exampleName)), ours, { xml: false, ...options })).toEqual([]);
    return ours;
  }

  it('01/02 GET Service List: every leaf of the category tree, in XML and JSON', async () => {
    const xml = await get('services.xml');
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    const list = expectConforms('01_get_service_list.xml', xml.body) as Record<string, string>[];
    expect(list).toHaveLength(525);
    expect(list[0]).toEqual({ service_code: '01-01-001', service_name: '事故处理', description: '城乡建设 › 安全生产 › 事故处理', metadata: 'false', type: 'realtime', keywords: '安全生产, 事故处理', group: '城乡建设' });
    const json = await get('services.json');
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const items = expectConforms('02_get_service_list.json', json.body) as Record<string, unknown>[];
    expect(items.find((s) => s.service_code === medical.code)).toMatchObject({ metadata: true, type: 'batch', group: '矛盾纠纷', service_name: '医疗纠纷' });
  });

  it('03/04 GET Service Definition with attributes and values', async () => {
    const xml = expectConforms('03_get_service_definition.xml', (await get(`services/${medical.code}.xml`)).body, { mayBeEmpty: ['values'] }) as { service_code: string; attributes: Record<string, unknown>[] };
    expect(xml.service_code).toBe(medical.code);
    expect(xml.attributes.map((a) => a.code)).toEqual(['HOSPITAL', 'ROUTE', 'PARTIES']);
    const json = expectConforms('04_get_service_definition.json', (await get(`services/${medical.code}.json`)).body, { mayBeEmpty: ['values'] }) as { attributes: { code: string; required: boolean; order: number; values: { key: string }[] }[] };
    expect(json.attributes[1]).toMatchObject({ code: 'ROUTE', required: false, order: 2 });
    expect(json.attributes[1]!.values.map((v) => v.key)).toEqual(['negotiation', 'peoples_mediation', 'administrative_mediation', 'litigation']);
    const missing = await get('services/99-99-999.xml');
    expect(missing.statusCode).toBe(404);
    expect(xmlOf(missing.body).root).toBe('errors');
  });

  it('05 → 06/07 POST Service Request (form-encoded, the example body) returns service_request_id', async () => {
    const body = fixture('05_post_service_request.txt').split('\n\n')[1]!.trim().replace('api_key=xyz', `api_key=${encodeURIComponent(apiKey)}`).replace('service_code=001', `service_code=${plain.code}`);
    for (const [format, example] of [['xml', '06_post_service_request.xml'], ['json', '07_post_service_request.json']] as const) {
      const res = await app.inject({ method: 'POST', url: `/api/open311/v2/requests.${format}`, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, payload: body });
      expect(res.statusCode, res.body).toBe(201);
      const doc = expectConforms(example, res.body) as Record<string, unknown>[];
      expect(doc).toHaveLength(1);
      expect(doc[0]).toMatchObject({ account_id: '123456', service_notice: plain.notice });
      ids.push(String(doc[0]!.service_request_id));
    }
    // Stored with its attributes, the submitter encrypted (never in plain text in the table).
    const row = await open311Db(ctx.database.db).selectFrom('open311_requests').selectAll().where('id', '=', Number(ids[0])).executeTakeFirstOrThrow();
    expect(JSON.parse(row.attributes)).toEqual({ WHISPAWN: '123456', WHISDORN: 'COISL001' });
    expect(row).toMatchObject({ address: '1234 5th street', lat: 37.76524078, lon: -122.4212043, description: 'A large sinkhole is destroying the street' });
    expect(row.submitter_enc).toMatch(/^x1\./);
    expect(row.submitter_enc).not.toContain('smit333');
  });

  it('08/09 a batch service returns a token; GET tokens/{token} gives the service_request_id', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/open311/v2/requests.json', payload: { api_key: apiKey, service_code: medical.code, address_string: 'A市A3区人民医院', description: '手术后并发症，要求赔偿', attribute: { HOSPITAL: 'A市第一人民医院', ROUTE: 'peoples_mediation', PARTIES: 3 } } });
    expect(res.statusCode, res.body).toBe(201);
    const [item] = res.json() as { token?: string; service_request_id?: string }[];
    expect(item!.service_request_id).toBeUndefined();
    expect(item!.token).toMatch(/^[0-9a-f]{32}$/);
    const xml = expectConforms('08_get_service_request_id_from_a_token.xml', (await get(`tokens/${item!.token}.xml`)).body) as Record<string, string>[];
    const json = expectConforms('09_get_service_request_id_from_a_token.json', (await get(`tokens/${item!.token}.json`)).body) as Record<string, string>[];
    expect(json[0]).toEqual(xml[0]);
    expect(json[0]!.token).toBe(item!.token);
    ids.push(json[0]!.service_request_id!);
    expect((await get('tokens/0123.xml')).statusCode).toBe(404);
  });

  it('10–13 GET Service Requests and GET Service Request, open and closed', async () => {
    await sqlAppealSink(ctx).setStatus(ids[0]!, { status: 'closed', notes: 'Duplicate request.', at: new Date('2026-11-30T03:00:00Z') });
    const listXml = expectConforms('10_get_service_requests.xml', (await get('requests.xml')).body) as Record<string, string>[];
    expect(listXml.map((r) => r.service_request_id).sort()).toEqual([...ids].sort());
    const closed = listXml.find((r) => r.service_request_id === ids[0])!;
    expect(closed).toMatchObject({ status: 'closed', status_notes: 'Duplicate request.', requested_datetime: '2026-11-30T10:00:00+08:00', updated_datetime: '2026-11-30T11:00:00+08:00', expected_datetime: '2026-12-22T10:00:00+08:00' });
    const listJson = expectConforms('11_get_service_requests.json', (await get('requests.json?status=open')).body) as Record<string, unknown>[];
    expect(listJson.map((r) => r.status)).toEqual(['open', 'open']);
    expect(listJson.find((r) => r.service_request_id === ids[2])).toMatchObject({ service_code: medical.code, lat: null, address: 'A市A3区人民医院', expected_datetime: '2027-01-12T10:00:00+08:00' });
    const one = expectConforms('12_get_service_request.xml', (await get(`requests/${ids[1]}.xml`)).body) as Record<string, string>[];
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ service_request_id: ids[1], lat: '37.76524078', long: '-122.4212043' });
    const oneJson = expectConforms('13_get_service_request.json', (await get(`requests/${ids[1]}.json`)).body) as Record<string, unknown>[];
    expect(oneJson[0]).toMatchObject({ lat: 37.76524078, long: -122.4212043, media_url: 'http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg' });
    expect((await get('requests/999999.json')).statusCode).toBe(404);
    const byIds = (await get(`requests.json?service_request_id=${ids[0]},${ids[2]}&status=open`)).json() as { service_request_id: string }[];
    expect(byIds.map((r) => r.service_request_id).sort()).toEqual([ids[0], ids[2]].sort());
    expect((await get(`requests.json?service_code=${medical.code}`)).json()).toHaveLength(1);
  });

  it('14/15 errors: an invalid api_key is refused with 403 in the spec error format', async () => {
    for (const [format, example] of [['xml', '14_errors.txt'], ['json', '15_errors.txt']] as const) {
      const ex = errorExample(example);
      const res = await app.inject({ method: 'POST', url: `/api/open311/v2/requests.${format}`, payload: `api_key=wrong&service_code=${plain.code}&address_string=x`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(res.statusCode).toBe(ex.status);
      if (format === 'xml') {
        const exDoc = parseXmlDoc(ex.body);
        const ours = parseXmlDoc(res.body);
        expect(ours.root).toBe(exDoc.root);
        expect(conformanceProblems(exDoc.value, ours.value, { xml: true })).toEqual([]);
        expect(ours.value).toEqual([{ code: '403', description: "invalid api_key received -- can't proceed with create_request (OPEN311_API_KEY_INVALID)" }]);
      } else {
        expect(conformanceProblems(parseLenientJson(ex.body), res.json() as Doc, { xml: false })).toEqual([]);
      }
    }
    const revoked = await createApiKey(ctx, { label: 'revoked client', actor: 'cli:test' });
    await revokeApiKey(ctx, revoked.id, 'cli:test');
    const res = await app.inject({ method: 'POST', url: '/api/open311/v2/requests.json', payload: { api_key: revoked.key, service_code: plain.code, address_string: 'x' } });
    expect(res.statusCode).toBe(403);
    expect((await listAudit(ctx, { limit: 5 })).map((e) => e.action)).toContain('open311.key_revoke');
  });

  it('C18: a requested_datetime without offset is Asia/Shanghai time: one instant, the local day, written with +08:00', async () => {
    const got: string[] = [];
    for (const requested of ['2024-03-01T00:30:00', '2024-03-01T00:30:00+08:00']) {
      const res = await app.inject({ method: 'POST', url: '/api/open311/v2/requests.json', payload: { api_key: apiKey, service_code: plain.code, lat: 28.2, long: 112.9, requested_datetime: requested } });
      expect(res.statusCode, res.body).toBe(201);
      got.push((res.json() as { service_request_id: string }[])[0]!.service_request_id);
    }
    const rows = await open311Db(ctx.database.db).selectFrom('open311_requests').select(['requested_at', 'local_day']).where('id', 'in', got.map(Number)).execute();
    expect(rows).toEqual([{ requested_at: '2024-02-29T16:30:00.000Z', local_day: '2024-03-01' }, { requested_at: '2024-02-29T16:30:00.000Z', local_day: '2024-03-01' }]);
    const listed = (await get('requests.json?start_date=2024-03-01T00:00:00&end_date=2024-03-01T23:59:59')).json() as { service_request_id: string; requested_datetime: string }[];
    expect(listed.map((r) => r.service_request_id).sort()).toEqual([...got].sort());
    expect(listed.map((r) => r.requested_datetime)).toEqual(['2024-03-01T00:30:00+08:00', '2024-03-01T00:30:00+08:00']);
    // The same instant is outside the UTC day 2024-03-01 (it is 2024-02-29 in UTC).
    expect((await get('requests.json?start_date=2024-03-01T00:00:00Z&end_date=2024-03-01T23:59:59Z')).json()).toEqual([]);
  });

  it('serves the Service Discovery document in XML and JSON (all fields of the spec)', async () => {
    const xml = await app.inject({ method: 'GET', url: '/api/open311/discovery.xml', headers: { host: 'gongzhi.example.cn' } });
    const doc = parseXmlDoc(xml.body);
    expect(doc.root).toBe('discovery');
    const d = doc.value as { changeset: string; contact: string; key_service: string; endpoints: { specification: string; url: string; type: string; formats: string[] }[] };
    expect(d.changeset).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(d.key_service).toContain('gongzhi open311 key create');
    expect(d.endpoints).toEqual([{ specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://gongzhi.example.cn/api/open311/v2', changeset: d.changeset, type: 'production', formats: ['text/xml', 'application/json'] }]);
    const json = (await app.inject({ method: 'GET', url: '/api/open311/discovery.json', headers: { host: 'gongzhi.example.cn' } })).json();
    expect(json).toEqual(d);
  });

  it('refuses bad requests with every problem, in the spec format, with 400/404', async () => {
    const post = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/open311/v2/requests.xml', payload: { api_key: apiKey, ...payload } });
    const noPlace = await post({ service_code: medical.code, description: 'x'.repeat(4001), attribute: { ROUTE: 'duel', PARTIES: 'many' } });
    expect(noPlace.statusCode).toBe(400);
    expect((parseXmlDoc(noPlace.body).value as { description: string }[]).map((e) => /\((\w+)\)$/.exec(e.description)![1])).toEqual([
      'OPEN311_LOCATION_REQUIRED', 'OPEN311_DESCRIPTION_TOO_LONG', 'OPEN311_ATTRIBUTE_REQUIRED', 'OPEN311_ATTRIBUTE_INVALID', 'OPEN311_ATTRIBUTE_INVALID',
    ]);
    expect((await post({ service_code: '99-99-999', lat: 1, long: 1 })).statusCode).toBe(404);
    expect((await post({ lat: 1, long: 1 })).statusCode).toBe(400);
    expect((await post({ service_code: plain.code, lat: 91, long: 1 })).statusCode).toBe(400);
    expect((await post({ service_code: plain.code, lat: 1, long: 1, requested_datetime: '2024-13-01T00:00:00' })).statusCode).toBe(400);
    const multi = await post({ service_code: mediation.code, address_id: 'A-17', attribute: { DISPUTE_KIND: ['family', 'neighbour'], OCCURRED_AT: '2026-11-01' } });
    expect(multi.statusCode, multi.body).toBe(201);
    const noKey = await app.inject({ method: 'POST', url: '/api/open311/v2/requests.json', payload: { service_code: plain.code, lat: 1, long: 1 } });
    expect(noKey.statusCode).toBe(403);
    expect(noKey.json()).toEqual([{ code: 403, description: "api_key is missing -- can't proceed with create_request (OPEN311_API_KEY_MISSING)" }]);
    const zh = await app.inject({ method: 'GET', url: '/api/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z', headers: { 'accept-language': 'zh-CN' } });
    expect(zh.statusCode).toBe(400);
    expect(zh.json()).toEqual([{ code: 400, description: 'start_date 与 end_date 相隔超过 90 天 (OPEN311_DATE_RANGE_TOO_LONG)' }]);
    expect((await get('requests.json?status=pending')).statusCode).toBe(400);
    expect((await get(`services/${plain.code}.html`)).statusCode).toBe(400);
    const unknown = await get('nothing.json');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()[0].code).toBe(404);
    const badJson = await app.inject({ method: 'POST', url: '/api/open311/v2/requests.json', headers: { 'content-type': 'application/json' }, payload: '{"api_key":' });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json()[0].description).toContain('OPEN311_BAD_BODY');
  });
});

describe('POST rate limit', () => {
  it('answers 429 in the spec error format past the limit', async () => {
    const created = await testDialects()[0]!.create();
    const limited = [securityModule, createOpen311Module({ postRateLimit: { max: 2, timeWindow: '1 minute' } })];
    const ctx = await openPlatform(created.config, { modules: limited });
    const app = await buildApp(ctx, limited, { logger: false });
    try {
      const post = () => app.inject({ method: 'POST', url: '/api/open311/v2/requests.xml', payload: { api_key: 'k', service_code: plain.code, lat: 1, long: 1 } });
      expect([(await post()).statusCode, (await post()).statusCode]).toEqual([403, 403]);
      const third = await post();
      expect(third.statusCode).toBe(429);
      expect(parseXmlDoc(third.body)).toMatchObject({ root: 'errors', value: [{ code: '429' }] });
      expect(third.headers['retry-after']).toBeDefined();
    } finally {
      await app.close();
      await ctx.database.close();
      await created.drop();
    }
  });
});

describe('conformance checker', () => {
  it('finds missing fields, foreign fields and wrong types', () => {
    const example = parseLenientJson(fixture('13_get_service_request.json'));
    const good: Record<string, Doc>[] = (example as Record<string, Doc>[]).map((r) => ({ ...r, service_code: '006', requested_datetime: '2010-04-14T22:37:38+08:00' }));
    expect(conformanceProblems(example, good, { xml: false })).toEqual([]);
    const { status: _dropped, ...noStatus } = good[0]!;
    expect(conformanceProblems(example, [{ ...noStatus, lat: '37.7', requested_datetime: '2010-04-14 06:37', extra: 1 }], { xml: false })).toEqual([
      '$[0].status: missing',
      '$[0].requested_datetime: expected a W3C datetime with offset, got "2010-04-14 06:37"',
      '$[0].lat: expected a number, got "37.7"',
      '$[0].extra: not in the spec\'s example',
    ]);
    const xml = parseXmlDoc(fixture('01_get_service_list.xml'));
    expect(conformanceProblems(xml.value, [{ ...(xml.value as Record<string, Doc>[])[0]!, metadata: 'yes' }], { xml: true })).toEqual(['$[0].metadata: expected true/false, got yes']);
  });
});

describe('service catalogue', () => {
  it('gives positional codes, overlay attributes and time limits', () => {
    expect(catalogue.services).toHaveLength(525);
    expect(new Set(catalogue.services.map((s) => s.code)).size).toBe(525);
    expect(medical).toMatchObject({ code: '16-02', name: '医疗纠纷', type: 'batch', category: { id: '矛盾纠纷/医疗纠纷', level1: '矛盾纠纷', level2: '医疗纠纷', level3: null } } satisfies Partial<Open311Service>);
    // The category's SLA (disputes slaPolicy): 1 working day to accept, 30 working days to mediate.
    expect(medical.sla).toMatchObject({ acceptance: { duration: { days: 1 }, calendar: { kind: 'working' } }, resolution: { duration: { days: 30 }, calendar: { kind: 'working' } } });
    expect(medical.notice).toContain('受理后30 个工作日内完成');
    expect(catalogue.byCode.get('17-01')).toMatchObject({ name: '法律咨询', notice: '法律咨询已登记，4 小时内由法律服务站答复预约，3 个工作日内办结。' });
    expect(catalogue.byCode.get('15-03-001')!.category).toEqual({ id: '劳动和社会保障/工资福利/福利待遇', level1: '劳动和社会保障', level2: '工资福利', level3: '福利待遇' });
    expect(catalogue.byCode.get('15-03-001')!.attributes.map((a) => a.code)).toEqual(['EMPLOYER', 'WORKERS', 'AMOUNT']);
  });
});
