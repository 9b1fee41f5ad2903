/**
 * The check of the disputes policies (policies.ts) before a service call. Refusals are audited;
 * reads of an appeal (which shows parties, masked or in full) are audited with the stated
 * purpose; full disclosure needs `disputes.read_parties` and a purpose of ≥ 4 characters.
 */
import { AppError } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { appendAudit } from '../../security/audit.ts';
import { MIN_PURPOSE_LENGTH } from '../../security/policies.ts';
import type { SessionUser } from '../../security/users.ts';
import { DisputesErrors } from './errors.ts';
import { disputesAllowed, type DisputesAction } from './policies.ts';

/**
 * Refuse (and audit the refusal) unless the user's role is granted the action.
 * @throws AppError UNAUTHENTICATED without a user; DISPUTES_ROLE_DENIED (403) when refused.
 */
export async function requireDisputesAccess(ctx: PlatformContext, user: SessionUser | null, action: DisputesAction, appealNo: string | null = null): Promise<SessionUser> {
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (disputesAllowed(user.role, action)) return user;
  await appendAudit(ctx, { actor: user.username, role: user.role, action, recordKind: 'appeal', recordIds: appealNo ? [appealNo] : [], outcome: 'refused', detail: { reason: DisputesErrors.DISPUTES_ROLE_DENIED } });
  throw new AppError(DisputesErrors.DISPUTES_ROLE_DENIED, { role: user.role, action });
}

/**
 * Decide the disclosure of parties for a read of one appeal and audit the read.
 * No purpose → masked. A purpose → full when the role holds `disputes.read_parties`, else refused.
 * @throws AppError ACCESS_PURPOSE_TOO_SHORT (403) for a purpose under 4 characters;
 *   DISPUTES_ROLE_DENIED (403) when the role may not see parties in full.
 */
export async function disclosureForRead(ctx: PlatformContext, user: SessionUser, appealNo: string, purpose: string | undefined, legalBasis: string | undefined): Promise<'full' | 'masked'> {
  const p = purpose?.trim() ?? '';
  if (!p) {
    await appendAudit(ctx, { actor: user.username, role: user.role, action: 'disputes.read', recordKind: 'appeal', recordIds: [appealNo], outcome: 'allowed', detail: { disclosure: 'masked' } });
    return 'masked';
  }
  if ([...p].length < MIN_PURPOSE_LENGTH) {
    await appendAudit(ctx, { actor: user.username, role: user.role, action: 'disputes.read_parties', purpose: p, recordKind: 'appeal', recordIds: [appealNo], outcome: 'refused', detail: { reason: 'ACCESS_PURPOSE_TOO_SHORT' } });
    throw new AppError('ACCESS_PURPOSE_TOO_SHORT', { min: MIN_PURPOSE_LENGTH });
  }
  await requireDisputesAccess(ctx, user, 'disputes.read_parties', appealNo);
  await appendAudit(ctx, { actor: user.username, role: user.role, action: 'disputes.read_parties', purpose: p, legalBasis: legalBasis?.trim() || null, recordKind: 'appeal', recordIds: [appealNo], outcome: 'allowed', detail: { disclosure: 'full' } });
  return 'full';
}
