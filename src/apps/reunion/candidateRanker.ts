/**
 * Candidates of one post, computed with the matching module's public API (`matchPosts`,
 * src/apps/reunion/matching) and stored with the field-by-field explanation. Nothing is decided
 * here: every candidate starts 'pending' and waits for a human review (verification.ts).
 *
 * EM needs many pairs to estimate the m and u probabilities, so the run is not one post against
 * the other kind alone: for a child post, the post plus up to `contextPosts` other open child
 * posts (spread evenly by id) are matched against every open family post; for a family post,
 * every open child post is matched against the post plus up to `contextPosts` other family posts,
 * and the children that rank the post in their top 10 become its candidates. Both sides are
 * narrowed in SQL to what the blocking rules can pair (same sex; birth year within ±3 or
 * unknown; or the same birth name), so a call reads a few thousand posts, not every post.
 */
import { AppError } from '../../core/errors.ts';
import type { FieldExplanation } from '../../engines/resolve/index.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { appendAudit } from '../../security/audit.ts';
import type { ReunionActor } from './access.ts';
import { ReunionErrors as E } from './errors.ts';
import { matchPosts } from './matching/match.ts';
import { toMatchPost, type PostState, type ReunionPost } from './model.ts';
import { contactCipher, postRowsOfKind, rowToPost } from './postRepository.ts';
import { loadPost } from './postService.ts';
import type { ChildSearchPost, FamilySearchPost } from './posts/types.ts';
import { reunionDb, type CandidateRow } from './schema.ts';

/** Birth years either side of the post's that candidate and context posts are loaded for (blocking uses ±1 and ±2). */
export const YEAR_WINDOW = 3;

/** States whose posts take part in matching. */
export const MATCHABLE_STATES: readonly PostState[] = ['searching', 'candidate_review', 'dna_comparison'];

/** Review states of a candidate. */
export type CandidateReview = 'pending' | 'under_review' | 'rejected' | 'recommended' | 'dna_no_match' | 'confirmed';

/** A stored candidate as the API presents it. */
export interface CandidateView {
  readonly candidateId: number;
  readonly postId: string;
  readonly childPostId: string;
  readonly familyPostId: string;
  readonly rank: number;
  /** Match weight in bits; the fields' weights sum to it. */
  readonly weight: number;
  readonly probability: number;
  /** The engine's decision band (not a decision about a person: see `review`). */
  readonly decision: string;
  readonly fields: readonly FieldExplanation[];
  readonly review: CandidateReview;
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
  readonly familyNotifiedAt: string | null;
  readonly runAt: string;
}

/** A candidate row as a view. */
export function candidateView(r: CandidateRow & { id: number }): CandidateView {
  return {
    candidateId: Number(r.id), postId: r.post_id, childPostId: r.child_post_id, familyPostId: r.family_post_id, rank: Number(r.rank),
    weight: Number(r.weight), probability: Number(r.probability), decision: r.decision, fields: JSON.parse(r.fields_json) as FieldExplanation[],
    review: r.review as CandidateReview, reviewedBy: r.reviewed_by, reviewedAt: r.reviewed_at, familyNotifiedAt: r.family_notified_at, runAt: r.run_at,
  };
}

interface Found { childId: string; familyId: string; weight: number; probability: number; decision: string; fields: readonly FieldExplanation[] }

function spread<T>(xs: readonly T[], n: number): T[] {
  if (xs.length <= n) return [...xs];
  const step = xs.length / n;
  return Array.from({ length: n }, (_, i) => xs[Math.floor(i * step)]!);
}

function matchable(posts: readonly ReunionPost[]): (FamilySearchPost | ChildSearchPost)[] {
  return posts.map(toMatchPost).filter((p): p is FamilySearchPost | ChildSearchPost => p !== null);
}

function run(children: ChildSearchPost[], families: FamilySearchPost[], postId: string) {
  try {
    return matchPosts(children, families);
  } catch (e) {
    if (e instanceof AppError && e.code === 'RESOLVE_NO_CANDIDATE_PAIRS') throw new AppError(E.REUNION_NO_CANDIDATES, { id: postId, reason: '分块后没有候选对', reasonEn: 'blocking left no candidate pair' });
    throw e;
  }
}

/** Rank candidates for `post` among the open posts of the other kind (see the module doc). */
export async function rankCandidates(ctx: PlatformContext, post: ReunionPost, options: { k?: number; contextPosts?: number } = {}): Promise<Found[]> {
  const k = options.k ?? 10;
  const context = options.contextPosts ?? 2000;
  const cipher = contactCipher(ctx.secret);
  const db = reunionDb(ctx.database.db);
  const self = toMatchPost(post);
  if (!self) throw new AppError(E.REUNION_NO_CANDIDATES, { id: post.id, reason: '性别不详', reasonEn: 'the sex is unknown' });
  // Only posts that blocking could pair with this one, and context posts like it: same sex, birth
  // year within ±YEAR_WINDOW (or unknown; any year when this post's is unknown), or the same
  // birth name (blocking rule 4 has no year).
  const y = post.birthDate?.year;
  const names = [post.name, post.formerName].filter((n): n is string => Boolean(n));
  const filter = { sex: self.sex, yearFrom: y === undefined ? -9999 : y - YEAR_WINDOW, yearTo: y === undefined ? 9999 : y + YEAR_WINDOW, names };
  const load = async (kind: 'familySearch' | 'childSearch') => (await postRowsOfKind(db, kind, MATCHABLE_STATES, filter)).filter((r) => r.id !== post.id).map((r) => rowToPost(r, cipher));
  if (self.kind === 'childSearch') {
    const families = matchable(await load('familySearch')) as FamilySearchPost[];
    const others = spread(matchable(await load('childSearch')), context) as ChildSearchPost[];
    if (!families.length) throw new AppError(E.REUNION_NO_CANDIDATES, { id: post.id, reason: '没有家寻宝贝帖子', reasonEn: 'there are no family posts' });
    const r = run([self, ...others], families, post.id);
    return r.candidates(0, k).map((c) => ({ childId: post.id, familyId: c.familyId, weight: c.weight, probability: c.probability, decision: c.decision, fields: c.fields }));
  }
  const children = matchable(await load('childSearch')) as ChildSearchPost[];
  const others = spread(matchable(await load('familySearch')), context) as FamilySearchPost[];
  if (!children.length) throw new AppError(E.REUNION_NO_CANDIDATES, { id: post.id, reason: '没有宝贝寻家帖子', reasonEn: 'there are no child posts' });
  const r = run(children, [self as FamilySearchPost, ...others], post.id);
  const found: Found[] = [];
  children.forEach((child, i) => {
    const hit = r.candidates(i, 10).find((c) => c.familyIndex === 0);
    if (hit) found.push({ childId: child.id, familyId: post.id, weight: hit.weight, probability: hit.probability, decision: hit.decision, fields: hit.fields });
  });
  return found.sort((a, b) => b.weight - a.weight || (a.childId < b.childId ? -1 : 1)).slice(0, k);
}

/**
 * Compute and store the candidates of a post: pending candidates of an earlier run are
 * replaced; candidates already under human review are kept (and not duplicated). Audited.
 * @throws AppError REUNION_POST_NOT_FOUND, REUNION_NO_CANDIDATES.
 */
export async function computeCandidates(ctx: PlatformContext, postId: string, actor: ReunionActor, options: { k?: number; contextPosts?: number } = {}): Promise<CandidateView[]> {
  const post = await loadPost(ctx, postId);
  const found = await rankCandidates(ctx, post, options);
  const db = reunionDb(ctx.database.db);
  const at = ctx.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('reunion_candidates').where('post_id', '=', postId).where('review', '=', 'pending').execute();
    const kept = new Set((await trx.selectFrom('reunion_candidates').select(['child_post_id', 'family_post_id']).where('post_id', '=', postId).execute()).map((r) => `${r.child_post_id}|${r.family_post_id}`));
    const rows = found.map((f, i) => ({ f, rank: i + 1 })).filter(({ f }) => !kept.has(`${f.childId}|${f.familyId}`)).map(({ f, rank }) => ({
      post_id: postId, child_post_id: f.childId, family_post_id: f.familyId, rank, weight: f.weight, probability: f.probability, decision: f.decision,
      fields_json: JSON.stringify(f.fields), review: 'pending', reviewed_by: null, reviewed_at: null, family_notified_at: null, run_at: at, run_by: actor.username,
    }));
    if (rows.length) await trx.insertInto('reunion_candidates').values(rows).execute();
  });
  await appendAudit(ctx, { actor: actor.username, role: actor.platformRole, action: 'reunion.candidate.review', recordKind: 'reunion_post', recordIds: [postId, ...found.map((f) => (f.childId === postId ? f.familyId : f.childId))], outcome: 'allowed', detail: { op: 'compute', candidates: found.length } });
  return listCandidates(ctx, postId);
}

/** The stored candidates of a post, best first (rank, then weight). */
export async function listCandidates(ctx: PlatformContext, postId: string): Promise<CandidateView[]> {
  const rows = await reunionDb(ctx.database.db).selectFrom('reunion_candidates').selectAll().where('post_id', '=', postId).orderBy('rank').orderBy('weight', 'desc').execute();
  return rows.map((r) => candidateView(r as CandidateRow & { id: number }));
}
