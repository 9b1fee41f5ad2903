import { describe, expect, it } from 'vitest';
import { clusterTexts, growthAlerts } from './cluster.ts';
import { extractEntities } from './entities.ts';
import { jaccard, lshCandidatePairs, minhashSignature, signatureSimilarity, wordShingles } from './minhash.ts';

describe('minhash', () => {
  it('estimates Jaccard similarity from signatures', () => {
    const a = Array.from({ length: 100 }, (_, i) => `t${i}`);
    const b = [...a.slice(0, 60), ...Array.from({ length: 40 }, (_, i) => `u${i}`)];
    const exact = jaccard(a, b);
    expect(exact).toBeCloseTo(60 / 140, 10);
    const est = signatureSimilarity(minhashSignature(a, 256), minhashSignature(b, 256));
    expect(Math.abs(est - exact)).toBeLessThan(0.1);
    expect(signatureSimilarity(minhashSignature(a), minhashSignature([...a].reverse()))).toBe(1);
  });
  it('builds unigram + bigram word shingles', () => {
    expect(wordShingles(['拖欠', '工资', '拖欠'])).toEqual(['拖欠', '工资', '拖欠\u0001工资', '工资\u0001拖欠']);
  });
  it('finds candidate pairs by banding and rejects a wrong band layout', () => {
    const s1 = minhashSignature(['a', 'b', 'c', 'd'], 16);
    const s2 = minhashSignature(['a', 'b', 'c', 'd'], 16);
    const s3 = minhashSignature(['x', 'y', 'z'], 16);
    expect(lshCandidatePairs([s1, s2, s3], 4, 4)).toEqual([[0, 1]]);
    expect(() => lshCandidatePairs([s1], 3, 4)).toThrow(/LSH bands 3/);
  });
});

describe('entities', () => {
  it('finds places, estates, companies and projects, cut at clause words', () => {
    expect(extractEntities('投诉A市A3区恒大绿洲小区的物业乱收费')).toEqual([
      { kind: 'place', name: 'A市A3区' },
      { kind: 'estate', name: '恒大绿洲小区' },
    ]);
    expect(extractEntities('我们的开发商是A市金辉房地产开发有限公司')).toEqual([{ kind: 'company', name: '金辉房地产开发有限公司' }]);
    expect(extractEntities('该小区和公司都不管')).toEqual([]);
  });
});

describe('clusterTexts', () => {
  const texts = [
    'A市A3区恒大绿洲小区物业公司乱收停车费，业主多次反映无果，请相关部门查处。',
    '恒大绿洲小区物业公司乱收停车费，业主们多次反映都没有结果，请有关部门查处！',
    'A7县星沙大道夜间施工噪音扰民严重，影响居民休息。',
    '学校食堂饭菜质量差，价格贵，家长意见很大。',
    'A7县星沙大道晚上施工噪音扰民很严重，严重影响居民休息。',
  ];
  it('groups paraphrases and leaves unrelated texts alone', () => {
    const clusters = clusterTexts(texts.map((text, i) => ({ id: `m${i}`, text })));
    expect(clusters.map((c) => c.ids)).toEqual([['m0', 'm1'], ['m2', 'm4']]);
    expect(clusters[0]!.entities).toContain('恒大绿洲小区');
    expect(clusters[0]!.topTerms).toContain('停车费');
  });
});

describe('growthAlerts', () => {
  const day = 86_400_000;
  it('alerts a cluster whose latest window passes the count and growth thresholds', () => {
    const fast = [1, 9.1, 9.2, 9.5, 9.9, 10].map((d) => d * day);
    const steady = [1, 2, 3, 4, 6, 7, 8, 9.5, 10].map((d) => d * day);
    const alerts = growthAlerts([fast, steady], { windowMs: 2 * day, minCount: 4, now: 10 * day });
    expect(alerts.map((a) => [a.clusterIndex, a.count, a.previousCount])).toEqual([[0, 5, 0]]);
    expect(alerts[0]!.reason).toBe('5 ≥ 4 in window; previous window 0 (×∞ ≥ ×2)');
    expect(growthAlerts([fast, steady], { windowMs: 2 * day, minCount: 2, growthFactor: 1, now: 10 * day }).map((a) => a.clusterIndex)).toEqual([0, 1]);
  });
});
