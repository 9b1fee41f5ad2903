/**
 * HTTP routes of the security module: login / logout / me (cookie sessions) and the audit log
 * for administrators. Failed and successful logins are audited; login is rate-limited per
 * client address.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../api/route.ts';
import { AppError, issue } from '../core/errors.ts';
import type { PlatformContext } from '../platform/module.ts';
import { appendAudit, listAudit } from './audit.ts';
import { verifyAuditLog } from './auditVerify.ts';
import './errors.ts';
import { SESSION_COOKIE, SESSION_TTL_MS, createSession, deleteSession, purgeExpiredSessions } from './sessions.ts';
import { userRoutes } from './userRoutes.ts';
import { authenticate } from './users.ts';

/** Login attempts allowed per client address per window. */
export const LOGIN_RATE_LIMIT = { max: 20, timeWindow: '1 minute' } as const;

const loginBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
});

/** Register /api/auth/*, /api/audit* and /api/users* on `app`. */
export function securityRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  userRoutes(app, ctx);
  route(app, {
    method: 'POST',
    url: '/api/auth/login',
    tags: ['auth'],
    summary: '登录 log in',
    description: 'Checks the password; on success sets an HttpOnly session cookie (8 hours) and returns the user. Wrong credentials → 401 UNAUTHENTICATED with detail INVALID_CREDENTIALS.',
    body: loginBody,
    rateLimit: { ...LOGIN_RATE_LIMIT },
    handler: async ({ body, request, reply }) => {
      const user = await authenticate(ctx, body.username, body.password);
      if (!user) {
        await appendAudit(ctx, {
          actor: body.username.trim().toLowerCase(),
          action: 'auth.login',
          outcome: 'refused',
          detail: { reason: 'INVALID_CREDENTIALS', ip: request.ip },
        });
        throw new AppError('UNAUTHENTICATED', undefined, [issue('INVALID_CREDENTIALS')]);
      }
      await purgeExpiredSessions(ctx);
      const session = await createSession(ctx, user.id);
      await appendAudit(ctx, { actor: user.username, role: user.role, action: 'auth.login', outcome: 'allowed', detail: { ip: request.ip } });
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: 'auto',
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      });
      return { user };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/auth/logout',
    tags: ['auth'],
    summary: '退出 log out',
    description: 'Deletes the session and clears the cookie (also when no session is active).',
    handler: async ({ request, reply }) => {
      await deleteSession(ctx, request.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/auth/me',
    tags: ['auth'],
    summary: '当前用户 the signed-in user',
    auth: true,
    handler: ({ user }) => ({ user }),
  });

  route(app, {
    method: 'GET',
    url: '/api/audit',
    tags: ['audit'],
    summary: '审计日志 audit log entries, newest first',
    query: z.object({
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      before: z.coerce.number().int().min(1).optional(),
    }),
    access: ['audit.read', 'audit'],
    handler: async ({ query }) => ({ entries: await listAudit(ctx, { limit: query.limit, before: query.before }) }),
  });

  route(app, {
    method: 'GET',
    url: '/api/audit/verify',
    tags: ['audit'],
    summary: '校验审计日志哈希链 verify the audit hash chain',
    description: 'With anchorSeq and anchorHash (a head recorded outside the database earlier), also checks that entry.',
    query: z.object({ anchorSeq: z.coerce.number().int().min(1).optional(), anchorHash: z.string().regex(/^[0-9a-f]{64}$/).optional() }),
    access: ['audit.verify', 'audit'],
    handler: async ({ query }) =>
      verifyAuditLog(ctx, query.anchorSeq !== undefined && query.anchorHash ? { anchor: { seq: query.anchorSeq, hash: query.anchorHash } } : {}),
  });
}
