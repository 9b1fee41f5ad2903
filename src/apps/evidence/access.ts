/**
 * Who may do what with case files, as one declared table (STYLE: authorization as declared
 * policies, checked first). The platform's policy table (src/security/policies.ts) has no
 * evidence actions yet, so the evidence routes require a signed-in user and check this table
 * before the service runs; refusals are written to the audit log.
 */
import { AppError } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { appendAudit } from '../../security/audit.ts';
import type { SessionUser } from '../../security/users.ts';
import { EvidenceErrors } from './errors.ts';

/** Actions on case files. */
export type EvidenceAction = 'evidence.read' | 'evidence.write' | 'evidence.override';

/** Roles granted each action: case officers (investigator) and administrators. */
export const EVIDENCE_POLICIES: Readonly<Record<EvidenceAction, readonly string[]>> = {
  'evidence.read': ['investigator', 'admin'],
  'evidence.write': ['investigator', 'admin'],
  'evidence.override': ['investigator', 'admin'],
};

/** True when `role` is granted `action`. */
export function evidenceAllowed(role: string, action: EvidenceAction): boolean {
  return EVIDENCE_POLICIES[action].includes(role);
}

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
