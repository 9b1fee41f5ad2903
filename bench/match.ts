/**
 * Reunion matching at the scale of issue 4: the seeded demo set (30,294 family posts × 24,370
 * child posts, 3,000 true pairs, 300 planted near-misses) matched with reunionMatchConfig in
 * one full run (prepare features, block, compare, EM, score, rank), timed in wall-clock and CPU
 * milliseconds (the machine is shared: wall time also counts waiting for a core), with
 * recall@10 and top-1 of the true pairs and near-misses ranked first. Baseline, measured in the
 * same run: exhaustive comparison of every pair of a 2,000 × 2,000 sample with the same
 * prepared features, its time per pair extrapolated to the full cross product.
 * Usage: node --import tsx bench/match.ts [children families pairs]
 */
import os from 'node:os';
import { demoPosts } from '../src/apps/reunion/posts/demo.ts';
import { reunionMatchConfig } from '../src/apps/reunion/matching/config.ts';
import { matchPosts } from '../src/apps/reunion/matching/match.ts';
import { pairComparer, prepare } from '../src/engines/resolve/resolver.ts';
import type { Row } from '../src/engines/resolve/index.ts';

const [nc, nf, np] = process.argv.slice(2).map(Number);
const C = nc || 24_370;
const F = nf || 30_294;
const P = np || 3_000;
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
console.log(`machine: ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}, node ${process.version}, ${new Date().toISOString()}`);

// Warm-up (module loading, dictionaries, segmenter, JIT) on a small independent set.
const warm = demoPosts({ families: 3000, children: 2400, pairs: 300, nearMisses: 30, seed: 99 });
matchPosts(warm.children, warm.families);

const g0 = performance.now();
const demo = demoPosts({ families: F, children: C, pairs: P, nearMisses: Math.round(P / 10), seed: 2024 });
console.log(`demo set generated in ${(performance.now() - g0).toFixed(0)} ms`);

const w0 = performance.now();
const c0 = cpuMs();
const run = matchPosts(demo.children, demo.families);
const wall = performance.now() - w0;
const cpu = cpuMs() - c0;
let n = 0;
let top1 = 0;
let top10 = 0;
demo.truth.familyOf.forEach((f, c) => {
  if (f < 0) return;
  n++;
  const pos = run.ranking(c, 10).indexOf(f);
  if (pos === 0) top1++;
  if (pos >= 0) top10++;
});
let nearFirst = 0;
for (const [c, f, x] of demo.truth.nearMisses) {
  const r = run.ranking(c, 10);
  if (r[0] === x && r.indexOf(f) !== 0) nearFirst++;
}
const s = run.result.stats;
console.log(`records ${C} child × ${F} family posts, true pairs ${n}: ${s.candidatePairs} candidate pairs (reduction ratio ${s.reductionRatio.toFixed(5)}), rules ${s.rules.map((r) => `${r.name}: largest block ${r.largestBlock}, skipped ${r.skippedKeys}`).join('; ')}; EM ${run.result.model.iterations} iterations`);
console.log(`full run: ${wall.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms CPU`);
console.log(`true pairs: recall@10 ${(top10 / n).toFixed(4)}, top-1 ${(top1 / n).toFixed(4)}; planted near-misses ranked first: ${nearFirst} of ${demo.truth.nearMisses.length}`);

// Baseline: exhaustive comparison of every pair of a 2,000 × 2,000 sample.
const S = Math.min(2000, C, F);
const ps = prepare(reunionMatchConfig, demo.children.slice(0, S) as unknown as Row[], demo.families.slice(0, S) as unknown as Row[]);
const cmp = pairComparer(ps);
const we = performance.now();
const ce = cpuMs();
let checksum = 0;
for (let i = 0; i < S; i++) for (let j = 0; j < S; j++) checksum += cmp(i, j) % 7;
const exWall = performance.now() - we;
const exCpu = cpuMs() - ce;
const scale = (C * F) / (S * S);
console.log(`baseline exhaustive: ${S}×${S} pairs compared in ${exWall.toFixed(0)} ms wall, ${exCpu.toFixed(0)} ms CPU (checksum ${checksum}); extrapolated to ${C}×${F}: ${((exCpu * scale) / 1000).toFixed(0)} s CPU (comparison only, no EM)`);
console.log(`ratio exhaustive/blocked full run (CPU): ×${((exCpu * scale) / cpu).toFixed(1)}`);
