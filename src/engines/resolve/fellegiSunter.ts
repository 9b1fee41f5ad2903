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

/** Normalise `p[from, to)` in place, as `normalise` does (floor FLOOR, renormalised). */
function normaliseInPlace(p: Float64Array, from: number, to: number): void {
  let total = 0;
  for (let l = from; l < to; l++) total += p[l]!;
  let sum = 0;
  for (let l = from; l < to; l++) {
    const x = Math.max(FLOOR, total > 0 ? p[l]! / total : 1 / (to - from));
    p[l] = x;
    sum += x;
  }
  for (let l = from; l < to; l++) p[l]! /= sum;
}

/**
 * Estimate m, u and λ by EM from pattern counts (Winkler 1988). Starts from m concentrated on
 * agreement and u at the observed level frequencies; iterates E (posterior match probability
 * per pattern) and M (weighted level frequencies per class) until no parameter moves more
 * than `tolerance` (default 1e-6) or `maxIterations` (default 500). Probabilities are floored
 * at 1e-5. Throws RESOLVE_NO_CANDIDATE_PAIRS on an empty input. Patterns are decoded once
 * into a row-major Uint8Array of levels (Uint16Array past 254 levels) and m, u live in flat Float64Arrays, so an
 * iteration costs two passes over the level array and allocates nothing.
 */
export function fitEm(names: readonly string[], levels: readonly (readonly string[])[], coder: PatternCoder, counts: ReadonlyMap<number, number>, options: EmOptions = {}): FsModel {
  const K = names.length;
  const P = counts.size;
  const n = new Float64Array(P);
  const lv = coder.levelCounts.some((c) => c > 254) ? new Uint16Array(P * K) : new Uint8Array(P * K);
  let total = 0;
  let i = 0;
  for (const [pattern, c] of counts) {
    n[i] = c;
    total += c;
    for (let k = 0; k < K; k++) lv[i * K + k] = levelOf(coder, pattern, k);
    i++;
  }
  if (total === 0) throw new AppError(ResolveErrors.RESOLVE_NO_CANDIDATE_PAIRS);
  const off = new Int32Array(K + 1);
  for (let k = 0; k < K; k++) off[k + 1] = off[k]! + coder.levelCounts[k]!;
  const m = new Float64Array(off[K]!);
  const u = new Float64Array(off[K]!);
  for (let k = 0; k < K; k++) {
    for (let l = 0; l < coder.levelCounts[k]!; l++) m[off[k]! + l] = Math.pow(0.2, l);
    normaliseInPlace(m, off[k]!, off[k + 1]!);
    if (options.fixedU) {
      u.set(options.fixedU[k]!, off[k]!);
    } else {
      for (let x = 0; x < P; x++) {
        const l = lv[x * K + k]!;
        if (l < coder.levelCounts[k]!) u[off[k]! + l]! += n[x]!;
      }
    }
    normaliseInPlace(u, off[k]!, off[k + 1]!);
  }
  let lambda = options.initialMatchShare ?? 0.1;
  const maxIt = options.maxIterations ?? 500;
  const tol = options.tolerance ?? 1e-6;
  let it = 0;
  let converged = false;
  // Row-major parameter index of every (pattern, field): off[k] + level, −1 when missing.
  const ix = new Int32Array(P * K);
  for (let x = 0; x < P; x++) for (let k = 0; k < K; k++) {
    const l = lv[x * K + k]!;
    ix[x * K + k] = l < coder.levelCounts[k]! ? off[k]! + l : -1;
  }
  const wm = new Float64Array(P);
  const wu = new Float64Array(P);
  const mNew = new Float64Array(off[K]!);
  const uNew = new Float64Array(off[K]!);
  while (it < maxIt && !converged) {
    it++;
    // E step, pattern by pattern (levels row-major: one pass over the level array).
    let matched = 0;
    for (let x = 0; x < P; x++) {
      let pm = lambda;
      let pu = 1 - lambda;
      const row = x * K;
      for (let k = row; k < row + K; k++) {
        const q = ix[k]!;
        if (q < 0) continue;
        pm *= m[q]!;
        pu *= u[q]!;
      }
      const g = pm / (pm + pu);
      wm[x] = g * n[x]!;
      wu[x] = (1 - g) * n[x]!;
      matched += wm[x]!;
    }
    // M step: weighted level frequencies, summed in pattern order for every (field, level).
    mNew.fill(0);
    uNew.fill(0);
    for (let x = 0; x < P; x++) {
      const row = x * K;
      const a = wm[x]!;
      const b = wu[x]!;
      for (let k = row; k < row + K; k++) {
        const q = ix[k]!;
        if (q < 0) continue;
        mNew[q]! += a;
        uNew[q]! += b;
      }
    }
    for (let k = 0; k < K; k++) {
      normaliseInPlace(mNew, off[k]!, off[k + 1]!);
      if (!options.fixedU) normaliseInPlace(uNew, off[k]!, off[k + 1]!);
    }
    const lambdaN = Math.min(1 - 1e-9, Math.max(1e-9, matched / total));
    let delta = Math.abs(lambdaN - lambda);
    for (let x = 0; x < m.length; x++) delta = Math.max(delta, Math.abs(mNew[x]! - m[x]!), options.fixedU ? 0 : Math.abs(uNew[x]! - u[x]!));
    m.set(mNew);
    if (!options.fixedU) u.set(uNew);
    lambda = lambdaN;
    converged = delta < tol;
  }
  let mOut = names.map((_, k) => Array.from(m.subarray(off[k]!, off[k + 1]!)));
  let uOut = names.map((_, k) => Array.from(u.subarray(off[k]!, off[k + 1]!)));
  // Label switching: the match class is the one that agrees more on the first level overall.
  const agreeM = mOut.reduce((a, x) => a + x[0]!, 0);
  const agreeU = uOut.reduce((a, x) => a + x[0]!, 0);
  if (agreeM < agreeU && !options.fixedU) [mOut, uOut, lambda] = [uOut, mOut, 1 - lambda];
  return { fields: names.map((name, k) => ({ name, levels: levels[k]!, m: mOut[k]!, u: uOut[k]! })), matchShare: lambda, method: 'em', iterations: it, converged };
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
