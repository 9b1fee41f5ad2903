/**
 * The route helper that keeps app routes thin (STYLE: validate → authorize → command →
 * present): a route is a method, a URL, zod schemas for body/query/params, an optional policy
 * `[action, recordKind]`, and a handler receiving parsed input and the signed-in user.
 * zod validates (errors → 422 with per-field issues); the same schemas, converted with
 * z.toJSONSchema, describe the route in the OpenAPI document.
 *
 * @example
 * route(app, {
 *   method: 'GET', url: '/api/parcels/lookup', tags: ['parcels'], summary: '按运单号/证件号/电话查询',
 *   query: z.object({ idNumber: z.string().optional(), purpose: z.string(), legalBasis: z.string().optional() }),
 *   access: ['parcel.lookup', 'parcel'],
 *   handler: async ({ query, user, request }) => lookupParcels(ctx, query, user, request),
 * });
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../core/errors.ts';
import type { PlatformContext } from '../platform/module.ts';
import { auditRefusal, requireAccess, statedPurpose, type AccessGrant } from '../security/access.ts';
import { findPolicy, type Action, type RecordKind } from '../security/policies.ts';
import type { SessionUser } from '../security/users.ts';
import { openApiSchema, zodToAppError } from './validation.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The platform context (set once by buildApp; visible in every plugin scope). */
    platform: PlatformContext;
  }
}

/** Fields every person-level route accepts: 用途/查询事由 and 法律依据/案件编号. */
export const PURPOSE_FIELDS = {
  purpose: z.string().max(500).optional().describe('用途 / 查询事由 (required for person-level access, ≥ 4 characters)'),
  legalBasis: z.string().max(200).optional().describe('法律依据 / 案件编号 (optional)'),
};

/** For a person-level policy, make sure the part the purpose is read from accepts purpose and legalBasis. */
function withPurpose(s: z.ZodType | undefined): z.ZodType {
  if (!s) return z.looseObject(PURPOSE_FIELDS);
  if (!(s instanceof z.ZodObject)) return s;
  const missing = Object.fromEntries(Object.entries(PURPOSE_FIELDS).filter(([k]) => !(k in s.shape)));
  return Object.keys(missing).length > 0 ? s.extend(missing) : s;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a route handler receives: parsed parts, the user and the accepted access decision. */
export interface RouteInput<B, Q, P> {
  readonly body: Out<B>;
  readonly query: Out<Q>;
  readonly params: Out<P>;
  /** The signed-in user; never null when the route declares `access` or `auth: true`. */
  readonly user: SessionUser | null;
  /** The accepted policy decision (purpose, legal basis) when the route declares `access`. */
  readonly access: AccessGrant | null;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

/** A route declaration for route(). */
export interface RouteSpec<B extends z.ZodType | undefined, Q extends z.ZodType | undefined, P extends z.ZodType | undefined> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly summary?: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly body?: B;
  readonly query?: Q;
  readonly params?: P;
  /** Policy checked before the handler (src/security/policies.ts); implies a signed-in user. */
  readonly access?: readonly [Action, RecordKind];
  /** Where the purpose/legalBasis are read for `access` (default: query for GET/DELETE, else body). */
  readonly purposeFrom?: 'query' | 'body';
  /** Require a signed-in user without a policy (e.g. /api/auth/me). */
  readonly auth?: boolean;
  /** Per-route rate limit (@fastify/rate-limit), e.g. { max: 20, timeWindow: '1 minute' }. */
  readonly rateLimit?: { readonly max: number; readonly timeWindow: string | number; readonly keyGenerator?: (request: FastifyRequest) => string };
  /** HTTP status of a successful response (default 200). */
  readonly status?: number;
  readonly handler: (input: RouteInput<B, Q, P>) => unknown;
}

/**
 * Register one route on `app` (any plugin scope of an app built by buildApp).
 * The handler's return value is sent as JSON with `spec.status` (default 200); return
 * `reply` after sending something else yourself.
 */
export function route<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, P extends z.ZodType | undefined = undefined>(
  app: FastifyInstance,
  spec: RouteSpec<B, Q, P>,
): void {
  const parts: Record<'body' | 'querystring' | 'params', z.ZodType | undefined> = { body: spec.body, querystring: spec.query, params: spec.params };
  const personLevel = Boolean(spec.access && findPolicy(spec.access[0], spec.access[1])?.personLevel);
  if (personLevel) {
    const from = spec.purposeFrom ?? (spec.method === 'GET' || spec.method === 'DELETE' ? 'querystring' : 'body');
    parts[from === 'query' ? 'querystring' : from] = withPurpose(parts[from === 'query' ? 'querystring' : from]);
  }
  const schema: Record<string, unknown> = { tags: spec.tags ? [...spec.tags] : undefined, summary: spec.summary, description: spec.description };
  for (const [part, s] of Object.entries(parts)) if (s) schema[part] = openApiSchema(s);
  if (spec.access || spec.auth) schema.security = [{ session: [] }];
  const needsUser = Boolean(spec.access || spec.auth);
  app.route({
    method: spec.method,
    url: spec.url,
    schema,
    config: spec.rateLimit ? { rateLimit: spec.rateLimit } : {},
    validatorCompiler: ({ httpPart }) => {
      const s = httpPart ? parts[httpPart as keyof typeof parts] : undefined;
      return (data: unknown) => {
        if (!s) return { value: data };
        const r = s.safeParse(data);
        return r.success ? { value: r.data } : { error: zodToAppError(r.error, data, httpPart) };
      };
    },
    onRequest: async (request) => {
      if (!needsUser || request.user) return;
      // Refusals of person-level actions are audited even without a session (actor 'anonymous').
      if (personLevel) await auditRefusal(app.platform, request, { action: spec.access![0], recordKind: spec.access![1], reason: 'UNAUTHENTICATED', ...statedPurpose(request.query) });
      throw new AppError('UNAUTHENTICATED');
    },
    preHandler: spec.access ? requireAccess(app.platform, spec.access[0], spec.access[1], { purposeFrom: spec.purposeFrom }) : [],
    handler: async (request, reply) => {
      const result = await spec.handler({
        body: request.body as Out<B>,
        query: request.query as Out<Q>,
        params: request.params as Out<P>,
        user: request.user,
        access: request.access,
        request,
        reply,
      });
      if (result === reply || reply.sent) return reply;
      reply.code(spec.status ?? 200);
      return result ?? {};
    },
  });
}
