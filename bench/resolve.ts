/**
 * Matching at the scale of issue 4 (30,294 family posts × 24,370 child posts, 3,000 true pairs)
 * on the resolve engine's synthetic reunion records: one full run (prepare features, block,
 * compare, EM, score, rank) timed in wall-clock and CPU milliseconds (CPU time is what the
 * process used; on a shared machine wall time also counts waiting), recall@10 and top-1 of the
 * true pairs, and the ratio to the baseline of exhaustive comparison, measured in the same run
 * on a 2,000 × 2,000 sample (all 4,000,000 pairs compared through the same column kernels) and extrapolated to the
 * full cross product. Usage: node --import tsx bench/resolve.ts [left right pairs]
 */
import { syntheticReunion, syntheticReunionConfig } from '../src/engines/resolve/datasets/synthetic.ts';
import { resolve } from '../src/engines/resolve/matchRanker.ts';
import { comparePatterns, prepare } from '../src/engines/resolve/resolver.ts';

const [nl, nr, np] = process.argv.slice(2).map(Number);
const L = nl || 30_294;
const R = nr || 24_370;
const P = np || 3_000;
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

// Warm-up (module loading, dictionaries, JIT) on a small independent set.
const warm = syntheticReunion({ left: 2000, right: 1500, pairs: 200, seed: 99 });
resolve(syntheticReunionConfig, warm.left, warm.right);

const data = syntheticReunion({ left: L, right: R, pairs: P, seed: 7 });
const w0 = performance.now();
const c0 = cpuMs();
const result = resolve(syntheticReunionConfig, data.left, data.right);
const wall = performance.now() - w0;
const cpu = cpuMs() - c0;
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
console.log(`records ${L} × ${R}, true pairs ${P}: ${result.stats.candidatePairs} candidate pairs (reduction ratio ${result.stats.reductionRatio.toFixed(5)}), ${result.stats.patterns} patterns, EM ${result.model.iterations} iterations`);
console.log(`full run: ${wall.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms CPU`);
console.log(`true pairs: recall@10 ${(top10 / n).toFixed(4)}, top-1 ${(top1 / n).toFixed(4)}`);

// Baseline: exhaustive comparison of every pair of a 2,000 × 2,000 sample.
const S = Math.min(2000, L, R);
const ps = prepare(syntheticReunionConfig, data.left.slice(0, S), data.right.slice(0, S));
const sampleL = new Int32Array(S * S);
const sampleR = new Int32Array(S * S);
for (let i = 0, t = 0; i < S; i++) for (let j = 0; j < S; j++, t++) [sampleL[t], sampleR[t]] = [i, j];
const we = performance.now();
const ce = cpuMs();
const patterns = comparePatterns(ps, sampleL, sampleR);
let checksum = 0;
for (let t = 0; t < patterns.length; t++) checksum = (checksum + patterns[t]!) % 1_000_003;
const exWall = performance.now() - we;
const exCpu = cpuMs() - ce;
const scale = (L * R) / (S * S);
console.log(`baseline exhaustive: ${S}×${S} pairs in ${exWall.toFixed(0)} ms wall, ${exCpu.toFixed(0)} ms CPU (checksum ${checksum}); extrapolated to ${L}×${R}: ${((exCpu * scale) / 1000).toFixed(0)} s CPU`);
console.log(`ratio exhaustive/blocked full run (CPU): ×${((exCpu * scale) / cpu).toFixed(1)}`);
