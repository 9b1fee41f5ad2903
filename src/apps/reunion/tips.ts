/**
 * Tips (线索) from the public about a post: submitted without login, held as 'pending' until a
 * moderator (volunteer or admin) approves or rejects them with a reason; only approved tips
 * are ever shown, and never the tipster's contact (encrypted at rest, masked for moderators).
 * Submission, moderation and each read of the moderation queue are written to the audit log.
 */
import { AppError } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { appendAudit } from '../../security/audit.ts';
import { maskPhone } from '../../security/masking.ts';
import type { ReunionActor } from './access.ts';
import { ReunionErrors as E } from './errors.ts';
import { MIN_REASON_LENGTH } from './policies.ts';
import { contactCipher, findPostRow } from './postRepository.ts';
import { reunionDb, type TipRow } from './schema.ts';

export type TipStatus = 'pending' | 'approved' | 'rejected';

/** A tip as moderators see it (contact masked). */
export interface TipView {
  readonly tipId: number;
  readonly postId: string;
  readonly text: string;
  readonly contact: string | null;
  readonly status: TipStatus;
  readonly submittedAt: string;
  readonly moderatedBy: string | null;
  readonly moderatedAt: string | null;
  readonly moderationReason: string | null;
}

function maskContactText(text: string): string {
  const digits = text.replace(/\D/g, '');
  return digits.length >= 7 ? maskPhone(digits) : `${[...text][0] ?? ''}***`;
}

function view(r: TipRow & { id: number }, secret: Buffer): TipView {
  return {
    tipId: Number(r.id), postId: r.post_id, text: r.text, contact: r.contact_enc ? maskContactText(contactCipher(secret).decrypt(r.contact_enc)) : null,
    status: r.status as TipStatus, submittedAt: r.submitted_at, moderatedBy: r.moderated_by, moderatedAt: r.moderated_at, moderationReason: r.moderation_reason,
  };
}

/**
 * Submit a tip about post `postId` without login; it is stored 'pending' (invisible to the
 * public) and the submission is audited as actor 'anonymous' with the client address.
 * @throws AppError REUNION_POST_NOT_FOUND.
 */
export async function submitTip(ctx: PlatformContext, postId: string, tip: { text: string; contact?: string | undefined }, client: { ip: string }): Promise<{ tipId: number; status: 'pending' }> {
  if (!(await findPostRow(ctx.database.db, postId))) throw new AppError(E.REUNION_POST_NOT_FOUND, { id: postId });
  const row = await reunionDb(ctx.database.db).insertInto('reunion_tips').values({
    post_id: postId, text: tip.text.trim(), contact_enc: tip.contact?.trim() ? contactCipher(ctx.secret).encrypt(tip.contact.trim()) : null,
    status: 'pending', submitted_at: ctx.now().toISOString(), moderated_by: null, moderated_at: null, moderation_reason: null,
  }).returning('id').executeTakeFirstOrThrow();
  await appendAudit(ctx, { actor: 'anonymous', action: 'reunion.tip.submit', recordKind: 'reunion_tip', recordIds: [Number(row.id), postId], outcome: 'allowed', detail: { ip: client.ip } });
  return { tipId: Number(row.id), status: 'pending' };
}

/** The moderation queue (or tips in another status), oldest first; the read is audited. */
export async function listTips(ctx: PlatformContext, status: TipStatus, actor: ReunionActor, postId?: string): Promise<TipView[]> {
  let q = reunionDb(ctx.database.db).selectFrom('reunion_tips').selectAll().where('status', '=', status);
  if (postId) q = q.where('post_id', '=', postId);
  const rows = await q.orderBy('id').limit(500).execute();
  await appendAudit(ctx, { actor: actor.username, role: actor.platformRole, action: 'reunion.tip.moderate', recordKind: 'reunion_tip', recordIds: rows.map((r) => Number(r.id)), outcome: 'allowed', detail: { op: 'list', status } });
  return rows.map((r) => view(r as TipRow & { id: number }, ctx.secret));
}

/**
 * Approve or reject a pending tip with a reason (≥ 4 characters); audited.
 * @throws AppError REUNION_TIP_NOT_FOUND, REUNION_TIP_ALREADY_MODERATED (409), REUNION_REASON_REQUIRED.
 */
export async function moderateTip(ctx: PlatformContext, tipId: number, decision: 'approve' | 'reject', reason: string, actor: ReunionActor): Promise<TipView> {
  if ([...reason.trim()].length < MIN_REASON_LENGTH) throw new AppError(E.REUNION_REASON_REQUIRED, { min: MIN_REASON_LENGTH });
  const db = reunionDb(ctx.database.db);
  const row = await db.selectFrom('reunion_tips').selectAll().where('id', '=', tipId).executeTakeFirst();
  if (!row) throw new AppError(E.REUNION_TIP_NOT_FOUND, { id: tipId });
  if (row.status !== 'pending') throw new AppError(E.REUNION_TIP_ALREADY_MODERATED, { id: tipId, status: row.status });
  const status: TipStatus = decision === 'approve' ? 'approved' : 'rejected';
  const r = await db.updateTable('reunion_tips').set({ status, moderated_by: actor.username, moderated_at: ctx.now().toISOString(), moderation_reason: reason.trim() })
    .where('id', '=', tipId).where('status', '=', 'pending').executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new AppError(E.REUNION_TIP_ALREADY_MODERATED, { id: tipId, status: 'moderated' });
  await appendAudit(ctx, { actor: actor.username, role: actor.platformRole, action: 'reunion.tip.moderate', recordKind: 'reunion_tip', recordIds: [tipId, row.post_id], outcome: 'allowed', detail: { decision, reason: reason.trim() } });
  const after = await db.selectFrom('reunion_tips').selectAll().where('id', '=', tipId).executeTakeFirstOrThrow();
  return view(after as TipRow & { id: number }, ctx.secret);
}

/** Approved tips of a post for the public: text and approval time only. */
export async function publicTips(ctx: PlatformContext, postId: string): Promise<{ tipId: number; text: string; approvedAt: string }[]> {
  const rows = await reunionDb(ctx.database.db).selectFrom('reunion_tips').select(['id', 'text', 'moderated_at']).where('post_id', '=', postId).where('status', '=', 'approved').orderBy('id').execute();
  return rows.map((r) => ({ tipId: Number(r.id), text: r.text, approvedAt: r.moderated_at ?? '' }));
}
