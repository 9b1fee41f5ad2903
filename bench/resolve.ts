/**
 * Matching at the scale of issue 4 (30,294 family posts × 24,370 child posts, 3,000 true pairs)
 * on the resolve engine's synthetic reunion records: time per stage with blocking, recall@10
 * and top-1 of the true pairs, and the ratio to exhaustive comparison measured in the same run
 * on a 2,000 × 2,000 sample (all 4,000,000 pairs compared, the same model), extrapolated to
 * the full cross product. Usage: node --import tsx bench/resolve.ts [left right pairs]
 */
import { syntheticReunion, syntheticReunionConfig } from '../src/engines/resolve/datasets/synthetic.ts';
import { compareCandidates, comparePair, fitModel, prepare, scoreCandidates } from '../src/engines/resolve/resolver.ts';
import { resolve } from '../src/engines/resolve/matchRanker.ts';

const [nl, nr, np] = process.argv.slice(2).map(Number);
const L = nl || 30_294;
const R = nr || 24_370;
const P = np || 3_000;

// Warm-up (module loading, dictionaries, JIT) on a small independent set.
const warm = syntheticReunion({ left: 2000, right: 1500, pairs: 200, seed: 99 });
resolve(syntheticReunionConfig, warm.left, warm.right);

const data = syntheticReunion({ left: L, right: R, pairs: P, seed: 7 });
const t0 = performance.now();
const p = prepare(syntheticReunionConfig, data.left, data.right);
const t1 = performance.now();
const c = compareCandidates(p);
const t2 = performance.now();
const model = fitModel(p, c);
const t3 = performance.now();
const result = resolve(syntheticReunionConfig, data.left, data.right, { model });
const weights = scoreCandidates(p, c, model);
const t4 = performance.now();
let top1 = 0;
let top10 = 0;
let n = 0;
for (let i = 0; i < L; i++) {
  const j = data.truth[i]!;
  if (j < 0) continue;
  n++;
  const pos = result.topK(i, 10).findIndex((s) => s.right === j);
  if (pos === 0) top1++;
  if (pos >= 0) top10++;
}
const blockedMs = t3 - t0 + (t4 - t3) / 2;
console.log(`records ${L} × ${R}, true pairs ${P}; candidate pairs ${c.count} (reduction ratio ${c.stats.reductionRatio.toFixed(5)}), ${result.stats.patterns} patterns, ${weights.length} scored`);
console.log(`stages: prepare ${(t1 - t0).toFixed(0)} ms, block+compare ${(t2 - t1).toFixed(0)} ms, EM ${(t3 - t2).toFixed(0)} ms (${model.iterations} iterations); full run with EM ≈ ${blockedMs.toFixed(0)} ms`);
console.log(`quality on the true pairs: recall@10 ${(top10 / n).toFixed(4)}, top-1 ${(top1 / n).toFixed(4)}`);

// Exhaustive baseline: every pair of a 2,000 × 2,000 sample, compared the same way.
const S = Math.min(2000, L, R);
const ps = prepare(syntheticReunionConfig, data.left.slice(0, S), data.right.slice(0, S));
const te = performance.now();
let acc = 0;
for (let i = 0; i < S; i++) for (let j = 0; j < S; j++) acc += comparePair(ps, i, j) > 0 ? 1 : 0;
const exMs = performance.now() - te;
const perPair = exMs / (S * S);
const fullExhaustiveMs = perPair * L * R;
console.log(`exhaustive baseline: ${S}×${S} = ${S * S} pairs in ${exMs.toFixed(0)} ms (${(perPair * 1e6).toFixed(0)} ns/pair, checksum ${acc}); extrapolated to ${L}×${R}: ${(fullExhaustiveMs / 1000).toFixed(1)} s`);
console.log(`ratio exhaustive/blocked (block+compare): ×${(fullExhaustiveMs / (t2 - t1)).toFixed(1)}; whole run vs exhaustive compare alone: ×${(fullExhaustiveMs / blockedMs).toFixed(1)}`);
