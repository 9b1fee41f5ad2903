/**
 * The case check of the leads application: every tag run, lead, graph query and export happens
 * inside a registered case that the user belongs to (DESIGN "Safeguards"; issue 3 item 1). The
 * check runs before the service: role (policies.ts) → case exists → membership (person-level
 * actions) → case open (work). Every refusal is written to the audit log; every read of personal
 * data is audited with the case's purpose and its number as legal basis.
 */
import { AppError } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { appendAudit, type AuditEntry } from '../../security/audit.ts';
import { securityDb } from '../../security/schema.ts';
import { LeadsErrors } from './errors.ts';
import { LEADS_POLICIES, leadsAllowed, type LeadsAction } from './policies.ts';
import { caseByNo, isMember, type CaseRow } from './repository.ts';

/** Who acts: a signed-in user, or the account named by `--user` on the CLI. */
export interface Actor {
  readonly username: string;
  readonly role: string;
}

/** An accepted case check: the actor, the action and the case row. */
export interface CaseAccess {
  readonly actor: Actor;
  readonly action: LeadsAction;
  readonly case: CaseRow;
}

/** Record kind written to the audit log for leads actions. */
export const LEADS_RECORD_KIND = 'leads_case';

async function refuse(ctx: PlatformContext, actor: Actor, action: LeadsAction, caseNo: string | null, code: string, params: Record<string, string | number>, via: string): Promise<never> {
  await appendAudit(ctx, {
    actor: actor.username, role: actor.role, action, legalBasis: caseNo, recordKind: LEADS_RECORD_KIND,
    recordIds: caseNo ? [caseNo] : [], outcome: 'refused', detail: { reason: code, via },
  });
  throw new AppError(code, params);
}

/**
 * Refuse (audited) unless the actor's role is granted `action` (no case involved: open, list, rules).
 * @throws AppError LEADS_ROLE_DENIED (403).
 */
export async function requireRole(ctx: PlatformContext, actor: Actor, action: LeadsAction, via = 'api'): Promise<Actor> {
  if (!leadsAllowed(actor.role, action)) await refuse(ctx, actor, action, null, LeadsErrors.LEADS_ROLE_DENIED, { role: actor.role, action }, via);
  return actor;
}

/**
 * The case check for `action` on case `caseNo`.
 * @throws AppError LEADS_ROLE_DENIED (403), LEADS_CASE_NOT_FOUND (404), LEADS_NOT_A_MEMBER (403;
 *   administrators read case metadata without membership), LEADS_CASE_CLOSED (409, work actions).
 *   Every refusal is audited first (actor, role, action, case number, reason code).
 */
export async function requireCase(ctx: PlatformContext, actor: Actor, action: LeadsAction, caseNo: string, via = 'api'): Promise<CaseAccess> {
  const policy = LEADS_POLICIES[action];
  if (!leadsAllowed(actor.role, action)) await refuse(ctx, actor, action, caseNo, LeadsErrors.LEADS_ROLE_DENIED, { role: actor.role, action }, via);
  const row = await caseByNo(ctx.database, caseNo);
  if (!row) return refuse(ctx, actor, action, caseNo, LeadsErrors.LEADS_CASE_NOT_FOUND, { caseNo }, via);
  const member = await isMember(ctx.database, Number(row.id), actor.username);
  const adminMeta = actor.role === 'admin' && !policy.personLevel;
  if (!member && !adminMeta) await refuse(ctx, actor, action, caseNo, LeadsErrors.LEADS_NOT_A_MEMBER, { username: actor.username, caseNo }, via);
  if (policy.work && row.closed_at !== null) await refuse(ctx, actor, action, caseNo, LeadsErrors.LEADS_CASE_CLOSED, { caseNo }, via);
  return { actor, action, case: row };
}

/**
 * Audit a read of personal data inside a case: purpose = the case's registered purpose, legal
 * basis = the case number, the ids of the records read (parcel ids, person keys, lead ids).
 * Call before the data leaves the service; a failed write fails the request.
 */
export async function auditCaseRead(ctx: PlatformContext, access: CaseAccess, recordIds: readonly (string | number)[], detail: Readonly<Record<string, unknown>> = {}): Promise<AuditEntry> {
  return appendAudit(ctx, {
    actor: access.actor.username, role: access.actor.role, action: access.action, purpose: access.case.purpose,
    legalBasis: access.case.case_no, recordKind: LEADS_RECORD_KIND, recordIds, outcome: 'allowed', detail,
  });
}

/**
 * The CLI's actor: the active account `username` with its role.
 * @throws AppError LEADS_USER_UNKNOWN when there is no such active account.
 */
export async function cliActor(ctx: PlatformContext, username: string): Promise<Actor> {
  const name = username.trim().toLowerCase();
  const row = await securityDb(ctx.database.db).selectFrom('users').select(['username', 'role', 'disabled']).where('username', '=', name).executeTakeFirst();
  if (!row || Number(row.disabled) === 1) throw new AppError(LeadsErrors.LEADS_USER_UNKNOWN, { username: name });
  return { username: row.username, role: row.role };
}
