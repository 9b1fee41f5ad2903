/**
 * Cross-validation of the appeal classifier beside the character-bigram naive Bayes baseline on
 * the same stratified folds: each fold is held out once, the model trains on the other folds
 * (+ taxonomy priors + unlabelled text), macro-F1 and per-class F1 are computed over the pooled
 * out-of-fold predictions. Out-of-fold probabilities also fit the confidence temperature.
 */
import { fitTemperature, predictTextProba, trainTextClassifier, type TextClassifierOptions } from '../../../engines/text/classifier.ts';
import { evaluate, stratifiedFolds, type EvaluationReport } from '../../../engines/text/metrics.ts';
import { charBigrams, predictNaiveBayes, trainNaiveBayes } from '../../../engines/text/naiveBayes.ts';
import { trainingDocs, type AppealCorpus } from './corpus.ts';

/**
 * The recipe of the shipped model (v2), chosen by 3-fold CV with fold seeds 1–3 and confirmed
 * once on seeds 4–6 (see the training report): one-vs-rest L2-loss linear SVM, C = 10, class
 * prior correction γ = 0.25, taxonomy prior documents at weight 0.5, idf over labelled +
 * unlabelled text, no self-training (with the SVM it lowered macro-F1: 0.60–0.61 vs 0.69 at
 * C = 1 without the prior correction).
 */
export const APPEAL_TRAINING: TextClassifierOptions & { readonly priorWeight: number } = {
  priorWeight: 0.5,
  minDf: 2,
  learner: 'svm',
  C: 10,
  priorShift: 0.25,
  selfTraining: false,
  nbWeight: 0,
};

export interface CrossValidation {
  readonly seed: number;
  readonly folds: readonly (readonly number[])[];
  readonly model: EvaluationReport;
  readonly baseline: EvaluationReport;
  /** Out-of-fold probability rows (class order of the corpus) and true class indices. */
  readonly probs: readonly Float64Array[];
  readonly truth: readonly number[];
  /** Milliseconds of the slowest fold's training. */
  readonly maxTrainMs: number;
}

/** k-fold cross-validation with fold seed `seed` (default k = 3). */
export function crossValidate(corpus: AppealCorpus, seed: number, k = 3, settings = APPEAL_TRAINING): CrossValidation {
  const ys = corpus.labelled.map((m) => m.label!);
  const folds = stratifiedFolds(ys, k, seed);
  const predicted: string[] = new Array(ys.length);
  const baseline: string[] = new Array(ys.length);
  const probs: Float64Array[] = new Array(ys.length);
  let maxTrainMs = 0;
  for (const test of folds) {
    const held = new Set(test);
    const train = ys.map((_, i) => i).filter((i) => !held.has(i));
    const t0 = performance.now();
    const model = trainTextClassifier(trainingDocs(corpus, train, settings.priorWeight), corpus.classes, corpus.unlabelledFeatures, settings);
    maxTrainMs = Math.max(maxTrainMs, performance.now() - t0);
    for (const i of test) {
      const p = predictTextProba(model, corpus.labelledFeatures[i]!);
      probs[i] = p;
      predicted[i] = corpus.classes[argmax(p)]!;
    }
    const text = (i: number) => charBigrams(corpus.labelled[i]!.title + corpus.labelled[i]!.body);
    const nb = trainNaiveBayes(train.map(text), train.map((i) => ys[i]!), corpus.classes);
    for (const i of test) baseline[i] = predictNaiveBayes(nb, text(i));
  }
  return {
    seed,
    folds,
    model: evaluate(ys, predicted, corpus.classes),
    baseline: evaluate(ys, baseline, corpus.classes),
    probs,
    truth: ys.map((y) => corpus.classes.indexOf(y)),
    maxTrainMs,
  };
}

function argmax(p: ArrayLike<number>): number {
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
  return best;
}

/** Temperature fitted on the pooled out-of-fold probabilities of several CV runs. */
export function calibrate(runs: readonly CrossValidation[]): number {
  return fitTemperature(runs.flatMap((r) => r.probs), runs.flatMap((r) => r.truth));
}

/**
 * Expected calibration error (Naeini et al. 2015; 10 equal-width confidence bins): the
 * support-weighted mean |accuracy − mean confidence| of the top class, for probability rows
 * after applying temperature `t`.
 */
export function expectedCalibrationError(probs: readonly Float64Array[], truth: readonly number[], t = 1): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, correct: 0 }));
  probs.forEach((raw, n) => {
    const logits = raw.map((v) => Math.log(v + 1e-12) / t);
    const max = Math.max(...logits);
    const e = logits.map((v) => Math.exp(v - max));
    const sum = e.reduce((a, b) => a + b, 0);
    const best = argmax(e);
    const conf = e[best]! / sum;
    const bin = bins[Math.min(9, Math.floor(conf * 10))]!;
    bin.n += 1;
    bin.conf += conf;
    bin.correct += best === truth[n] ? 1 : 0;
  });
  return bins.reduce((a, b) => a + (b.n ? Math.abs(b.correct - b.conf) : 0), 0) / (probs.length || 1);
}
