/**
 * Human review of candidates (DESIGN: nothing is decided automatically about a person): a
 * transition on a candidate moves both of its posts through the workflow (workflow.ts) in one
 * transaction and records the review on the candidate. The family may be told of a candidate
 * only after a volunteer recommended a DNA comparison (`notifyFamily`).
 */
import { AppError } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { appendAudit } from '../../security/audit.ts';
import type { ReunionActor } from './access.ts';
import { candidateView, type CandidateReview, type CandidateView } from './candidateRanker.ts';
import { ReunionErrors as E } from './errors.ts';
import { postTimeline, transitionPost } from './postService.ts';
import { reunionDb, type CandidateRow } from './schema.ts';
import type { PostTransition } from './workflow.ts';

/** Transitions fired on a candidate, with the review states they leave from and the one they set. */
export const CANDIDATE_TRANSITIONS = {
  openReview: { from: ['pending'], to: 'under_review' },
  rejectCandidate: { from: ['under_review'], to: 'rejected' },
  recommendDna: { from: ['under_review'], to: 'recommended' },
  dnaNoMatch: { from: ['recommended'], to: 'dna_no_match' },
  confirmReunited: { from: ['recommended'], to: 'confirmed' },
} as const satisfies Partial<Record<PostTransition, { from: readonly CandidateReview[]; to: CandidateReview }>>;
export type CandidateTransition = keyof typeof CANDIDATE_TRANSITIONS;

async function loadCandidate(ctx: PlatformContext, id: number): Promise<CandidateRow & { id: number }> {
  const row = await reunionDb(ctx.database.db).selectFrom('reunion_candidates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError(E.REUNION_CANDIDATE_NOT_FOUND, { id });
  return row as CandidateRow & { id: number };
}

/**
 * Fire `transition` on candidate `id`: both posts (child and family) take the workflow step with
 * the actor, role, time and reason (and the candidate in the event's data); the candidate's
 * review state follows (on every stored row of the same pair). On 'confirmReunited' both posts' DNA status becomes 'compared'. Audited.
 * @throws AppError REUNION_CANDIDATE_NOT_FOUND (404); REUNION_TRANSITION_REFUSED (409) when the
 *   candidate or either post is not in a state the transition leaves from, the role may not
 *   fire it, or a required reason is missing (the workflow's issues are in details).
 */
export async function applyCandidateTransition(ctx: PlatformContext, id: number, transition: CandidateTransition, actor: ReunionActor, reason: string | null) {
  const c = await loadCandidate(ctx, id);
  const rule = CANDIDATE_TRANSITIONS[transition];
  if (!(rule.from as readonly string[]).includes(c.review)) {
    throw new AppError(E.REUNION_TRANSITION_REFUSED, { id: `${c.child_post_id}/${c.family_post_id}`, transition, reason: `候选状态为 ${c.review}`, reasonEn: `the candidate is ${c.review}` });
  }
  const data = { candidateId: Number(c.id), childPostId: c.child_post_id, familyPostId: c.family_post_id };
  const at = ctx.now().toISOString();
  await reunionDb(ctx.database.db).transaction().execute(async (trx) => {
    for (const postId of [c.child_post_id, c.family_post_id]) await transitionPost(ctx, postId, transition, actor, reason, data, trx);
    if (transition === 'confirmReunited') await trx.updateTable('reunion_posts').set({ dna_status: 'compared' }).where('id', 'in', [c.child_post_id, c.family_post_id]).execute();
    // The same pair may be stored twice (computed from the child post and from the family post): both follow.
    await trx.updateTable('reunion_candidates').set({ review: rule.to, reviewed_by: actor.username, reviewed_at: at })
      .where('child_post_id', '=', c.child_post_id).where('family_post_id', '=', c.family_post_id).execute();
  });
  await appendAudit(ctx, { actor: actor.username, role: actor.platformRole, action: 'reunion.candidate.review', recordKind: 'reunion_post', recordIds: [c.child_post_id, c.family_post_id], outcome: 'allowed', detail: { candidateId: Number(c.id), transition, reason } });
  return { candidate: candidateView(await loadCandidate(ctx, id)), posts: [await postTimeline(ctx, c.child_post_id), await postTimeline(ctx, c.family_post_id)] };
}

/**
 * Record that the family was told of a candidate. Refused until a human reviewed it and
 * recommended a DNA comparison (review 'recommended' or 'confirmed'). Audited.
 * @throws AppError REUNION_CANDIDATE_NOT_FOUND, REUNION_CANDIDATE_NOT_REVIEWED (409).
 */
export async function notifyFamily(ctx: PlatformContext, id: number, actor: ReunionActor): Promise<CandidateView> {
  const c = await loadCandidate(ctx, id);
  if (c.review !== 'recommended' && c.review !== 'confirmed') throw new AppError(E.REUNION_CANDIDATE_NOT_REVIEWED, { id });
  await reunionDb(ctx.database.db).updateTable('reunion_candidates').set({ family_notified_at: ctx.now().toISOString() }).where('id', '=', id).execute();
  await appendAudit(ctx, { actor: actor.username, role: actor.platformRole, action: 'reunion.candidate.review', recordKind: 'reunion_post', recordIds: [c.child_post_id, c.family_post_id], outcome: 'allowed', detail: { candidateId: id, op: 'notify-family' } });
  return candidateView(await loadCandidate(ctx, id));
}
