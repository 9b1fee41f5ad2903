/**
 * The check of the evidence policies (policies.ts; STYLE: authorization as declared policies,
 * checked first). The platform's policy table (src/security/policies.ts) has no
 * evidence actions yet, so the evidence routes require a signed-in user and check this table
 * before the service runs; refusals are written to the audit log.
 */
import { AppError } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { appendAudit } from '../../security/audit.ts';
import type { SessionUser } from '../../security/users.ts';
import { EvidenceErrors } from './errors.ts';
import { evidenceAllowed, type EvidenceAction } from './policies.ts';

export { EVIDENCE_POLICIES, evidenceAllowed, type EvidenceAction } from './policies.ts';

/**
 * Refuse (and audit the refusal) unless the user's role is granted the action.
 * @throws AppError UNAUTHENTICATED without a user; EVIDENCE_ROLE_DENIED (403) when refused.
 */
export async function requireEvidenceAccess(ctx: PlatformContext, user: SessionUser | null, action: EvidenceAction, caseNo: string | null): Promise<SessionUser> {
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (evidenceAllowed(user.role, action)) return user;
  await appendAudit(ctx, { actor: user.username, role: user.role, action, recordKind: 'evidence_case', recordIds: caseNo ? [caseNo] : [], outcome: 'refused', detail: { reason: EvidenceErrors.EVIDENCE_ROLE_DENIED } });
  throw new AppError(EvidenceErrors.EVIDENCE_ROLE_DENIED, { role: user.role, action });
}
