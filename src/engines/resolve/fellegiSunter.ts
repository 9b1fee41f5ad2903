/**
 * The Fellegi–Sunter model of record linkage (I. P. Fellegi & A. B. Sunter 1969, "A theory for
 * record linkage", JASA 64:1183–1210) with multi-level agreement: for each compared field k
 * and level l, m_k(l) = P(level l | match) and u_k(l) = P(level l | non-match); a pair's match
 * weight is Σ_k log2(m_k(l_k)/u_k(l_k)) over its non-missing fields (a missing comparison
 * weighs 0). Parameters come from unlabelled candidate pairs by EM under conditional
 * independence (W. E. Winkler 1988, "Using the EM algorithm for weight computation in the
 * Fellegi–Sunter model of record linkage"; M. A. Jaro 1989), or from labelled pairs.
 *
 * Pairs are summarised as comparison patterns (one level per field, mixed-radix coded) with
 * counts, so EM costs patterns × fields per iteration, not pairs × fields.
 */
import { AppError } from '../../core/errors.ts';
import { ResolveErrors } from './errors.ts';

/** m and u per level of one field. */
export interface FieldParams {
  readonly name: string;
  readonly levels: readonly string[];
  readonly m: readonly number[];
  readonly u: readonly number[];
}

/** A fitted model. `matchShare` is λ, the share of matches among the candidate pairs. */
export interface FsModel {
  readonly fields: readonly FieldParams[];
  readonly matchShare: number;
  readonly method: 'em' | 'labels';
  readonly iterations: number;
  readonly converged: boolean;
}

/** Mixed-radix coding of level vectors; level `levels[k]` (one past the last) means missing. */
export interface PatternCoder {
  readonly levelCounts: readonly number[];
  readonly strides: readonly number[];
}

/** Build the coder for fields with the given numbers of levels. Throws when patterns exceed 2^53. */
export function patternCoder(levelCounts: readonly number[]): PatternCoder {
  const strides: number[] = [];
  let s = 1;
  for (const n of levelCounts) {
    strides.push(s);
    s *= n + 1;
  }
  if (s > Number.MAX_SAFE_INTEGER) throw new AppError(ResolveErrors.RESOLVE_CONFIG_INVALID, { reason: 'too many comparison levels in total' });
  return { levelCounts, strides };
}

/** The level of field k in a pattern (=== levelCounts[k] when missing). */
export function levelOf(coder: PatternCoder, pattern: number, k: number): number {
  return Math.floor(pattern / coder.strides[k]!) % (coder.levelCounts[k]! + 1);
}

/** Smallest probability kept for any level, so that no single level weighs more than ±16.6 bits. */
const FLOOR = 1e-5;

/** Counts or weights → probabilities, each at least FLOOR (then renormalised). */
function normalise(p: number[]): number[] {
  const total = p.reduce((a, b) => a + b, 0);
  const clamped = p.map((x) => Math.max(FLOOR, total > 0 ? x / total : 1 / p.length));
  const sum = clamped.reduce((a, b) => a + b, 0);
  return clamped.map((x) => x / sum);
}

/** Options of `fitEm`. */
export interface EmOptions {
  readonly maxIterations?: number;
  readonly tolerance?: number;
  readonly initialMatchShare?: number;
  /** u per field fixed in advance (e.g. from random pairs); EM then estimates m and λ only. */
  readonly fixedU?: readonly (readonly number[])[];
}

/**
 * Estimate m, u and λ by EM from pattern counts (Winkler 1988). Starts from m concentrated on
 * agreement and u at the observed level frequencies; iterates E (posterior match probability
 * per pattern) and M (weighted level frequencies per class) until no parameter moves more
 * than `tolerance` (default 1e-6) or `maxIterations` (default 500). Probabilities are floored
 * at 1e-5. Throws RESOLVE_NO_CANDIDATE_PAIRS on an empty input.
 */
export function fitEm(names: readonly string[], levels: readonly (readonly string[])[], coder: PatternCoder, counts: ReadonlyMap<number, number>, options: EmOptions = {}): FsModel {
  const K = names.length;
  const patterns = [...counts.keys()];
  const n = patterns.map((p) => counts.get(p)!);
  const total = n.reduce((a, b) => a + b, 0);
  if (total === 0) throw new AppError(ResolveErrors.RESOLVE_NO_CANDIDATE_PAIRS);
  const lv = patterns.map((p) => Array.from({ length: K }, (_, k) => levelOf(coder, p, k)));
  const observed = (k: number): number[] => {
    const f = new Array<number>(coder.levelCounts[k]!).fill(0);
    patterns.forEach((_, i) => { const l = lv[i]![k]!; if (l < f.length) f[l]! += n[i]!; });
    return normalise(f);
  };
  let m = names.map((_, k) => normalise(Array.from({ length: coder.levelCounts[k]! }, (_, l) => Math.pow(0.2, l))));
  let u = options.fixedU ? options.fixedU.map((x) => normalise([...x])) : names.map((_, k) => observed(k));
  let lambda = options.initialMatchShare ?? 0.1;
  const maxIt = options.maxIterations ?? 500;
  const tol = options.tolerance ?? 1e-6;
  let it = 0;
  let converged = false;
  const g = new Float64Array(patterns.length);
  while (it < maxIt && !converged) {
    it++;
    for (let i = 0; i < patterns.length; i++) {
      let pm = lambda;
      let pu = 1 - lambda;
      for (let k = 0; k < K; k++) {
        const l = lv[i]![k]!;
        if (l >= coder.levelCounts[k]!) continue;
        pm *= m[k]![l]!;
        pu *= u[k]![l]!;
      }
      g[i] = pm / (pm + pu);
    }
    const mNew = names.map((_, k) => new Array<number>(coder.levelCounts[k]!).fill(0));
    const uNew = names.map((_, k) => new Array<number>(coder.levelCounts[k]!).fill(0));
    let matched = 0;
    for (let i = 0; i < patterns.length; i++) {
      const wm = g[i]! * n[i]!;
      const wu = (1 - g[i]!) * n[i]!;
      matched += wm;
      for (let k = 0; k < K; k++) {
        const l = lv[i]![k]!;
        if (l >= coder.levelCounts[k]!) continue;
        mNew[k]![l]! += wm;
        uNew[k]![l]! += wu;
      }
    }
    const mN = mNew.map(normalise);
    const uN = options.fixedU ? u : uNew.map(normalise);
    const lambdaN = Math.min(1 - 1e-9, Math.max(1e-9, matched / total));
    let delta = Math.abs(lambdaN - lambda);
    for (let k = 0; k < K; k++) {
      for (let l = 0; l < mN[k]!.length; l++) delta = Math.max(delta, Math.abs(mN[k]![l]! - m[k]![l]!), Math.abs(uN[k]![l]! - u[k]![l]!));
    }
    m = mN;
    u = uN;
    lambda = lambdaN;
    converged = delta < tol;
  }
  // Label switching: the match class is the one that agrees more on the first level overall.
  const agreeM = m.reduce((a, x) => a + x[0]!, 0);
  const agreeU = u.reduce((a, x) => a + x[0]!, 0);
  if (agreeM < agreeU && !options.fixedU) [m, u, lambda] = [u, m, 1 - lambda];
  return { fields: names.map((name, k) => ({ name, levels: levels[k]!, m: m[k]!, u: u[k]! })), matchShare: lambda, method: 'em', iterations: it, converged };
}

/**
 * Estimate m and u from labelled pairs: level frequencies among true matches and among
 * non-matches with add-α smoothing (α default 0.5, Jeffreys). `labelled` gives each pair's
 * pattern and whether it is a match. Throws RESOLVE_LABELS_INSUFFICIENT with fewer than
 * `minPerClass` (default 5) pairs of either class.
 */
export function fitLabelled(names: readonly string[], levels: readonly (readonly string[])[], coder: PatternCoder, labelled: readonly { pattern: number; match: boolean }[], alpha = 0.5, minPerClass = 5): FsModel {
  const K = names.length;
  const cm = names.map((_, k) => new Array<number>(coder.levelCounts[k]!).fill(alpha));
  const cu = names.map((_, k) => new Array<number>(coder.levelCounts[k]!).fill(alpha));
  let matches = 0;
  for (const { pattern, match } of labelled) {
    if (match) matches++;
    for (let k = 0; k < K; k++) {
      const l = levelOf(coder, pattern, k);
      if (l < coder.levelCounts[k]!) (match ? cm : cu)[k]![l]! += 1;
    }
  }
  if (matches < minPerClass || labelled.length - matches < minPerClass) throw new AppError(ResolveErrors.RESOLVE_LABELS_INSUFFICIENT, { min: minPerClass });
  return {
    fields: names.map((name, k) => ({ name, levels: levels[k]!, m: normalise(cm[k]!), u: normalise(cu[k]!) })),
    matchShare: matches / labelled.length,
    method: 'labels',
    iterations: 0,
    converged: true,
  };
}

/** Weight in bits of each level of each field: log2(m/u). */
export function levelWeights(model: FsModel): number[][] {
  return model.fields.map((f) => f.m.map((m, l) => Math.log2(m / f.u[l]!)));
}

/** Match weight of a pattern: Σ log2(m/u) over its non-missing fields. */
export function patternWeight(weights: readonly (readonly number[])[], coder: PatternCoder, pattern: number): number {
  let w = 0;
  for (let k = 0; k < weights.length; k++) {
    const l = levelOf(coder, pattern, k);
    if (l < coder.levelCounts[k]!) w += weights[k]![l]!;
  }
  return w;
}

/** Posterior match probability of a weight under the prior λ: 1 / (1 + (1−λ)/λ · 2^−w). */
export function matchProbability(weight: number, matchShare: number): number {
  return 1 / (1 + ((1 - matchShare) / matchShare) * Math.pow(2, -weight));
}

/** The weight at which the posterior match probability equals `p` (inverse of matchProbability). */
export function weightForProbability(p: number, matchShare: number): number {
  return Math.log2(((1 - matchShare) / matchShare) * (p / (1 - p)));
}
