import { describe, expect, it } from 'vitest';
import { evaluate, stratifiedFolds } from './metrics.ts';
import { predictProba, topContributions, trainLogistic } from './logistic.ts';
import { charBigrams, predictNaiveBayes, trainNaiveBayes } from './naiveBayes.ts';
import { fitTfidf, tfidfVector, wordAndCharFeatures } from './sparse.ts';

describe('metrics', () => {
  it('computes per-class F1, macro-F1 and the confusion matrix', () => {
    const r = evaluate(['a', 'a', 'a', 'b', 'b', 'c'], ['a', 'a', 'b', 'b', 'c', 'c'], ['a', 'b', 'c']);
    expect(r.confusion).toEqual([[2, 1, 0], [0, 1, 1], [0, 0, 1]]);
    expect(r.perClass.map((c) => +c.f1.toFixed(4))).toEqual([0.8, 0.5, 0.6667]);
    expect(r.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 10);
    expect(r.accuracy).toBeCloseTo(4 / 6, 10);
  });
  it('stratifies folds: every index once, classes spread evenly, same seed same folds', () => {
    const labels = [...Array(30).fill('x'), ...Array(9).fill('y')] as string[];
    const folds = stratifiedFolds(labels, 3, 5);
    expect(folds.flat().sort((a, b) => a - b)).toEqual(labels.map((_, i) => i));
    expect(folds.map((f) => f.filter((i) => labels[i] === 'y').length)).toEqual([3, 3, 3]);
    expect(stratifiedFolds(labels, 3, 5)).toEqual(folds);
  });
});

describe('tf-idf', () => {
  it('uses smoothed idf and L2-normalised sublinear tf', () => {
    const model = fitTfidf([['a', 'b'], ['a'], ['a', 'c', 'c']]);
    expect([...model.vocabulary.keys()]).toEqual(['a', 'b', 'c']);
    expect(model.idf[0]).toBeCloseTo(1, 6); // ln(4/4)+1
    expect(model.idf[1]).toBeCloseTo(Math.log(4 / 2) + 1, 6);
    const v = tfidfVector(model, ['a', 'c', 'c', 'zzz']);
    expect([...v.indices]).toEqual([0, 2]);
    const raw = [1, (1 + Math.log(2)) * (Math.log(4 / 2) + 1)];
    const n = Math.hypot(...raw);
    expect(v.values[0]).toBeCloseTo(raw[0]! / n, 6);
    expect(v.values[1]).toBeCloseTo(raw[1]! / n, 6);
  });
  it('extracts word unigrams, bigrams and Han character bigrams', () => {
    expect(wordAndCharFeatures(['拖欠', '工资'], '拖欠工资')).toEqual(['w:拖欠', 'b:拖欠_工资', 'w:工资', 'c:拖欠', 'c:欠工', 'c:工资']);
  });
});

describe('classifiers', () => {
  const docs = [
    ['工资', '拖欠'], ['社保', '工资'], ['拖欠', '社保'],
    ['学校', '学生'], ['老师', '学校'], ['学生', '老师'],
  ];
  const ys = ['labour', 'labour', 'labour', 'education', 'education', 'education'];
  it('logistic regression separates two topics and explains by contributing features', () => {
    const model = fitTfidf(docs);
    const xs = docs.map((d) => tfidfVector(model, d));
    const lr = trainLogistic(xs, ys, ['education', 'labour'], model.vocabulary.size, { epochs: 50 });
    const p = predictProba(lr, tfidfVector(model, ['拖欠', '工资']));
    expect(p[1]).toBeGreaterThan(0.9);
    const q = predictProba(lr, tfidfVector(model, ['学校']));
    expect(q[0]).toBeGreaterThan(0.8);
    const top = topContributions(lr, tfidfVector(model, ['拖欠', '学校']), 1, 1);
    expect(top[0]![0]).toBe(model.vocabulary.get('拖欠'));
    expect(() => trainLogistic(xs, ys.slice(1), ['education', 'labour'], 1)).toThrow(RangeError);
  });
  it('naive Bayes on character bigrams', () => {
    const nb = trainNaiveBayes(docs.map((d) => charBigrams(d.join(''))), ys, ['education', 'labour']);
    expect(predictNaiveBayes(nb, charBigrams('公司拖欠工资'))).toBe('labour');
    expect(predictNaiveBayes(nb, charBigrams('学校的老师'))).toBe('education');
  });
});
