/**
 * Pairwise evaluation against ground truth (Christen 2012, Data Matching, ch. 7): precision,
 * recall and F1 of predicted pairs, and pair completeness of blocking (share of true pairs
 * among the candidates). Pairs are unordered and keyed 'a|b' with a < b (string order).
 */

/** Key of an unordered pair of record ids. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Pairwise quality of a prediction. */
export interface PairMetrics {
  readonly predicted: number;
  readonly truePairs: number;
  readonly truePositives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Compare predicted pairs with the true pairs (both as id pairs; duplicates counted once). */
export function pairMetrics(predicted: Iterable<readonly [string, string]>, truth: ReadonlySet<string>): PairMetrics {
  const seen = new Set<string>();
  let tp = 0;
  for (const [a, b] of predicted) {
    const k = pairKey(a, b);
    if (seen.has(k)) continue;
    seen.add(k);
    if (truth.has(k)) tp++;
  }
  const precision = seen.size === 0 ? 0 : tp / seen.size;
  const recall = truth.size === 0 ? 0 : tp / truth.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { predicted: seen.size, truePairs: truth.size, truePositives: tp, precision, recall, f1 };
}

/** All unordered pairs within each cluster of ids (the true pairs of a deduplication task). */
export function pairsOfClusters(clusters: Iterable<readonly string[]>): Set<string> {
  const out = new Set<string>();
  for (const c of clusters) for (let i = 0; i < c.length; i++) for (let j = i + 1; j < c.length; j++) out.add(pairKey(c[i]!, c[j]!));
  return out;
}

/**
 * Pair completeness of blocking (Christen 2012, §4.7): the share of true pairs that are among
 * the candidate pairs. `candidates` yields id pairs; `truth` holds pair keys.
 */
export function pairCompleteness(candidates: Iterable<readonly [string, string]>, truth: ReadonlySet<string>): number {
  if (truth.size === 0) return 1;
  const found = new Set<string>();
  for (const [a, b] of candidates) {
    const k = pairKey(a, b);
    if (truth.has(k)) found.add(k);
  }
  return found.size / truth.size;
}
