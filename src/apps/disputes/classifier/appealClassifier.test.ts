import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, stratifiedFolds } from '../../../engines/text/metrics.ts';
import { charBigrams, predictNaiveBayes, trainNaiveBayes } from '../../../engines/text/naiveBayes.ts';
import { classify, loadClassifier, withCorrections } from './appealClassifier.ts';
import { loadAppealCorpus, trainingHash, type AppealCorpus } from './corpus.ts';
import { APPEAL_TRAINING, calibrate, crossValidate, expectedCalibrationError } from './evaluate.ts';
import { loadLabelled } from './data.ts';
import { DEFAULT_MODEL_FILE, MODEL_FORMAT_VERSION, modelFromJson, modelToJson } from './modelFile.ts';

describe('appeal classifier: 3-fold cross-validation beside naive Bayes', () => {
  let corpus: AppealCorpus;
  beforeAll(() => {
    corpus = loadAppealCorpus();
  }, 900_000);

  // The target: macro-F1 ≥ 0.80 on held-out thirds with the shipped recipe (APPEAL_TRAINING),
  // each fold's model trained only on the other two thirds; the baseline on the very same folds.
  it('reaches macro-F1 ≥ 0.80 on fold seed 1 with the shipped recipe; the NB baseline is computed on the same folds', () => {
    const run = crossValidate(corpus, 1);
    const ys = corpus.labelled.map((m) => m.label!);
    expect(run.folds).toEqual(stratifiedFolds(ys, 3, 1));
    const nbPred: string[] = new Array(ys.length);
    for (const test of run.folds) {
      const held = new Set(test);
      const train = ys.map((_, i) => i).filter((i) => !held.has(i));
      const text = (i: number) => charBigrams(corpus.labelled[i]!.title + corpus.labelled[i]!.body);
      const nb = trainNaiveBayes(train.map(text), train.map((i) => ys[i]!), corpus.classes);
      for (const i of test) nbPred[i] = predictNaiveBayes(nb, text(i));
    }
    expect(run.baseline.macroF1).toBeCloseTo(evaluate(ys, nbPred, corpus.classes).macroF1, 12);
    expect(run.baseline.macroF1).toBeGreaterThan(0.5);
    expect(run.model.macroF1).toBeGreaterThanOrEqual(0.8);
    for (const c of run.model.perClass) expect(c.f1).toBeGreaterThan(0.6);
    expect(run.model.macroF1).toBeGreaterThan(run.baseline.macroF1 + 0.15);
    expect(run.model.perClass.map((c) => c.label)).toEqual(corpus.classes);
    // raw softmax of SVM margins is under-confident; temperature scaling (fitted on these out-of-fold rows) fixes it
    const t = calibrate([run]);
    expect(t).toBeLessThan(0.5);
    expect(expectedCalibrationError(run.probs, run.truth, t)).toBeLessThan(0.12);
    expect(expectedCalibrationError(run.probs, run.truth, t)).toBeLessThan(expectedCalibrationError(run.probs, run.truth) / 3);
  }, 900_000);
});

describe('appeal classifier: committed model file', () => {
  const m = loadClassifier();
  it('carries version, training-data hash of the labelled file, the recipe and the 7 classes', () => {
    expect(DEFAULT_MODEL_FILE.pathname.endsWith(`appeal-classifier.v${MODEL_FORMAT_VERSION}.json`)).toBe(true);
    expect(MODEL_FORMAT_VERSION).toBe(2);
    expect(m.settings).toEqual({ ...APPEAL_TRAINING });
    expect(m.trainingHash).toBe(trainingHash(loadLabelled()));
    expect(m.examples).toBe(332);
    expect(m.model.classes).toEqual(['交通运输', '劳动和社会保障', '卫生计生', '商贸旅游', '城乡建设', '教育文体', '环境保护']);
    expect(m.model.temperature).toBeGreaterThan(0);
  });
  it('classifies with calibrated top-3 and reason terms', () => {
    const r = classify(m, { title: '学校违规收取补课费', body: '孩子所在的中学老师组织学生周末有偿补课，每人收费两千元，家长敢怒不敢言。' });
    expect(r.category).toBe('教育文体');
    expect(r.top3).toHaveLength(3);
    expect(r.top3[0]!.probability).toBe(r.confidence);
    expect(r.top3[0]!.probability).toBeGreaterThanOrEqual(r.top3[1]!.probability);
    expect(r.reasons.length).toBeGreaterThan(0);
    expect(r.reasons.every((x) => x.weight > 0)).toBe(true);
    expect(new Set(r.reasons.map((x) => x.term)).size).toBe(r.reasons.length);
    expect(r.reasons.map((x) => x.term)).toContain('学校');
    for (const x of r.reasons) expect('学校违规收取补课费孩子所在的中学老师组织学生周末有偿补课，每人收费两千元，家长敢怒不敢言。').toContain(x.term.replace(' ', ''));
    expect(classify(m, { title: '公司拖欠工资不发', body: '我在A市某建筑公司打工，老板拖欠我们农民工工资三个月，社保也没有交。' }).category).toBe('劳动和社会保障');
  });
  it('round-trips through JSON with the same probabilities and refuses another version', () => {
    const text = '小区旁边的工厂排放废气，气味刺鼻，污染环境。';
    const again = modelFromJson(modelToJson(m));
    expect(classify(again, text).top3.map((t) => t.probability.toFixed(4))).toEqual(classify(m, text).top3.map((t) => t.probability.toFixed(4)));
    const json = JSON.parse(modelToJson(m)) as { version: number };
    json.version = 99;
    expect(() => modelFromJson(JSON.stringify(json))).toThrow(/version 99/);
    expect(() => modelFromJson('{')).toThrow(/Invalid text classifier model/);
  });
  it('still reads a format-1 file (plain decimals)', () => {
    const v1 = { version: 1, kind: 'gongzhi-appeal-classifier', trainingHash: 'h', trainedAt: '2026-01-01T00:00:00Z', examples: 2, classes: ['a', 'b'], temperature: 1, bias: [0.5, -0.5], nb: null, features: [['w:x', 1.5, 0.25, -0.25], ['w:y', 2]] };
    const r = modelFromJson(JSON.stringify(v1));
    expect(r.model.tfidf.idf[0]).toBeCloseTo(1.5, 6);
    expect(r.model.lr.weights[0]).toBeCloseTo(0.25, 6);
    expect(r.model.lr.weights[2]).toBeCloseTo(-0.25, 6);
    expect(r.model.tfidf.vocabulary.get('w:y')).toBe(1);
    const again = modelFromJson(modelToJson(r));
    expect(again.model.lr.weights[2]).toBeCloseTo(-0.25, 5);
    expect(JSON.parse(modelToJson(r)).features[0]).toEqual(['w:x', 150000, 25000, -25000]);
  });
});

describe('appeal classifier: operator corrections', () => {
  it('replaces a labelled row by its correction and rehashes', () => {
    const labelled = loadLabelled().slice(0, 3);
    const corpus: AppealCorpus = {
      classes: [...new Set(labelled.map((x) => x.label!))].sort(),
      labelled: [...labelled, { ...labelled[0]!, label: '环境保护' }],
      labelledFeatures: [['w:a'], ['w:b'], ['w:c'], ['w:d']],
      unlabelledFeatures: [],
      priorDocs: [],
      hash: 'x',
    };
    const fixed = withCorrections(corpus, [corpus.labelled[3]!]);
    expect(fixed.labelled.map((x) => x.id)).toEqual([labelled[1]!.id, labelled[2]!.id, labelled[0]!.id]);
    expect(fixed.labelled[2]!.label).toBe('环境保护');
    expect(fixed.labelledFeatures).toEqual([['w:b'], ['w:c'], ['w:d']]);
    expect(fixed.classes).toContain('环境保护');
    expect(fixed.hash).toBe(trainingHash(fixed.labelled));
  });
});
