/**
 * Candidate family posts for each child post: one run of the resolve engine with
 * `reunionMatchConfig` (block → compare → EM → score), then the top candidates of every child
 * post with a field-by-field explanation (value on each side, agreement level, m, u and the
 * bits it adds; the bits sum to the candidate's weight).
 */
import { resolve, type FieldExplanation, type ResolveResult, type Row } from '../../../engines/resolve/index.ts';
import type { ChildSearchPost, FamilySearchPost } from '../posts/types.ts';
import { reunionMatchConfig } from './config.ts';

/** One candidate family post of a child post. */
export interface ReunionCandidate {
  /** Index into the family posts given to `matchPosts`. */
  readonly familyIndex: number;
  readonly familyId: string;
  /** Match weight in bits (sum of the fields' log2(m/u)). */
  readonly weight: number;
  /** Posterior probability of a match under the fitted model. */
  readonly probability: number;
  readonly decision: 'match' | 'possible' | 'non-match';
  /** Every compared field, in configuration order ('missing' with weight 0 when a side lacks it). */
  readonly fields: readonly FieldExplanation[];
}

/** A matching run over a batch of posts. */
export interface ReunionMatchRun {
  /** The engine's result (model, blocking statistics, all scored candidate pairs). */
  readonly result: ResolveResult;
  /** The best `k` (default 10) family posts for child post `childIndex`, best first, explained. */
  candidates(childIndex: number, k?: number): ReunionCandidate[];
  /** Family indices only, best first (no explanation: cheap, for evaluation). */
  ranking(childIndex: number, k?: number): number[];
}

/**
 * Match child posts against family posts. Throws the engine's AppError RESOLVE_NO_CANDIDATE_PAIRS
 * when blocking yields no pair (EM cannot be fitted).
 * @example const run = matchPosts(children, families); run.candidates(0)[0]?.fields
 */
export function matchPosts(children: readonly ChildSearchPost[], families: readonly FamilySearchPost[]): ReunionMatchRun {
  const result = resolve(reunionMatchConfig, children as unknown as readonly Row[], families as unknown as readonly Row[]);
  return {
    result,
    ranking: (i, k = 10) => result.topK(i, k).map((s) => s.right),
    candidates: (i, k = 10) =>
      result.topK(i, k).map((s) => ({
        familyIndex: s.right,
        familyId: s.rightId,
        weight: s.weight,
        probability: s.probability,
        decision: s.decision,
        fields: result.explain(i, s.right).fields,
      })),
  };
}
