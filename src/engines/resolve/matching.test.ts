import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { buildBlockingIndex, forEachCandidate } from './blocking.ts';
import { toDateRange } from './compare/dates.ts';
import type { ResolverConfig, Row } from './config.ts';
import { syntheticReunion, syntheticReunionConfig } from './datasets/synthetic.ts';
import { resolve } from './matchRanker.ts';

const data = syntheticReunion({ left: 1500, right: 1200, pairs: 300, seed: 3 });
const trained = resolve(syntheticReunionConfig, data.left, data.right);

function rankOfTruth(result: ReturnType<typeof resolve>, truth: Int32Array): { top1: number; top10: number } {
  let top1 = 0;
  let top10 = 0;
  let n = 0;
  truth.forEach((j, i) => {
    if (j < 0) return;
    n++;
    const pos = result.topK(i, 10).findIndex((s) => s.right === j);
    if (pos === 0) top1++;
    if (pos >= 0) top10++;
  });
  return { top1: top1 / n, top10: top10 / n };
}

describe('linking family posts to child posts (reunion-shaped records)', () => {
  it('EM on unlabelled candidates ranks true pairs: recall@10 ≥ 0.98, top-1 ≥ 0.9', () => {
    const { top1, top10 } = rankOfTruth(trained, data.truth);
    expect(trained.model.method).toBe('em');
    expect(top10).toBeGreaterThanOrEqual(0.98);
    expect(top1).toBeGreaterThanOrEqual(0.9);
    const name = trained.model.fields.find((f) => f.name === 'name')!;
    // Agreement on the name is evidence for a match, disagreement against it.
    expect(name.m[0]! / name.u[0]!).toBeGreaterThan(10);
    expect(name.m[4]! / name.u[4]!).toBeLessThan(1);
  });

  it('EM with u fixed from random record pairs (Jaro 1989) gives the same quality', () => {
    const cfg: ResolverConfig = { ...syntheticReunionConfig, em: { randomPairsForU: 20_000, seed: 5 } };
    const fixed = resolve(cfg, data.left, data.right);
    const sex = fixed.model.fields.find((f) => f.name === 'sex')!;
    // Random pairs agree on sex about as often as p² + (1−p)² with p = 0.6 males.
    expect(sex.u[0]).toBeGreaterThan(0.47);
    expect(sex.u[0]).toBeLessThan(0.57);
    expect(rankOfTruth(fixed, data.truth).top10).toBeGreaterThanOrEqual(0.98);
  });

  it('labelled estimation gives the same quality', () => {
    const labelled = resolve(syntheticReunionConfig, data.left, data.right, { labels: (i, j) => data.truth[i] === j });
    expect(labelled.model.method).toBe('labels');
    expect(rankOfTruth(labelled, data.truth).top10).toBeGreaterThanOrEqual(0.98);
  });

  it('C08, C09, C10 inside matching: variant, romanised and dotted spellings rank first, with the reason shown', () => {
    const base = { sex: 'male', birthDate: '1990-05-04', lossDate: '1994-03-01', lossPlace: '440305', marks: '左手臂有红色胎记' };
    const found = { sex: 'male', birthDate: '1990', foundDate: '2015-01-01', place: '440300', marks: '胎记在左手臂' };
    const left: Row[] = [
      { id: 'F-C08a', name: '钱乾坤', ...base },
      { id: 'F-C08b', name: '余华', ...base, birthDate: '1988-02-11' },
      { id: 'F-C09a', name: '单志强', ...base, birthDate: '1992-07-01' },
      { id: 'F-C09b', name: '仇明', ...base, birthDate: '1993-01-20' },
      { id: 'F-C10', name: '阿依古丽·买买提', ...base, sex: 'female', birthDate: '1991-09-09' },
    ];
    const right: Row[] = [
      { id: 'C-C08a', name: '錢乾坤', ...found },
      { id: 'C-C08a-miss', name: '钱坤', ...found },
      { id: 'C-C08b', name: '余華', ...found, birthDate: '1988' },
      { id: 'C-C09a', name: 'Shan Zhiqiang', ...found, birthDate: '1992' },
      { id: 'C-C09a-miss', name: 'Shen Zhiqiang', ...found, birthDate: '1992' },
      { id: 'C-C09b', name: 'Qiu Ming', ...found, birthDate: '1993' },
      { id: 'C-C09b-miss', name: 'Chou Min', ...found, birthDate: '1993' },
      { id: 'C-C10', name: '阿依古丽．买买提', ...found, sex: 'female', birthDate: '1991' },
      { id: 'C-C10-miss', name: '阿依古丽·吐尔逊', ...found, sex: 'female', birthDate: '1991' },
    ];
    const r = resolve(syntheticReunionConfig, left, right, { model: trained.model });
    const expected: Record<string, [string, string]> = {
      'F-C08a': ['C-C08a', 'variant'],
      'F-C08b': ['C-C08b', 'variant'],
      'F-C09a': ['C-C09a', 'pinyin'],
      'F-C09b': ['C-C09b', 'pinyin'],
      'F-C10': ['C-C10', 'exact'],
    };
    left.forEach((row, i) => {
      const [id, level] = expected[String(row.id)]!;
      const top = r.topK(i, 3);
      expect(top[0]!.rightId, String(row.id)).toBe(id);
      const ex = r.explain(i, top[0]!.right);
      expect(ex.fields.find((f) => f.field === 'name')!.level).toBe(level);
      expect(ex.fields.map((f) => f.field)).toEqual(syntheticReunionConfig.comparisons.map((c) => c.name));
      expect(ex.fields.find((f) => f.field === 'place')!.level).toBe('same prefecture');
      expect(ex.fields.find((f) => f.field === 'birthDate')!.level).toBe('consistent');
    });
  });
});

describe('blocking', () => {
  it('produces exactly the pairs the rules describe, once each, without the cross product', () => {
    const left = data.left.slice(0, 400);
    const right = data.right.slice(0, 300);
    const ix = buildBlockingIndex(syntheticReunionConfig.blocking, left, right);
    const seen = new Set<number>();
    const count = forEachCandidate(ix, (i, j) => {
      expect(seen.has(i * 300 + j)).toBe(false);
      seen.add(i * 300 + j);
    });
    expect(count).toBe(seen.size);
    // Rule 1 by brute force: same sex, birth years within 1, same province of loss and of place.
    const year = (v: unknown) => new Date(toDateRange(v)!.lo * 86_400_000).getUTCFullYear();
    let rule1 = 0;
    left.forEach((a, i) =>
      right.forEach((b, j) => {
        const ok = a.sex === b.sex && Math.abs(year(a.birthDate) - year(b.birthDate)) <= 1 && String(a.lossPlace).slice(0, 2) === String(b.place).slice(0, 2);
        if (ok) {
          rule1++;
          expect(seen.has(i * 300 + j)).toBe(true);
        }
      }),
    );
    expect(rule1).toBeGreaterThan(0);
    expect(count).toBeLessThan(400 * 300 * 0.1);
  });

  it('deduplication yields i < j only; oversized blocks are skipped and counted', () => {
    const rows: Row[] = [{ k: 'a' }, { k: 'a' }, { k: 'a' }, { k: 'b' }, { k: 'b' }];
    const ix = buildBlockingIndex([{ name: 'k', keys: [{ field: 'k' }], maxBlockSize: 2 }], rows);
    const pairs: [number, number][] = [];
    forEachCandidate(ix, (i, j) => pairs.push([i, j]));
    expect(pairs).toEqual([[3, 4]]);
    expect(ix.skippedKeys).toEqual([1]);
  });
});

describe('configuration errors are coded', () => {
  const ok = syntheticReunionConfig;
  const code = (cfg: ResolverConfig): string => {
    try {
      resolve(cfg, data.left.slice(0, 5), data.right.slice(0, 5));
    } catch (e) {
      return e instanceof AppError ? e.code : 'not an AppError';
    }
    return 'no error';
  };
  it('rejects bad configurations with RESOLVE_* codes', () => {
    expect(code({ ...ok, comparisons: [] })).toBe('RESOLVE_CONFIG_INVALID');
    expect(code({ ...ok, blocking: [] })).toBe('RESOLVE_CONFIG_INVALID');
    expect(code({ ...ok, comparisons: [ok.comparisons[0]!, ok.comparisons[0]!] })).toBe('RESOLVE_CONFIG_INVALID');
    expect(code({ ...ok, comparisons: [{ name: 'x', left: 'name', comparator: { kind: 'soundalike' } }] })).toBe('RESOLVE_UNKNOWN_COMPARATOR');
    expect(code({ ...ok, thresholds: { match: 1, possible: 5 } })).toBe('RESOLVE_CONFIG_INVALID');
    expect(code({ ...ok, blocking: [{ name: 'none', keys: [{ field: 'nothing' }] }] })).toBe('RESOLVE_NO_CANDIDATE_PAIRS');
  });
});

describe('C16 and C17 inside matching, with src/core parsing the dates and places', () => {
  it('parsed partial dates keep their precision; impossible dates become missing values', async () => {
    const { parseDate, parseAddress } = await import('../../core/index.ts');
    const parsed = (s: string) => parseDate(s).parsed;
    // C17: 2016年7月 is month precision, consistent with 2016年7月5日, not the day 2016-07-01.
    const july = toDateRange(parsed('2016年7月'))!;
    expect(july.precision).toBe('month');
    const left: Row[] = [{ id: 'F', name: '张伟', sex: 'male', birthDate: parsed('2016年7月'), lossDate: '2019-01-01', lossPlace: parseAddress('湖南省邵阳县长乐乡中心街9号')?.divisionCode ?? null, marks: '' }];
    const right: Row[] = [
      { id: 'C-day', name: '張偉', sex: 'male', birthDate: parsed('2016年7月5日'), foundDate: '2024-01-01', place: '430523', marks: '' },
      // C16: 1990年2月30日 does not exist: no rollover to March, the value is missing (weight 0).
      { id: 'C-impossible', name: '张伟', sex: 'male', birthDate: parsed('1990年2月30日'), foundDate: '2024-01-01', place: '430523', marks: '' },
    ];
    expect(parsed('1990年2月30日')).toBeNull();
    const blocking: ResolverConfig['blocking'] = [{ name: 'sex', keys: [{ field: 'sex' }] }];
    const r = resolve({ ...syntheticReunionConfig, blocking }, left, right, { model: trained.model });
    const day = r.explain(0, 0).fields.find((f) => f.field === 'birthDate')!;
    expect(day).toMatchObject({ left: '2016-07', right: '2016-07-05', level: 'consistent' });
    expect(r.explain(0, 0).fields.find((f) => f.field === 'place')!.level).toBe('same county');
    const impossible = r.explain(0, 1).fields.find((f) => f.field === 'birthDate')!;
    expect(impossible).toMatchObject({ level: 'missing', weight: 0, right: null });
  });
});
