/**
 * The policy check as a Fastify preHandler (after immich `requireAccess`): a route declares
 * `[action, recordKind]`; the check runs before the handler, reads the purpose and legal
 * basis from the query or body, refuses with the policy's reason code, audits every refusal of
 * a person-level action, and leaves the accepted decision on `request.access` so the handler
 * can audit the records it reads with `auditRead`.
 */
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../core/errors.ts';
import type { PlatformContext } from '../platform/module.ts';
import { appendAudit, type AuditEntry } from './audit.ts';
import { authorize, type Action, type Grant, type RecordKind } from './policies.ts';
import type { SessionUser } from './users.ts';

/** An accepted access decision for the current request. */
export interface AccessGrant {
  readonly action: Action;
  readonly recordKind: RecordKind;
  readonly personLevel: boolean;
  readonly grant: Grant;
  /** The stated purpose (trimmed), or null. */
  readonly purpose: string | null;
  /** The stated legal basis / case number (trimmed), or null. */
  readonly legalBasis: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user (set by the session hook of src/api/app.ts), or null. */
    user: SessionUser | null;
    /** Set by requireAccess when the policy allowed the request. */
    access: AccessGrant | null;
  }
}

/** Options of requireAccess. */
export interface RequireAccessOptions {
  /** Where the purpose and legalBasis fields are read: 'query' (default for GET/DELETE) or 'body'. */
  readonly purposeFrom?: 'query' | 'body';
}

function field(source: unknown, name: string): string | null {
  if (!source || typeof source !== 'object') return null;
  const v = (source as Record<string, unknown>)[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/**
 * Audit a refused person-level request: actor and role of the signed-in user ('anonymous'
 * without a session), the stated purpose and legal basis, the reason code, method, route, client.
 */
export async function auditRefusal(
  ctx: PlatformContext,
  request: FastifyRequest,
  refusal: { readonly action: string; readonly recordKind: string; readonly reason: string; readonly purpose?: string | null; readonly legalBasis?: string | null },
): Promise<AuditEntry> {
  return appendAudit(ctx, {
    actor: request.user?.username ?? 'anonymous',
    role: request.user?.role ?? null,
    action: refusal.action,
    purpose: refusal.purpose ?? null,
    legalBasis: refusal.legalBasis ?? null,
    recordKind: refusal.recordKind,
    outcome: 'refused',
    detail: { reason: refusal.reason, method: request.method, url: request.routeOptions.url ?? request.url, ip: request.ip },
  });
}

/** The purpose and legal basis stated in a request part (query or body), trimmed, or null. */
export function statedPurpose(source: unknown): { purpose: string | null; legalBasis: string | null } {
  return { purpose: field(source, 'purpose'), legalBasis: field(source, 'legalBasis') };
}

/**
 * A preHandler that enforces the policy for (action, recordKind) on the signed-in user.
 * @throws AppError UNAUTHENTICATED (401) without a session; the decision's reason code
 *   (ACCESS_ROLE_DENIED, ACCESS_PURPOSE_REQUIRED, ACCESS_PURPOSE_TOO_SHORT, ACCESS_NO_POLICY; 403)
 *   when refused. A refused person-level request is audited (outcome 'refused') before throwing.
 */
export function requireAccess(ctx: PlatformContext, action: Action, recordKind: RecordKind, options: RequireAccessOptions = {}): preHandlerAsyncHookHandler {
  return async function accessCheck(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const user = request.user;
    if (!user) throw new AppError('UNAUTHENTICATED');
    const from = options.purposeFrom ?? (request.method === 'GET' || request.method === 'DELETE' ? 'query' : 'body');
    const source = from === 'query' ? request.query : request.body;
    const purpose = field(source, 'purpose');
    const legalBasis = field(source, 'legalBasis');
    const decision = authorize(user, action, recordKind, { purpose });
    if (!decision.allowed) {
      if (decision.policy?.personLevel) await auditRefusal(ctx, request, { action, recordKind, reason: decision.reason, purpose, legalBasis });
      throw new AppError(decision.reason, decision.params);
    }
    request.access = { action, recordKind, personLevel: decision.policy.personLevel, grant: decision.grant, purpose: decision.purpose, legalBasis };
  };
}

/**
 * Audit a read of personal data made under the current request's accepted access: one entry
 * naming the user, purpose, legal basis and the ids of the records returned. Call it before
 * sending the records; if it throws, the request must fail (no unaudited read is served).
 * @throws AppError UNAUTHENTICATED / FORBIDDEN when the request has no user or passed no
 *   requireAccess check (a programming error in the route).
 */
export async function auditRead(
  ctx: PlatformContext,
  request: FastifyRequest,
  read: { readonly recordIds: readonly (string | number)[]; readonly detail?: Readonly<Record<string, unknown>> },
): Promise<AuditEntry> {
  const user = request.user;
  if (!user) throw new AppError('UNAUTHENTICATED');
  const access = request.access;
  if (!access) throw new AppError('FORBIDDEN', { reason: 'no access check ran for this route' });
  return appendAudit(ctx, {
    actor: user.username,
    role: user.role,
    action: access.action,
    purpose: access.purpose,
    legalBasis: access.legalBasis,
    recordKind: access.recordKind,
    recordIds: read.recordIds,
    outcome: 'allowed',
    detail: { ...read.detail, ip: request.ip },
  });
}
