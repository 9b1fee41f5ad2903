/**
 * The check of the reunion policies (policies.ts): a signed-in user whose platform role maps
 * to a reunion role granted the action, and a stated purpose where the policy requires one.
 * Refusals are written to the audit log (actor, role, action, record ids, reason code).
 */
import { AppError } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { appendAudit } from '../../security/audit.ts';
import type { SessionUser } from '../../security/users.ts';
import { ReunionErrors } from './errors.ts';
import { MIN_REASON_LENGTH, REUNION_POLICIES, reunionRole, type ReunionAction, type ReunionRole } from './policies.ts';

/** Who acts: username, platform role, reunion role. */
export interface ReunionActor {
  readonly username: string;
  readonly platformRole: string;
  readonly role: ReunionRole;
}

/**
 * Refuse (and audit the refusal) unless `user`'s reunion role is granted `action`.
 * @throws AppError UNAUTHENTICATED without a user; REUNION_ROLE_DENIED (403);
 *   ACCESS_PURPOSE_REQUIRED / ACCESS_PURPOSE_TOO_SHORT (403) when the policy needs a purpose.
 */
export async function requireReunionAccess(ctx: PlatformContext, user: SessionUser | null, action: ReunionAction, recordIds: readonly string[], purpose?: string | null): Promise<ReunionActor> {
  if (!user) throw new AppError('UNAUTHENTICATED');
  const role = reunionRole(user.role);
  const policy = REUNION_POLICIES[action];
  let refusal: { code: string; params: Record<string, string | number> } | null = null;
  if (!role || !policy.roles.includes(role)) refusal = { code: ReunionErrors.REUNION_ROLE_DENIED, params: { role: user.role, action } };
  else if (policy.purpose && !purpose?.trim()) refusal = { code: 'ACCESS_PURPOSE_REQUIRED', params: {} };
  else if (policy.purpose && [...purpose!.trim()].length < MIN_REASON_LENGTH) refusal = { code: 'ACCESS_PURPOSE_TOO_SHORT', params: { min: MIN_REASON_LENGTH } };
  if (refusal) {
    await appendAudit(ctx, { actor: user.username, role: user.role, action, purpose: purpose ?? null, recordKind: 'reunion_post', recordIds, outcome: 'refused', detail: { reason: refusal.code } });
    throw new AppError(refusal.code, refusal.params);
  }
  return { username: user.username, platformRole: user.role, role: role! };
}
