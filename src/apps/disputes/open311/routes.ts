/**
 * HTTP routes of the Open311 GeoReport v2 endpoint under /api/open311/v2 (spec:
 * wiki.open311.org/GeoReport_v2, "API methods"):
 *
 * | method | path | spec method |
 * |---|---|---|
 * | GET | services.{xml,json} | GET Service List |
 * | GET | services/{service_code}.{xml,json} | GET Service Definition |
 * | POST | requests.{xml,json} | POST Service Request (api_key; form-encoded or JSON body) |
 * | GET | tokens/{token}.{xml,json} | GET service_request_id from a token |
 * | GET | requests.{xml,json} | GET Service Requests |
 * | GET | requests/{service_request_id}.{xml,json} | GET Service Request |
 * | GET | /api/open311/discovery.{xml,json} | Service Discovery (wiki.open311.org/Service_Discovery) |
 *
 * The scope has its own body parser (application/x-www-form-urlencoded with
 * `attribute[code]=v` and `attribute[code][]=v`), error handler and not-found handler, so
 * every failure is answered in the spec's error format (errors/error, code, description) in
 * the format the URL asked for, with the spec's HTTP status (403 key, 404 unknown, 400 else).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorDef, issue, type Issue } from '../../../core/errors.ts';
import type { PlatformContext } from '../../../platform/module.ts';
import { sqlAppealSink, type AppealSink } from './appealSink.ts';
import { disputesAppealSink } from './disputesBridge.ts';
import { Open311Errors as E } from './errors.ts';
import { CONTENT_TYPES, discoveryDocument, errorList, render, requestItem, serviceDefinition, serviceListItem, type Open311Format, type WireRecord, type WireValue } from './format.ts';
import { requestFilterFrom, submitServiceRequest, type Open311Deps, type WireArgs } from './open311Service.ts';
import { serviceCatalogue } from './services.ts';

/** POST requests per client address and minute (@fastify/rate-limit; answered 429 in the spec's error format). */
export const POST_RATE_LIMIT = { max: 600, timeWindow: '1 minute' } as const;

/** Where the endpoint is mounted. */
export const OPEN311_PREFIX = '/api/open311/v2';

type Attributes = Record<string, string | string[]>;

/** 'YYYY-MM-DD HH:mm' (UTC) of the newest of the catalogue's source files: the discovery changeset. */
function changeset(sharedDataDir: string): string {
  const files = [path.join(path.dirname(fileURLToPath(import.meta.url)), 'services.yaml'), path.join(sharedDataDir, 'appeals/taxonomy.csv')];
  const newest = Math.max(...files.map((f) => fs.statSync(f).mtimeMs));
  return new Date(newest).toISOString().slice(0, 16).replace('T', ' ');
}

/** Parse a form-encoded body: repeated fields become arrays; attribute[code] / attribute[code][] go to `attributes`. */
export function parseForm(body: string): { args: Record<string, string | string[]>; attributes: Attributes } {
  const args: Record<string, string | string[]> = {};
  const attributes: Attributes = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(k);
    const target = m ? attributes : args;
    const name = m ? m[1]! : k;
    const prev = target[name];
    target[name] = prev === undefined ? (m?.[2] ? [v] : v) : [...(Array.isArray(prev) ? prev : [prev]), v];
  }
  return { args, attributes };
}

/** Read a JSON body the same way: scalars as text; `attribute` as an object, or flat attribute[code] keys. */
function fromJson(body: unknown): { args: Record<string, string | string[]>; attributes: Attributes } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError(E.OPEN311_BAD_BODY, { reason: 'a JSON object is expected' });
  const text = (v: unknown): string | string[] => (Array.isArray(v) ? v.map((x) => String(x)) : v === null || v === undefined ? '' : String(v));
  const args: Record<string, string | string[]> = {};
  const attributes: Attributes = {};
  for (const [k, v] of Object.entries(body)) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(k);
    if (k === 'attribute' && typeof v === 'object' && v !== null && !Array.isArray(v)) for (const [c, a] of Object.entries(v)) attributes[c] = text(a);
    else if (m) attributes[m[1]!] = text(v);
    else args[k] = text(v);
  }
  return { args, attributes };
}

/** The format named by a URL path's extension, or null. */
function formatOf(url: string): Open311Format | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(url.split('?')[0]!)?.[1]?.toLowerCase();
  return ext === 'xml' || ext === 'json' ? ext : null;
}

/** Split 'CODE.fmt' into the resource id and a format (400 for an unknown format). */
function idAndFormat(file: string): { id: string; format: Open311Format } {
  const dot = file.lastIndexOf('.');
  const format = dot > 0 ? file.slice(dot + 1).toLowerCase() : '';
  if (format !== 'xml' && format !== 'json') throw new AppError(E.OPEN311_BAD_FORMAT, { format: format || '-' });
  return { id: decodeURIComponent(file.slice(0, dot)), format };
}

function send(reply: FastifyReply, format: Open311Format, root: string, value: WireValue, status = 200): FastifyReply {
  return reply.code(status).header('content-type', CONTENT_TYPES[format]).send(render(format, root, value));
}

function describe(i: Issue, zh: boolean): string {
  return `${zh ? i.message : i.messageEn} (${i.code})`;
}

function errorReply(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const format = formatOf(request.url) ?? 'xml';
  const zh = /^\s*zh/i.test(String(request.headers['accept-language'] ?? ''));
  if (error instanceof AppError) {
    const list = (error.details.length ? error.details : [error.issue]).map((i) => ({ status: ((s: number) => (s === 422 ? 400 : s))(errorDef(i.code)?.status ?? error.status), description: describe(i, zh) }));
    return send(reply, format, 'errors', errorList(list), error.status === 422 ? 400 : error.status);
  }
  const fe = error as Partial<FastifyError>;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const i = issue(E.OPEN311_BAD_BODY, { reason: String(fe.message ?? fe.code) });
    return send(reply, format, 'errors', errorList([{ status: 400, description: describe(i, zh) }]), 400);
  }
  request.log.error({ err: error }, 'open311 failure');
  const i = issue('INTERNAL');
  return send(reply, format, 'errors', errorList([{ status: 500, description: describe(i, zh) }]), 500);
}

/** Options of open311Routes. */
export interface Open311RouteOptions {
  /** Where requests go; default: `disputesAppealSink` with `intoDisputes`, else the SQL sink. */
  readonly sink?: AppealSink;
  /** Make every request an appeal of the disputes app (needs its and the orgs tables); the county must be known. */
  readonly intoDisputes?: boolean;
  /** Zone of the endpoint; default config.timezone (Asia/Shanghai). */
  readonly timezone?: string;
  /** POST limit per client address; default POST_RATE_LIMIT. */
  readonly postRateLimit?: { readonly max: number; readonly timeWindow: string | number };
}

/** Register the endpoint on `app` for a platform context (see Open311RouteOptions). */
export async function open311Routes(app: FastifyInstance, ctx: PlatformContext, options: Open311RouteOptions = {}): Promise<void> {
  const timezone = options.timezone ?? ctx.config.timezone;
  const sink = options.sink ?? (options.intoDisputes ? disputesAppealSink(ctx) : sqlAppealSink(ctx));
  const deps: Open311Deps = { ctx, sink, catalogue: serviceCatalogue(ctx.config.sharedDataDir, timezone), timezone, requireDivision: options.intoDisputes === true };
  const discoveryChangeset = changeset(ctx.config.sharedDataDir);
  for (const format of ['xml', 'json'] as const) {
    app.get(`/api/open311/discovery.${format}`, { schema: { tags: ['open311'], summary: `Open311 服务发现 service discovery (${format})` } }, async (request, reply) =>
      send(reply, format, 'discovery', discoveryDocument({ url: `${request.protocol}://${request.headers.host ?? 'localhost'}${OPEN311_PREFIX}`, changeset: discoveryChangeset })));
  }
  await app.register(
    async (scope) => {
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, { form: parseForm(String(body)) }));
      scope.setErrorHandler(async (error, request, reply) => errorReply(error, request, reply));
      scope.setNotFoundHandler(async (request, reply) => errorReply(new AppError('NOT_FOUND', { what: request.url.split('?')[0]! }), request, reply));
      const doc = (summary: string) => ({ schema: { tags: ['open311'], summary } });

      for (const format of ['xml', 'json'] as const) {
        scope.get(`/services.${format}`, doc(`GeoReport v2 服务列表 service list (${format})`), async (_request, reply) =>
          send(reply, format, 'services', deps.catalogue.services.map(serviceListItem)));
        scope.get(`/requests.${format}`, doc(`GeoReport v2 查询服务请求 service requests (${format})`), async (request, reply) => {
          const filter = requestFilterFrom(request.query as WireArgs, ctx.now(), timezone);
          const rows = await deps.sink.list(filter);
          return send(reply, format, 'service_requests', rows.map((r) => requestItem(r, timezone)));
        });
        scope.post(`/requests.${format}`, { ...doc(`GeoReport v2 提交服务请求 create a service request (${format}; api_key)`), config: { rateLimit: options.postRateLimit ?? POST_RATE_LIMIT } }, async (request, reply) => {
          const body = request.body as { form?: ReturnType<typeof parseForm> } | undefined;
          const parsed = body?.form ?? fromJson(body ?? {});
          const query = request.query as WireArgs;
          const args = { ...(query.api_key && !parsed.args.api_key ? { api_key: query.api_key } : {}), ...parsed.args };
          const r = await submitServiceRequest(deps, args, parsed.attributes);
          const item: WireRecord = r.type === 'realtime' ? { service_request_id: r.id } : r.type === 'batch' ? { token: r.token } : {};
          return send(reply, format, 'service_requests', [{ ...item, service_notice: r.serviceNotice, account_id: r.accountId }], 201);
        });
      }
      scope.get('/services/:file', doc('GeoReport v2 服务定义 service definition'), async (request, reply) => {
        const { id, format } = idAndFormat((request.params as { file: string }).file);
        const service = deps.catalogue.byCode.get(id);
        if (!service) throw new AppError(E.OPEN311_SERVICE_NOT_FOUND, { serviceCode: id });
        return send(reply, format, 'service_definition', serviceDefinition(service));
      });
      scope.get('/requests/:file', doc('GeoReport v2 单个服务请求 one service request'), async (request, reply) => {
        const { id, format } = idAndFormat((request.params as { file: string }).file);
        const found = await deps.sink.get(id);
        if (!found) throw new AppError(E.OPEN311_REQUEST_NOT_FOUND, { id });
        return send(reply, format, 'service_requests', [requestItem(found, timezone)]);
      });
      scope.get('/tokens/:file', doc('GeoReport v2 由令牌取请求编号 service_request_id from a token'), async (request, reply) => {
        const { id, format } = idAndFormat((request.params as { file: string }).file);
        const found = await deps.sink.getByToken(id);
        if (!found) throw new AppError(E.OPEN311_TOKEN_NOT_FOUND, { token: id });
        return send(reply, format, 'service_requests', [{ service_request_id: found.id, token: found.token }]);
      });
    },
    { prefix: OPEN311_PREFIX },
  );
}
