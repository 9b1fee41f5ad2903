/**
 * The check of the registry policies (policies.ts) before a service call; refusals of writes
 * are audited (the registry holds no personal data of residents, so reads are not).
 */
import { AppError } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { appendAudit } from '../../security/audit.ts';
import type { SessionUser } from '../../security/users.ts';
import { OrgsErrors } from './errors.ts';
import { orgsAllowed, type OrgsAction } from './policies.ts';

/**
 * Refuse unless the user's role is granted the action.
 * @throws AppError UNAUTHENTICATED without a user; ORGS_ROLE_DENIED (403) when refused.
 */
export async function requireOrgsAccess(ctx: PlatformContext, user: SessionUser | null, action: OrgsAction, code: string | null): Promise<SessionUser> {
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (orgsAllowed(user.role, action)) return user;
  if (action !== 'orgs.read') await appendAudit(ctx, { actor: user.username, role: user.role, action, recordKind: 'org', recordIds: code ? [code] : [], outcome: 'refused', detail: { reason: OrgsErrors.ORGS_ROLE_DENIED } });
  throw new AppError(OrgsErrors.ORGS_ROLE_DENIED, { role: user.role, action });
}
