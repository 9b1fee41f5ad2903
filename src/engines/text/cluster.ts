/**
 * Near-duplicate and same-subject clustering of short texts: MinHash over word shingles of the
 * segmented text (stop words dropped) with LSH banding for candidates, verified by estimated
 * Jaccard ≥ `threshold`; texts naming the same specific entity (company, estate, project; see
 * `entities.ts`) are joined at the lower `entityThreshold`. Components of the accepted pairs
 * (union–find) are the clusters. A cluster summary gives the most frequent terms and the
 * member closest to all others (representative). `growthAlerts` flags clusters whose count in
 * the latest time window passes thresholds.
 */
import { extractEntities } from './entities.ts';
import { lshCandidatePairs, minhashSignature, signatureSimilarity, wordShingles } from './minhash.ts';
import { segment } from './segment.ts';
import { dropStopWords } from './stopwords.ts';

export interface ClusterInput {
  readonly id: string;
  readonly text: string;
}

export interface ClusterOptions {
  /** Estimated Jaccard needed to join two texts. Default 0.5. */
  readonly threshold?: number;
  /** Estimated Jaccard needed when two texts share a company/estate/project name. Default 0.15. */
  readonly entityThreshold?: number;
  /** Bands × rows = MinHash length. Defaults 32 × 4 (half-way point of the S-curve ≈ 0.42). */
  readonly bands?: number;
  readonly rows?: number;
  readonly seed?: number;
}

export interface TextCluster {
  /** Indices into the input, ascending. */
  readonly members: readonly number[];
  readonly ids: readonly string[];
  /** Most frequent non-stop-word terms over the members, most frequent first. */
  readonly topTerms: readonly string[];
  /** Entities named by at least two members. */
  readonly entities: readonly string[];
  /** Index (into the input) of the member with the highest mean similarity to the others. */
  readonly representative: number;
}

class UnionFind {
  readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Cluster texts; returns clusters of two or more members, largest first (ties: first member).
 * Cost: one segmentation per text, O(n · bands) bucketing, candidate verification O(pairs · hashes).
 */
export function clusterTexts(inputs: readonly ClusterInput[], options: ClusterOptions = {}): TextCluster[] {
  const { threshold = 0.5, entityThreshold = 0.15, bands = 32, rows = 4, seed = 1 } = options;
  const tokens = inputs.map((d) => dropStopWords(segment(d.text)));
  const sigs = tokens.map((t) => minhashSignature(wordShingles(t), bands * rows, seed));
  const entityKeys = inputs.map((d) => extractEntities(d.text).filter((e) => e.kind !== 'place').map((e) => e.name));
  const uf = new UnionFind(inputs.length);
  for (const [i, j] of lshCandidatePairs(sigs, bands, rows)) {
    if (signatureSimilarity(sigs[i]!, sigs[j]!) >= threshold) uf.union(i, j);
  }
  const byEntity = new Map<string, number[]>();
  entityKeys.forEach((keys, i) => keys.forEach((k) => byEntity.set(k, [...(byEntity.get(k) ?? []), i])));
  for (const list of byEntity.values()) {
    if (list.length < 2 || list.length > 200) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        if (signatureSimilarity(sigs[list[x]!]!, sigs[list[y]!]!) >= entityThreshold) uf.union(list[x]!, list[y]!);
      }
    }
  }
  const groups = new Map<number, number[]>();
  inputs.forEach((_, i) => {
    const r = uf.find(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .sort((a, b) => b.length - a.length || a[0]! - b[0]!)
    .map((members) => summarise(members, inputs, tokens, sigs, entityKeys));
}

function summarise(members: number[], inputs: readonly ClusterInput[], tokens: string[][], sigs: Uint32Array[], entityKeys: string[][]): TextCluster {
  const termCounts = new Map<string, number>();
  for (const i of members) for (const t of new Set(tokens[i])) if (t.length > 1) termCounts.set(t, (termCounts.get(t) ?? 0) + 1);
  const topTerms = [...termCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 8).map(([t]) => t);
  const entityCounts = new Map<string, number>();
  for (const i of members) for (const e of new Set(entityKeys[i])) entityCounts.set(e, (entityCounts.get(e) ?? 0) + 1);
  const entities = [...entityCounts.entries()].filter(([, n]) => n > 1).sort((a, b) => b[1] - a[1]).map(([e]) => e);
  const sample = members.slice(0, 200);
  let representative = members[0]!;
  let best = -1;
  for (const i of sample) {
    let s = 0;
    for (const j of sample) if (i !== j) s += signatureSimilarity(sigs[i]!, sigs[j]!);
    if (s > best) {
      best = s;
      representative = i;
    }
  }
  return { members, ids: members.map((i) => inputs[i]!.id), topTerms, entities, representative };
}

export interface GrowthAlertOptions {
  /** Window length in milliseconds. */
  readonly windowMs: number;
  /** Members inside the latest window needed to alert. */
  readonly minCount: number;
  /** The latest window must hold at least growthFactor × the previous window's count. Default 2. */
  readonly growthFactor?: number;
  /** End of the latest window (epoch ms). Default: the latest member time. */
  readonly now?: number;
}

export interface GrowthAlert {
  readonly clusterIndex: number;
  readonly count: number;
  readonly previousCount: number;
  readonly windowStart: number;
  readonly windowEnd: number;
  /** Why it alerted, e.g. '12 ≥ 5 in window; previous window 3 (×4.0 ≥ ×2)'. */
  readonly reason: string;
}

/**
 * Alerts for clusters growing past thresholds: for each cluster (times in epoch ms, one per
 * member), count members in (now − windowMs, now] and in the window before it; alert when
 * count ≥ minCount and count ≥ growthFactor × previousCount. Returns alerts by count descending.
 */
export function growthAlerts(clusterTimes: readonly (readonly number[])[], options: GrowthAlertOptions): GrowthAlert[] {
  const { windowMs, minCount, growthFactor = 2 } = options;
  const now = options.now ?? Math.max(...clusterTimes.flat());
  const start = now - windowMs;
  const out: GrowthAlert[] = [];
  clusterTimes.forEach((times, clusterIndex) => {
    const count = times.filter((t) => t > start && t <= now).length;
    const previousCount = times.filter((t) => t > start - windowMs && t <= start).length;
    if (count >= minCount && count >= growthFactor * previousCount) {
      const ratio = previousCount ? `×${(count / previousCount).toFixed(1)}` : '×∞';
      out.push({ clusterIndex, count, previousCount, windowStart: start, windowEnd: now, reason: `${count} ≥ ${minCount} in window; previous window ${previousCount} (${ratio} ≥ ×${growthFactor})` });
    }
  });
  return out.sort((a, b) => b.count - a.count);
}
