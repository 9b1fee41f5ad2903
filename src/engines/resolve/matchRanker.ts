/**
 * One call for a whole matching run (`resolve`), and top-k candidates per record: the pieces
 * of resolver.ts composed in order: prepare → block and compare → fit → score → classify.
 */
import type { BlockingStats } from './blocking.ts';
import type { ResolverConfig, Row } from './config.ts';
import { explainPair, type PairExplanation } from './explain.ts';
import type { FsModel } from './fellegiSunter.ts';
import { PhaseClock, type ResolveTimings } from './timing.ts';
import { compareCandidates, fitModel, patternTable, prepare, scoreCandidates, scoredPair, thresholdsOf, type CandidateSet, type Prepared, type ScoredPair } from './resolver.ts';

/** The outcome of a run. */
export interface ResolveResult {
  readonly model: FsModel;
  readonly thresholds: { readonly match: number; readonly possible: number };
  /** Pairs at or above the match threshold, best first. */
  readonly matches: readonly ScoredPair[];
  /** Pairs between the possible-match and match thresholds, best first. */
  readonly possibleMatches: readonly ScoredPair[];
  readonly stats: BlockingStats & { readonly patterns: number };
  readonly prepared: Prepared;
  readonly candidates: CandidateSet;
  readonly weights: Float64Array;
  /** Wall-clock and CPU milliseconds per phase: features, blocking, compare, fit, score, rank. */
  readonly timings: ResolveTimings;
  /** Top-k candidates of left record i (for deduplication: of record i among all others), best first. */
  topK(i: number, k?: number): ScoredPair[];
  /** Field-by-field explanation of left i against right j. */
  explain(i: number, j: number): PairExplanation;
}

/** Options of `resolve`. */
export interface ResolveOptions {
  /** Labels for supervised estimation of m and u (else EM). */
  readonly labels?: (i: number, j: number) => boolean | undefined;
  /** A model fitted earlier, reused as is (no estimation). */
  readonly model?: FsModel;
}

/**
 * Run matching. `right` omitted → deduplicate `left`. Throws AppError for a bad configuration
 * (RESOLVE_CONFIG_INVALID, RESOLVE_UNKNOWN_COMPARATOR), for no candidate pairs under EM
 * (RESOLVE_NO_CANDIDATE_PAIRS) or too few labels (RESOLVE_LABELS_INSUFFICIENT).
 */
export function resolve(config: ResolverConfig, left: readonly Row[], right?: readonly Row[], options: ResolveOptions = {}): ResolveResult {
  const p = prepare(config, left, right);
  const clock = new PhaseClock();
  const c = compareCandidates(p);
  clock.lap('compare');
  const model = options.model ?? fitModel(p, c, options.labels);
  clock.lap('fit');
  const weights = scoreCandidates(p, c, model);
  const th = thresholdsOf(config, model);
  const matches: ScoredPair[] = [];
  const possible: ScoredPair[] = [];
  for (let t = 0; t < c.count; t++) {
    if (weights[t]! < th.possible) continue;
    const sp = scoredPair(p, c, weights, model, t, th);
    (sp.decision === 'match' ? matches : possible).push(sp);
  }
  matches.sort((a, b) => b.weight - a.weight);
  possible.sort((a, b) => b.weight - a.weight);
  clock.lap('score');
  const ranking = rankIndex(p, c, weights);
  clock.lap('rank');
  const defaultK = config.topK ?? 10;
  return {
    model,
    thresholds: th,
    matches,
    possibleMatches: possible,
    stats: { ...c.stats, patterns: patternTable(c).size },
    prepared: p,
    candidates: c,
    weights,
    timings: { ...p.timings, ...clock.laps },
    topK: (i, k = defaultK) => ranking(i, k).map((t) => orient(scoredPair(p, c, weights, model, t, th), i, p)),
    explain: (i, j) => explainPair(p, model, i, j),
  };
}

function orient(sp: ScoredPair, i: number, p: Prepared): ScoredPair {
  if (!p.dedupe || sp.left === i) return sp;
  return { ...sp, left: sp.right, right: sp.left, leftId: sp.rightId, rightId: sp.leftId };
}

/**
 * Per-record candidate lists, grouped once by counting sort (for deduplication each pair is
 * listed under both records); a query sorts one record's list by weight.
 */
function rankIndex(p: Prepared, c: CandidateSet, weights: Float64Array): (i: number, k: number) => number[] {
  const n = p.leftIds.length;
  const start = new Int32Array(n + 1);
  for (let t = 0; t < c.count; t++) {
    start[c.left[t]! + 1]!++;
    if (p.dedupe) start[c.right[t]! + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const list = new Int32Array(start[n]!);
  for (let t = 0; t < c.count; t++) {
    list[fill[c.left[t]!]!++] = t;
    if (p.dedupe) list[fill[c.right[t]!]!++] = t;
  }
  return (i, k) => {
    if (i < 0 || i >= n) return [];
    const own = Array.from(list.subarray(start[i]!, start[i + 1]!));
    own.sort((a, b) => weights[b]! - weights[a]!);
    return own.slice(0, k);
  };
}

/**
 * Entities of a deduplication: connected components of the match pairs (union–find with path
 * halving), each a list of record indices in ascending order, largest first; records without a
 * match are singletons and are left out. Transitive closure can join two records that were not
 * compared directly; each pair's own weight stays available through `explain`.
 */
export function clusterMatches(matches: readonly Pick<ScoredPair, 'left' | 'right'>[], n: number): number[][] {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const m of matches) {
    const a = find(m.left);
    const b = find(m.right);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  return [...groups.values()].filter((g) => g.length > 1).sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}
