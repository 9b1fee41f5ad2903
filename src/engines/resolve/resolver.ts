/**
 * The resolve engine end to end: prepare per-record features once, block, compare candidate
 * pairs into comparison patterns, estimate Fellegi–Sunter parameters (EM or labels), score,
 * classify (match / possible match / non-match), rank top-k candidates per record, and explain
 * any pair field by field. Deduplication when only `left` is given, linkage of `left` against
 * `right` otherwise.
 */
import { mulberry32 } from '../../core/random.ts';
import { AppError } from '../../core/errors.ts';
import { blockingStats, buildBlockingIndex, forEachCandidate, type BlockingIndex, type BlockingStats } from './blocking.ts';
import { compileConfig, readField, type CompiledComparison, type ResolverConfig, type Row } from './config.ts';
import { ResolveErrors } from './errors.ts';
import { genericKernel, type ColumnKernel } from './kernels.ts';
import { PatternTable } from './patternTable.ts';
import { PhaseClock, type ResolveTimings } from './timing.ts';
import { fitEm, fitLabelled, levelOf, levelWeights, matchProbability, patternCoder, patternWeight, weightForProbability, type FsModel, type PatternCoder } from './fellegiSunter.ts';

/** Features of both sides, computed once per record. */
export interface Prepared {
  readonly config: ResolverConfig;
  readonly comparisons: readonly CompiledComparison[];
  readonly coder: PatternCoder;
  /** features[k][i]: comparison k of left record i (null = missing). */
  readonly leftFeatures: readonly (readonly unknown[])[];
  readonly rightFeatures: readonly (readonly unknown[])[];
  readonly leftIds: readonly string[];
  readonly rightIds: readonly string[];
  readonly blocking: BlockingIndex;
  readonly dedupe: boolean;
  /** Time spent preparing features and building the blocking index. */
  readonly timings: ResolveTimings;
}

/**
 * Compile the configuration and prepare every record's comparison features and blocking keys.
 * Throws AppError RESOLVE_CONFIG_INVALID / RESOLVE_UNKNOWN_COMPARATOR on a bad configuration.
 */
export function prepare(config: ResolverConfig, left: readonly Row[], right?: readonly Row[]): Prepared {
  const clock = new PhaseClock();
  const comparisons = compileConfig(config);
  const dedupe = right === undefined;
  const rightRows = right ?? left;
  const leftFeatures: unknown[][] = [];
  const rightFeatures: unknown[][] = [];
  const nl = left.length;
  // One batch per comparison for both sides, so corpus statistics (IDF) and interned ids are
  // shared. Rows are read row by row (every field of a record while it is in cache), not once
  // per comparison.
  const K = comparisons.length;
  const columns: unknown[][] = comparisons.map(() => new Array(dedupe ? nl : nl + rightRows.length));
  for (let i = 0; i < nl; i++) {
    const row = left[i]!;
    for (let k = 0; k < K; k++) columns[k]![i] = readField(row, comparisons[k]!.left);
  }
  if (!dedupe) {
    for (let j = 0; j < rightRows.length; j++) {
      const row = rightRows[j]!;
      for (let k = 0; k < K; k++) columns[k]![nl + j] = readField(row, comparisons[k]!.right);
    }
  }
  for (let k = 0; k < K; k++) {
    const c = comparisons[k]!;
    const values = columns[k]!;
    const f = c.comparator.prepare(values);
    leftFeatures.push(dedupe ? f : f.slice(0, nl));
    rightFeatures.push(dedupe ? f : f.slice(nl));
  }
  const ids = (rows: readonly Row[]): string[] => rows.map((r, i) => (config.idField ? String(readField(r, config.idField)) : String(i)));
  const leftIds = ids(left);
  const rightIds = dedupe ? leftIds : ids(rightRows);
  clock.lap('features');
  const blocking = buildBlockingIndex(config.blocking, left, right);
  clock.lap('blocking');
  return {
    config,
    comparisons,
    coder: patternCoder(comparisons.map((c) => c.comparator.levels.length)),
    leftFeatures,
    rightFeatures,
    leftIds,
    rightIds,
    blocking,
    dedupe,
    timings: clock.laps,
  };
}

/** Comparison pattern of one pair (mixed-radix level vector). */
export function comparePair(p: Prepared, i: number, j: number): number {
  return pairComparer(p)(i, j);
}

const comparers = new WeakMap<Prepared, (i: number, j: number) => number>();

/**
 * A pattern function for pairs of `p` with everything it needs in local arrays (no property
 * chains in the hot loop); built once per prepared input.
 */
export function pairComparer(p: Prepared): (i: number, j: number) => number {
  const cached = comparers.get(p);
  if (cached) return cached;
  const K = p.comparisons.length;
  const fns = p.comparisons.map((c) => c.comparator.compare.bind(c.comparator) as (a: unknown, b: unknown) => number);
  const lf = p.leftFeatures.slice();
  const rf = p.rightFeatures.slice();
  const missing = Float64Array.from(p.coder.levelCounts, (n, k) => n * p.coder.strides[k]!);
  const strides = Float64Array.from(p.coder.strides);
  const f = (i: number, j: number): number => {
    let pattern = 0;
    for (let k = 0; k < K; k++) {
      const a = lf[k]![i];
      const b = rf[k]![j];
      pattern += a == null || b == null ? missing[k]! : fns[k]!(a, b) * strides[k]!;
    }
    return pattern;
  };
  comparers.set(p, f);
  return f;
}

/** Candidate pairs with their patterns, in parallel typed arrays of length `count`. */
export interface CandidateSet {
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly patterns: Float64Array;
  readonly count: number;
  readonly stats: BlockingStats;
}

/**
 * Generate candidate pairs by blocking, then compare them column by column: one tight loop per
 * comparison over all pairs, through the comparator's column kernel (typed arrays packed once
 * per run) or, for comparators without one, its `compare` per pair; each adds level × stride
 * into the pair's pattern.
 */
export function compareCandidates(p: Prepared): CandidateSet {
  let cap = 1 << 16;
  let left = new Int32Array(cap);
  let right = new Int32Array(cap);
  let n = 0;
  const count = forEachCandidate(p.blocking, (i, j) => {
    if (n === cap) {
      cap *= 2;
      const l2 = new Int32Array(cap);
      l2.set(left);
      left = l2;
      const r2 = new Int32Array(cap);
      r2.set(right);
      right = r2;
    }
    left[n] = i;
    right[n] = j;
    n++;
  });
  const L = left.slice(0, n);
  const R = right.slice(0, n);
  return { left: L, right: R, patterns: comparePatterns(p, L, R), count, stats: blockingStats(p.blocking, count) };
}

/**
 * Comparison patterns of the pairs (L[t], R[t]) (left and right record indices), column by
 * column through the comparators' kernels. Used by `compareCandidates`, and directly for any
 * explicit list of pairs (an exhaustive baseline, a re-scored subset).
 */
export function comparePatterns(p: Prepared, L: Int32Array, R: Int32Array): Float64Array {
  const patterns = new Float64Array(L.length);
  columnKernels(p).forEach((kernel, k) => kernel(L, R, patterns, p.coder.strides[k]!, p.coder.levelCounts[k]!));
  return patterns;
}

const kernelCache = new WeakMap<Prepared, ColumnKernel[]>();

/** The column kernel of every comparison of `p`, packed once per prepared input. */
function columnKernels(p: Prepared): ColumnKernel[] {
  let ks = kernelCache.get(p);
  if (!ks) {
    ks = p.comparisons.map((c, k) => {
      const lf = p.leftFeatures[k]!;
      const rf = p.rightFeatures[k]!;
      return c.comparator.columnKernel?.(lf, rf) ?? genericKernel(lf, rf, c.comparator.compare.bind(c.comparator));
    });
    kernelCache.set(p, ks);
  }
  return ks;
}

const tables = new WeakMap<CandidateSet, PatternTable>();

/** The distinct patterns of a candidate set with their counts (built once per set). */
export function patternTable(c: CandidateSet): PatternTable {
  let table = tables.get(c);
  if (!table) {
    table = new PatternTable(c.patterns, c.count);
    tables.set(c, table);
  }
  return table;
}

/** Pattern → number of candidate pairs with it (from `patternTable`). */
export function patternCounts(c: CandidateSet): Map<number, number> {
  const table = patternTable(c);
  const m = new Map<number, number>();
  for (let s = 0; s < table.keys.length; s++) if (table.keys[s]! >= 0) m.set(table.keys[s]!, table.counts[s]!);
  return m;
}

/**
 * u estimated from `n` random record pairs (seeded), which are almost all non-matches when the
 * files are large (Jaro 1989): level frequencies per field, missing comparisons skipped.
 */
export function uFromRandomPairs(p: Prepared, n: number, seed = 1): number[][] {
  const rnd = mulberry32(seed);
  const nl = p.leftFeatures[0]!.length;
  const nr = p.rightFeatures[0]!.length;
  const freq = p.comparisons.map((c) => new Array<number>(c.comparator.levels.length).fill(0));
  for (let s = 0; s < n; s++) {
    const i = Math.floor(rnd() * nl);
    const j = Math.floor(rnd() * nr);
    if (p.dedupe && i === j) continue;
    const pattern = comparePair(p, i, j);
    for (let k = 0; k < freq.length; k++) {
      const l = levelOf(p.coder, pattern, k);
      if (l < p.coder.levelCounts[k]!) freq[k]![l]! += 1;
    }
  }
  return freq.map((f) => { const t = f.reduce((a, b) => a + b, 0) || 1; return f.map((x) => x / t); });
}

/**
 * Estimate the model. With `labels` (a function saying whether left i and right j are the same
 * entity, for some pairs), m and u come from the labelled candidate pairs; otherwise by EM on
 * the candidate patterns, with u fixed from random pairs when `config.em.randomPairsForU` > 0.
 */
export function fitModel(p: Prepared, c: CandidateSet, labels?: (i: number, j: number) => boolean | undefined): FsModel {
  const names = p.comparisons.map((x) => x.name);
  const levels = p.comparisons.map((x) => x.comparator.levels);
  if (labels) {
    const labelled: { pattern: number; match: boolean }[] = [];
    for (let t = 0; t < c.count; t++) {
      const y = labels(c.left[t]!, c.right[t]!);
      if (y !== undefined) labelled.push({ pattern: c.patterns[t]!, match: y });
    }
    return fitLabelled(names, levels, p.coder, labelled);
  }
  const em = p.config.em ?? {};
  const fixedU = em.randomPairsForU ? uFromRandomPairs(p, em.randomPairsForU, em.seed ?? 1) : undefined;
  return fitEm(names, levels, p.coder, patternCounts(c), {
    ...(em.maxIterations !== undefined ? { maxIterations: em.maxIterations } : {}),
    ...(em.tolerance !== undefined ? { tolerance: em.tolerance } : {}),
    ...(em.initialMatchShare !== undefined ? { initialMatchShare: em.initialMatchShare } : {}),
    ...(fixedU ? { fixedU } : {}),
  });
}

/** One scored candidate pair. */
export interface ScoredPair {
  readonly left: number;
  readonly right: number;
  readonly leftId: string;
  readonly rightId: string;
  /** Match weight in bits. */
  readonly weight: number;
  readonly probability: number;
  readonly decision: 'match' | 'possible' | 'non-match';
}

/** Match and possible-match thresholds in bits; defaults from the posterior (0.5 and 0.05). */
export function thresholdsOf(config: ResolverConfig, model: FsModel): { match: number; possible: number } {
  return config.thresholds ?? { match: weightForProbability(0.5, model.matchShare), possible: weightForProbability(0.05, model.matchShare) };
}

/**
 * Weights of every candidate (Float64Array parallel to the candidate set): Σ log2(m/u) of each
 * distinct pattern once (`patternWeight`), then one table look-up per pair.
 */
export function scoreCandidates(p: Prepared, c: CandidateSet, model: FsModel): Float64Array {
  if (model.fields.length !== p.comparisons.length) throw new AppError(ResolveErrors.RESOLVE_NOT_FITTED);
  const w = levelWeights(model);
  const table = patternTable(c);
  const bySlot = new Float64Array(table.keys.length);
  for (let s = 0; s < table.keys.length; s++) if (table.keys[s]! >= 0) bySlot[s] = patternWeight(w, p.coder, table.keys[s]!);
  const out = new Float64Array(c.count);
  for (let t = 0; t < c.count; t++) out[t] = bySlot[table.slot(c.patterns[t]!)]!;
  return out;
}

/** Build the public shape of candidate t. */
export function scoredPair(p: Prepared, c: CandidateSet, weights: Float64Array, model: FsModel, t: number, th: { match: number; possible: number }): ScoredPair {
  const weight = weights[t]!;
  const i = c.left[t]!;
  const j = c.right[t]!;
  return {
    left: i,
    right: j,
    leftId: p.leftIds[i]!,
    rightId: p.rightIds[j]!,
    weight,
    probability: matchProbability(weight, model.matchShare),
    decision: weight >= th.match ? 'match' : weight >= th.possible ? 'possible' : 'non-match',
  };
}
