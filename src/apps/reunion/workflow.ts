/**
 * The verification workflow of a post on src/engines/workflow (typed state machine, every step
 * recorded with actor, role, time and reason): searching → candidate_review → dna_comparison →
 * reunited, or closed (and reopened) by police. One candidate is verified at a time per post (a
 * post under review or in DNA comparison cannot open another). Volunteers open the review of a candidate and
 * recommend a DNA comparison; police record the DNA result and confirm the reunion. Roles are
 * reunion roles (policies.ts). Events are stored in reunion_events (append-only, unique
 * (post_id, seq): two concurrent steps on one post cannot both land).
 */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../core/errors.ts';
import { defineWorkflow, type WorkflowEvent, type WorkflowInstance } from '../../engines/workflow/index.ts';
import { ReunionErrors } from './errors.ts';
import type { PostState } from './model.ts';
import type { EventRow, ReunionTables } from './schema.ts';

export const POST_TRANSITIONS = ['openReview', 'rejectCandidate', 'recommendDna', 'dnaNoMatch', 'confirmReunited', 'close', 'reopen'] as const;
export type PostTransition = (typeof POST_TRANSITIONS)[number];

const ALL = ['volunteer', 'police', 'admin'];
const POLICE = ['police', 'admin'];

/** The workflow definition. */
export const postWorkflow = defineWorkflow<PostState, PostTransition>({
  name: 'reunion.post',
  initial: 'searching',
  states: {
    searching: { label: { zh: '寻找中', en: 'searching' } },
    candidate_review: { label: { zh: '候选审核中', en: 'candidate under review' } },
    dna_comparison: { label: { zh: 'DNA比对中', en: 'DNA comparison' } },
    reunited: { final: true, label: { zh: '已团圆', en: 'reunited' } },
    closed: { label: { zh: '已结案', en: 'closed' } },
  },
  transitions: {
    openReview: { from: ['searching'], to: 'candidate_review', roles: ALL, label: { zh: '开始审核候选', en: 'review a candidate' } },
    rejectCandidate: { from: ['candidate_review'], to: 'searching', roles: ALL, requiresReason: true, label: { zh: '排除候选', en: 'reject the candidate' } },
    recommendDna: { from: ['candidate_review'], to: 'dna_comparison', roles: ['volunteer', 'admin'], requiresReason: true, label: { zh: '建议DNA比对', en: 'recommend a DNA comparison' } },
    dnaNoMatch: { from: ['dna_comparison'], to: 'searching', roles: POLICE, requiresReason: true, label: { zh: 'DNA比对不符', en: 'DNA does not match' } },
    confirmReunited: { from: ['dna_comparison'], to: 'reunited', roles: POLICE, requiresReason: true, label: { zh: '确认团圆', en: 'confirm the reunion' } },
    close: { from: ['searching', 'candidate_review', 'dna_comparison'], to: 'closed', roles: POLICE, requiresReason: true, label: { zh: '结案', en: 'close' } },
    reopen: { from: ['closed'], to: 'searching', roles: POLICE, requiresReason: true, label: { zh: '重新开启', en: 'reopen' } },
  },
});

type Db = Kysely<ReunionTables> | Transaction<ReunionTables>;

/** A stored event as a workflow event. */
export function rowToEvent(r: EventRow & { id: number }): WorkflowEvent<PostState, PostTransition> {
  return {
    seq: Number(r.seq), transition: r.transition as PostTransition | 'create', from: r.from_state as PostState | null, to: r.to_state as PostState,
    actor: r.actor, role: r.role, at: r.at, reason: r.reason, ...(r.data ? { data: JSON.parse(r.data) as Record<string, unknown> } : {}),
  };
}

/** A workflow event as a row of post `postId`. */
export function eventToRow(postId: string, e: WorkflowEvent<PostState, PostTransition>): Omit<EventRow, 'id'> {
  return { post_id: postId, seq: e.seq, transition: e.transition, from_state: e.from, to_state: e.to, actor: e.actor, role: e.role, at: e.at, reason: e.reason, data: e.data ? JSON.stringify(e.data) : null };
}

/**
 * Load the instance of a post from its events (checked step by step against the definition).
 * @throws AppError REUNION_POST_NOT_FOUND without events; Error if the stored chain does not replay.
 */
export async function loadInstance(db: Db, postId: string): Promise<WorkflowInstance<PostState, PostTransition>> {
  const rows = await db.selectFrom('reunion_events').selectAll().where('post_id', '=', postId).orderBy('seq').execute();
  if (!rows.length) throw new AppError(ReunionErrors.REUNION_POST_NOT_FOUND, { id: postId });
  const r = postWorkflow.replay(rows.map((row) => rowToEvent(row as EventRow & { id: number })));
  if (!r.ok) throw new Error(`reunion post ${postId}: stored workflow does not replay: ${r.errors.map((e) => e.code).join(', ')}`);
  return r.instance;
}
