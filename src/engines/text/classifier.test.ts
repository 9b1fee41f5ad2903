import { describe, expect, it } from 'vitest';
import { explainTextPrediction, fitTemperature, predictTextProba, textFeatures, trainTextClassifier } from './classifier.ts';
import { dropStopWords, stopWords } from './stopwords.ts';

const labelled = [
  ['公司拖欠工资三个月不发', 'labour'], ['社保断缴，单位不给补缴', 'labour'], ['老板拖欠农民工工资', 'labour'],
  ['学校乱收补课费', 'education'], ['老师体罚学生', 'education'], ['学生课业负担太重，学校天天补课', 'education'],
] as const;
const docs = labelled.map(([t, label]) => ({ features: textFeatures(t), label }));

describe('textFeatures', () => {
  it('drops stop words from word features but keeps character bigrams of the whole text', () => {
    expect(stopWords().has('的')).toBe(true);
    expect(dropStopWords(['我们', '的', '工资', 'a'])).toEqual(['工资']);
    const f = textFeatures('我们的工资');
    expect(f).toContain('w:工资');
    expect(f).not.toContain('w:的');
    expect(f).toContain('c:的工');
  });
});

describe('trainTextClassifier', () => {
  it('learns two topics, explains by contributing terms, and self-trains on unlabelled text', () => {
    const unlabelled = ['拖欠工资的公司', '学校补课收费', '工资社保都没有'].map(textFeatures);
    const m = trainTextClassifier(docs, ['education', 'labour'], unlabelled, { minDf: 1, epochs: 40, selfTraining: { threshold: 0.6, weight: 0.3 } });
    const p = predictTextProba(m, textFeatures('工厂拖欠工资'));
    expect(p[1]).toBeGreaterThan(0.6);
    expect(p[0]! + p[1]!).toBeCloseTo(1, 10);
    const why = explainTextPrediction(m, textFeatures('工厂拖欠工资'), 1, 3);
    expect(why.length).toBeGreaterThan(0);
    expect(why.map(([f]) => f).some((f) => f.includes('拖欠') || f.includes('工资'))).toBe(true);
    expect(() => trainTextClassifier(docs.slice(0, 3), ['labour'])).toThrow(/at least 2 classes/);
  });
  it('blends naive Bayes evidence when nbWeight > 0 and applies the temperature', () => {
    const m = trainTextClassifier(docs, ['education', 'labour'], [], { minDf: 1, epochs: 20, nbWeight: 1 });
    expect(m.nb?.weight).toBe(1);
    const p = predictTextProba(m, textFeatures('学校补课'));
    expect(p[0]).toBeGreaterThan(0.5);
    const flat = predictTextProba({ ...m, temperature: 1000 }, textFeatures('学校补课'));
    expect(flat[0]).toBeCloseTo(0.5, 2);
  });
});

describe('fitTemperature', () => {
  it('softens over-confident probabilities (T > 1) and sharpens timid ones (T < 1)', () => {
    const over = [Float64Array.of(0.99, 0.01), Float64Array.of(0.99, 0.01), Float64Array.of(0.99, 0.01), Float64Array.of(0.01, 0.99)];
    expect(fitTemperature(over, [0, 0, 1, 1])).toBeGreaterThan(1.5);
    const timid = [Float64Array.of(0.6, 0.4), Float64Array.of(0.4, 0.6), Float64Array.of(0.6, 0.4), Float64Array.of(0.4, 0.6)];
    expect(fitTemperature(timid, [0, 1, 0, 1])).toBeLessThan(0.5);
  });
});
