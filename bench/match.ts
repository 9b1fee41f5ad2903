/**
 * Reunion matching at the scale of issue 4: the seeded demo set (30,294 family posts × 24,370
 * child posts, 3,000 true pairs, 300 planted near-misses) matched with reunionMatchConfig in
 * one full run (prepare features, block, compare, EM, score, rank), timed in wall-clock and CPU
 * milliseconds with the engine's per-phase timings (the machine is shared: wall time also
 * counts waiting for a core, so the load average is printed before and after). Quality:
 * recall@10 and top-1 of the true pairs, planted near-misses ranked first, and the blocking
 * recall (share of true pairs among the candidate pairs, overall and per rule).
 * Baseline, measured in the same run: exhaustive comparison of every pair of a 2,000 × 2,000
 * sample with the same prepared features and the same column kernels, its CPU time per pair
 * extrapolated to the full cross product, against the full blocked run's CPU time.
 * Usage: node --import tsx bench/match.ts [children families pairs]
 */
import os from 'node:os';
import { demoPosts } from '../src/apps/reunion/posts/demo.ts';
import { reunionMatchConfig } from '../src/apps/reunion/matching/config.ts';
import { matchPosts } from '../src/apps/reunion/matching/match.ts';
import { comparePatterns, prepare, rulesOfPair, type ResolveTimings, type Row } from '../src/engines/resolve/index.ts';

const [nc, nf, np] = process.argv.slice(2).map(Number);
const C = nc || 24_370;
const F = nf || 30_294;
const P = np || 3_000;
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const load = (): string => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const phases = (t: ResolveTimings): string =>
  Object.entries(t)
    .map(([k, v]) => `${k} ${v.cpuMs.toFixed(0)}/${v.wallMs.toFixed(0)}`)
    .join(', ');
console.log(`machine: ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, node ${process.version}, ${new Date().toISOString()}, load average ${load()}`);

// Warm-up (module loading, dictionaries, segmenter, JIT) on a small independent set.
const warm = demoPosts({ families: 3000, children: 2400, pairs: 300, nearMisses: 30, seed: 99 });
matchPosts(warm.children, warm.families);

const g0 = performance.now();
const demo = demoPosts({ families: F, children: C, pairs: P, nearMisses: Math.round(P / 10), seed: 2024 });
console.log(`demo set generated in ${(performance.now() - g0).toFixed(0)} ms (not timed below)`);

const w0 = performance.now();
const c0 = cpuMs();
const run = matchPosts(demo.children, demo.families);
const wall = performance.now() - w0;
const cpu = cpuMs() - c0;
const result = run.result;
let n = 0;
let top1 = 0;
let top10 = 0;
let blocked = 0;
const byRule = new Array<number>(reunionMatchConfig.blocking.length).fill(0);
const onlyRule = new Array<number>(reunionMatchConfig.blocking.length).fill(0);
demo.truth.familyOf.forEach((f, c) => {
  if (f < 0) return;
  n++;
  const pos = run.ranking(c, 10).indexOf(f);
  if (pos === 0) top1++;
  if (pos >= 0) top10++;
  const rules = rulesOfPair(result.prepared.blocking, c, f);
  if (rules.length > 0) blocked++;
  for (const r of rules) byRule[r]!++;
  if (rules.length === 1) onlyRule[rules[0]!]!++;
});
let nearFirst = 0;
for (const [c, f, x] of demo.truth.nearMisses) {
  const r = run.ranking(c, 10);
  if (r[0] === x && r.indexOf(f) !== 0) nearFirst++;
}
const s = result.stats;
console.log(`records ${C} child × ${F} family posts: ${s.candidatePairs} candidate pairs (reduction ratio ${s.reductionRatio.toFixed(5)}), ${s.patterns} patterns, EM ${result.model.iterations} iterations`);
console.log(`full run: ${wall.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms CPU; phases CPU/wall ms: ${phases(result.timings)}; load average ${load()}`);
console.log(`true pairs ${n}: recall@10 ${(top10 / n).toFixed(4)}, top-1 ${(top1 / n).toFixed(4)}; planted near-misses ranked first: ${nearFirst} of ${demo.truth.nearMisses.length}`);
console.log(`blocking recall ${(blocked / n).toFixed(4)} (${blocked} of ${n} true pairs are candidates); per rule (pairs it yields / pairs only it yields): ${reunionMatchConfig.blocking.map((r, k) => `${r.name} ${byRule[k]}/${onlyRule[k]}`).join('; ')}`);

// Baseline: exhaustive comparison of every pair of a 2,000 × 2,000 sample, same features and kernels.
const S = Math.min(2000, C, F);
const ps = prepare(reunionMatchConfig, demo.children.slice(0, S) as unknown as Row[], demo.families.slice(0, S) as unknown as Row[]);
const L = new Int32Array(S * S);
const R = new Int32Array(S * S);
for (let i = 0, t = 0; i < S; i++) for (let j = 0; j < S; j++, t++) {
  L[t] = i;
  R[t] = j;
}
const we = performance.now();
const ce = cpuMs();
const patterns = comparePatterns(ps, L, R);
const exWall = performance.now() - we;
const exCpu = cpuMs() - ce;
let checksum = 0;
for (let t = 0; t < patterns.length; t++) checksum = (checksum + patterns[t]!) % 1_000_003;
const scale = (C * F) / (S * S);
console.log(`baseline exhaustive: ${S}×${S} pairs compared in ${exWall.toFixed(0)} ms wall, ${exCpu.toFixed(0)} ms CPU (checksum ${checksum}); extrapolated to ${C}×${F}: ${((exCpu * scale) / 1000).toFixed(1)} s CPU (comparison only: no features, no EM)`);
console.log(`ratio exhaustive/blocked full run (CPU): ×${((exCpu * scale) / cpu).toFixed(1)}; load average ${load()}`);
