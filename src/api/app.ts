/**
 * The HTTP API assembly (fastify 5), built without `listen` so tests use `inject` (fastify
 * Testing guide): cookies, rate limits, OpenAPI 3 (JSON at /api/openapi.json, UI at
 * /api/docs), the session hook that sets `request.user`, one error shape, /api/health,
 * /api/errors, every module's routes in its own plugin scope, and the built web app from
 * web/dist with a fallback to index.html for client-side routes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { AppError, allErrors } from '../core/errors.ts';
import type { GongzhiModule, PlatformContext } from '../platform/module.ts';
import { SESSION_COOKIE, resolveSession } from '../security/sessions.ts';
import { ping } from '../store/database.ts';
import { errorBody, handleError } from './errorHandler.ts';
import './errors.ts';
import { validateRoutes } from './validateRoutes.ts';

/** web/dist of the repository (the built React app), resolved from this file. */
export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Options of buildApp. */
export interface BuildAppOptions {
  /** Log requests with pino at config.logLevel (default true; tests pass false). */
  readonly logger?: boolean;
  /** Directory of the built web app (default WEB_DIST); served only if it has index.html. */
  readonly webDist?: string;
}

/**
 * Build the Fastify app for a platform context and its modules (routes of each module are
 * registered in their own scope). Does not listen.
 */
export async function buildApp(ctx: PlatformContext, modules: readonly GongzhiModule[], options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false || ctx.config.logLevel === 'silent' ? false : { level: ctx.config.logLevel },
    bodyLimit: 16 * 1024 * 1024,
    ajv: { customOptions: { strict: false } },
  });
  app.decorate('platform', ctx);
  app.decorateRequest('user', null);
  app.decorateRequest('access', null);
  app.setErrorHandler(handleError);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new AppError('RATE_LIMITED', { retryAfter: context.after, retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '共治 Gongzhi API', version: '0.1.0', description: 'Social-governance data platform. Errors: { error: { code, message, messageEn, params, details } }; codes at GET /api/errors.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    request.user = await resolveSession(ctx, request.cookies[SESSION_COOKIE]);
  });
  // Hardening without a helmet dependency: no MIME sniffing, no framing, no cross-site referrers;
  // API answers (personal data among them) are never stored by browsers or proxies.
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) reply.header('cache-control', 'no-store');
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { schema: { tags: ['platform'], summary: '健康检查 health' } }, async () => ({
    ok: await ping(ctx.database),
    dialect: ctx.database.dialect,
    time: ctx.now().toISOString(),
  }));
  app.get('/api/errors', { schema: { tags: ['platform'], summary: '错误码目录 error catalogue' } }, async () => ({
    errors: allErrors().map((e) => ({ code: e.code, status: e.status, zh: e.zh, en: e.en, module: e.module })),
  }));

  validateRoutes(app);

  for (const m of modules) {
    if (m.routes) await app.register(async (scope) => m.routes!(scope, ctx));
  }

  const webDist = options.webDist ?? WEB_DIST;
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: 'index.html' });
  app.setNotFoundHandler(async (request, reply) => {
    const pathname = request.url.split('?')[0]!;
    if (hasWeb && (request.method === 'GET' || request.method === 'HEAD') && !pathname.startsWith('/api/') && pathname !== '/api') {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    reply.code(404);
    return errorBody(new AppError('ROUTE_NOT_FOUND', { method: request.method, url: pathname }));
  });
  return app;
}
