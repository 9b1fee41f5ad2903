/**
 * Field-by-field explanation of a pair's score: for every compared field, the two values as
 * prepared, the agreement level, m, u and the weight log2(m/u) it adds (0 when a value is
 * missing). The weights sum to the pair's match weight, so a reviewer sees exactly why a
 * candidate ranks where it does.
 */
import { levelWeights, matchProbability, type FsModel } from './fellegiSunter.ts';
import type { Prepared } from './resolver.ts';

/** One field's part in a score. */
export interface FieldExplanation {
  readonly field: string;
  readonly left: string | null;
  readonly right: string | null;
  /** The level name, or 'missing' when either value is missing. */
  readonly level: string;
  readonly levelIndex: number | null;
  readonly m: number | null;
  readonly u: number | null;
  /** Bits added to the match weight. */
  readonly weight: number;
}

/** A pair's explanation: the total and every field, in configuration order. */
export interface PairExplanation {
  readonly leftId: string;
  readonly rightId: string;
  readonly weight: number;
  readonly probability: number;
  readonly fields: readonly FieldExplanation[];
}

/** Explain the score of left record i against right record j under a fitted model. */
export function explainPair(p: Prepared, model: FsModel, i: number, j: number): PairExplanation {
  const w = levelWeights(model);
  let total = 0;
  const fields = p.comparisons.map((c, k): FieldExplanation => {
    const a = p.leftFeatures[k]![i];
    const b = p.rightFeatures[k]![j];
    const left = a == null ? null : c.comparator.display(a);
    const right = b == null ? null : c.comparator.display(b);
    if (a == null || b == null) return { field: c.name, left, right, level: 'missing', levelIndex: null, m: null, u: null, weight: 0 };
    const l = c.comparator.compare(a, b);
    total += w[k]![l]!;
    return { field: c.name, left, right, level: c.comparator.levels[l]!, levelIndex: l, m: model.fields[k]!.m[l]!, u: model.fields[k]!.u[l]!, weight: w[k]![l]! };
  });
  return { leftId: p.leftIds[i]!, rightId: p.rightIds[j]!, weight: total, probability: matchProbability(total, model.matchShare), fields };
}
