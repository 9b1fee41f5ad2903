import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { GongzhiModule, PlatformContext } from '../platform/module.ts';
import { openPlatform } from '../platform/platform.ts';
import { securityModule } from '../security/index.ts';
import { testDialects } from '../store/testing.ts';
import { buildApp } from './app.ts';
import { route } from './route.ts';

const sqlite = testDialects()[0]!;

const probe: GongzhiModule = {
  name: 'probe',
  routes: (app) => {
    route(app, {
      method: 'POST',
      url: '/api/probe/echo',
      tags: ['probe'],
      summary: 'echo',
      body: z.object({ name: z.string().min(2), count: z.number().int().min(1), nested: z.object({ day: z.iso.date() }).optional() }),
      query: z.object({ loud: z.enum(['yes', 'no']).default('no') }),
      status: 201,
      handler: ({ body, query }) => ({ name: query.loud === 'yes' ? body.name.toUpperCase() : body.name, count: body.count }),
    });
    route(app, {
      method: 'GET',
      url: '/api/probe/person',
      query: z.object({ idNumber: z.string() }),
      access: ['parcel.lookup', 'parcel'],
      handler: ({ access }) => ({ purpose: access!.purpose }),
    });
    route(app, {
      method: 'GET',
      url: '/api/probe/crash',
      handler: () => {
        throw new Error('connection string postgres://secret@db');
      },
    });
  },
};

describe('API assembly', () => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  let webDist: string;

  beforeAll(async () => {
    const created = await sqlite.create();
    drop = created.drop;
    ctx = await openPlatform(created.config, { modules: [securityModule] });
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-web-'));
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>共治</title><div id="root"></div>');
    fs.mkdirSync(path.join(webDist, 'assets'));
    fs.writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log(1)');
    app = await buildApp(ctx, [securityModule, probe], { logger: false, webDist });
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.database.close();
    await drop?.();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  it('answers health and the error catalogue', async () => {
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toMatchObject({ ok: true, dialect: 'sqlite' });
    expect(health.headers).toMatchObject({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'same-origin' });
    const errors = (await app.inject({ method: 'GET', url: '/api/errors' })).json().errors as { code: string; status: number; zh: string }[];
    expect(errors.find((e) => e.code === 'UNAUTHENTICATED')).toMatchObject({ status: 401, zh: '请先登录' });
    expect(errors.find((e) => e.code === 'ACCESS_PURPOSE_REQUIRED')?.status).toBe(403);
    expect(errors.find((e) => e.code === 'VALIDATION_FAILED')?.status).toBe(422);
  });

  it('publishes an OpenAPI 3 document listing the auth routes, and the docs UI', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/auth/logout', '/api/auth/me', '/api/audit', '/api/audit/verify', '/api/health', '/api/probe/echo']));
    expect(doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema).toMatchObject({ type: 'object', required: ['username', 'password'] });
    expect(doc.paths['/api/audit'].get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['before', 'limit']);
    expect(doc.paths['/api/audit'].get.security).toEqual([{ session: [] }]);
    // A person-level route documents (and accepts) purpose and legal basis without declaring them.
    expect(doc.paths['/api/probe/person'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['idNumber', 'purpose', 'legalBasis']);
    expect(doc.components.securitySchemes.session).toEqual({ type: 'apiKey', in: 'cookie', name: 'gongzhi_session' });
    const ui = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });

  it('validates with zod: parsed values to the handler, 422 with one issue per field', async () => {
    const ok = await app.inject({ method: 'POST', url: '/api/probe/echo?loud=yes', payload: { name: 'li', count: 3, extra: 1 } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toEqual({ name: 'LI', count: 3 });
    const bad = await app.inject({ method: 'POST', url: '/api/probe/echo', payload: { name: 'l', nested: { day: '2026-02-30' } } });
    expect(bad.statusCode).toBe(422);
    const err = bad.json().error;
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', params: { count: 3 } });
    expect(err.details.map((d: { code: string; field: string }) => [d.code, d.field])).toEqual([
      ['FIELD_INVALID', 'name'],
      ['REQUIRED', 'count'],
      ['FIELD_INVALID', 'nested.day'],
    ]);
    const q = await app.inject({ method: 'POST', url: '/api/probe/echo?loud=maybe', payload: { name: 'li', count: 1 } });
    expect(q.json().error.details[0]).toMatchObject({ code: 'FIELD_INVALID', field: 'loud', params: { part: 'querystring' } });
  });

  it('maps client errors, unknown routes and crashes to the one error shape', async () => {
    const json = await app.inject({ method: 'POST', url: '/api/probe/echo', headers: { 'content-type': 'application/json' }, payload: '{"name":' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('BAD_REQUEST');
    const missing = await app.inject({ method: 'GET', url: '/api/nothing/here?x=1' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'ROUTE_NOT_FOUND', params: { method: 'GET', url: '/api/nothing/here' } });
    const crash = await app.inject({ method: 'GET', url: '/api/probe/crash' });
    expect(crash.statusCode).toBe(500);
    expect(crash.json()).toEqual({ error: { code: 'INTERNAL', message: '内部错误', messageEn: 'internal error', params: {}, details: [] } });
    expect(crash.body).not.toContain('secret');
  });

  it('serves the web app with a fallback to index.html for client routes', async () => {
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('<div id="root">');
    const asset = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(asset.body).toBe('console.log(1)');
    const deep = await app.inject({ method: 'GET', url: '/parcels/lookup?x=1' });
    expect(deep.statusCode).toBe(200);
    expect(deep.headers['content-type']).toMatch(/text\/html/);
    expect(deep.body).toContain('共治');
    expect((await app.inject({ method: 'POST', url: '/parcels/lookup' })).statusCode).toBe(404);
  });
});
