/**
 * A text classifier built from the engine's parts: jieba words (stop words dropped) + word
 * bigrams + Han character bigrams → TF-IDF (idf fitted on labelled and unlabelled text) →
 * a linear learner — multinomial logistic regression (AdaGrad SGD) or one-vs-rest L2-loss SVMs
 * (dual coordinate descent, `svm.ts`) — with an optional class-prior bias correction for
 * macro-F1 (`priorShift`), optionally one round of self-training on
 * confident predictions for unlabelled text (Yarowsky 1995; Lee 2013 "pseudo-labels"), and an
 * optional log-linear blend with a multinomial naive Bayes over the same features (the NB
 * log-count evidence of Wang & Manning 2012, used here as an ensemble member). Confidences
 * are calibrated by temperature scaling (Guo et al. 2017) fitted on out-of-fold predictions.
 * Knows nothing of any app: labels are plain strings.
 */
import { predictProba, topContributions, trainLogistic, type LogisticModel } from './logistic.ts';
import { trainNaiveBayes, type NaiveBayesModel } from './naiveBayes.ts';
import { trainLinearSvm } from './svm.ts';
import { segment } from './segment.ts';
import { dropStopWords } from './stopwords.ts';
import { fitTfidf, tfidfVector, wordAndCharFeatures, type SparseVector, type TfidfModel } from './sparse.ts';
import { TextErrors } from './errors.ts';
import { AppError } from '../../core/errors.ts';

/** One training document: its feature list (see `textFeatures`), label and weight (default 1). */
export interface TrainingDoc {
  readonly features: readonly string[];
  readonly label: string;
  readonly weight?: number;
}

export interface TextClassifierOptions {
  /** Features in fewer documents (labelled + unlabelled) are dropped. Default 2. */
  readonly minDf?: number;
  readonly epochs?: number;
  readonly l2?: number;
  readonly learningRate?: number;
  readonly seed?: number;
  /** Self-training: add unlabelled docs predicted with probability ≥ threshold, at `weight`. */
  readonly selfTraining?: { readonly threshold: number; readonly weight: number } | false;
  /** Weight of the naive Bayes log-probabilities in the blend (0 = LR alone). Default 0. */
  readonly nbWeight?: number;
  /**
   * The linear learner: 'logistic' (multinomial, AdaGrad SGD; default) or 'svm' (one-vs-rest
   * L2-loss SVM by dual coordinate descent, `svm.ts`, cost `C`).
   */
  readonly learner?: 'logistic' | 'svm';
  /** SVM cost C (learner 'svm'). Default 10. */
  readonly C?: number;
  /**
   * Class-prior correction for macro-F1: γ ≥ 0 adds γ·ln(n_max / n_c) to class c's bias, n_c the
   * number of full-weight (weight ≥ 1) training documents of class c. Small classes otherwise
   * lose recall to large ones on unseen text (the score threshold shift of Lipton, Elkan &
   * Naryanaswamy 2014, "Optimal thresholding of classifiers to maximize F1", here one shared
   * γ chosen by cross-validation). Default 0 (none).
   */
  readonly priorShift?: number;
}

export interface TextClassifierModel {
  readonly classes: readonly string[];
  readonly tfidf: TfidfModel;
  readonly lr: LogisticModel;
  /** Per-feature NB log-likelihoods (feature index → k values), when nbWeight > 0. */
  readonly nb?: { readonly weight: number; readonly logPrior: Float64Array; readonly logLikelihood: ReadonlyMap<number, Float64Array> };
  /** Temperature T: calibrated p ∝ p_raw^(1/T). 1 = uncalibrated. */
  readonly temperature: number;
}

/**
 * Features of a text: `w:` word unigrams and `b:` bigrams of the jieba tokens without stop
 * words, and `c:` Han character bigrams of the whole text (`sparse.wordAndCharFeatures`).
 */
export function textFeatures(text: string): string[] {
  return wordAndCharFeatures(dropStopWords(segment(text)), text);
}

/**
 * Train. `docs` are the labelled documents (plus any weighted prior documents such as category
 * names), `unlabelled` feature lists feed the idf and self-training.
 * @throws AppError TEXT_TRAINING_EMPTY with fewer than two classes present.
 */
export function trainTextClassifier(docs: readonly TrainingDoc[], classes: readonly string[], unlabelled: readonly (readonly string[])[] = [], options: TextClassifierOptions = {}): TextClassifierModel {
  if (new Set(docs.map((d) => d.label)).size < 2) throw new AppError(TextErrors.TEXT_TRAINING_EMPTY);
  const { minDf = 2, epochs = 30, l2 = 1e-5, learningRate = 0.5, seed = 7, selfTraining = false, nbWeight = 0, learner = 'logistic', C = 10, priorShift = 0 } = options;
  const tfidf = fitTfidf([...docs.map((d) => d.features), ...unlabelled], minDf);
  const xs = docs.map((d) => tfidfVector(tfidf, d.features));
  const ys = docs.map((d) => d.label);
  const ws = docs.map((d) => d.weight ?? 1);
  const lrOptions = { epochs, l2, learningRate, seed };
  const fit = (x: readonly SparseVector[], y: readonly string[], w: readonly number[]): LogisticModel => {
    const m = learner === 'svm'
      ? trainLinearSvm(x, y, classes, tfidf.vocabulary.size, { C, seed, sampleWeights: w })
      : trainLogistic(x, y, classes, tfidf.vocabulary.size, { ...lrOptions, sampleWeights: w });
    return priorShift > 0 ? shiftBias(m, docs, classes, priorShift) : m;
  };
  let lr = fit(xs, ys, ws);
  const nb = nbWeight > 0 ? naiveBayesOver(tfidf, docs, classes, nbWeight) : undefined;
  if (selfTraining && unlabelled.length) {
    const ux = unlabelled.map((f) => tfidfVector(tfidf, f));
    const draft: TextClassifierModel = { classes, tfidf, lr, temperature: 1, ...(nb ? { nb } : {}) };
    const px: SparseVector[] = [];
    const py: string[] = [];
    ux.forEach((x, i) => {
      const p = blend(draft, x, unlabelled[i]!);
      const best = argmax(p);
      if (p[best]! >= selfTraining.threshold) {
        px.push(x);
        py.push(classes[best]!);
      }
    });
    lr = fit([...xs, ...px], [...ys, ...py], [...ws, ...py.map(() => selfTraining.weight)]);
  }
  return { classes, tfidf, lr, temperature: 1, ...(nb ? { nb } : {}) };
}

/** The model with γ·ln(n_max / n_c) added to each class bias (see `priorShift`); classes without full-weight documents get the largest shift. */
function shiftBias(m: LogisticModel, docs: readonly TrainingDoc[], classes: readonly string[], gamma: number): LogisticModel {
  const counts = classes.map((c) => docs.filter((d) => d.label === c && (d.weight ?? 1) >= 1).length);
  const most = Math.max(...counts);
  const least = Math.min(...counts.filter((n) => n > 0));
  const bias = m.bias.map((b, c) => b + gamma * Math.log(most / (counts[c]! || least)));
  return { ...m, bias };
}

function naiveBayesOver(tfidf: TfidfModel, docs: readonly TrainingDoc[], classes: readonly string[], weight: number): NonNullable<TextClassifierModel['nb']> {
  const kept = docs.filter((d) => (d.weight ?? 1) >= 1);
  const model: NaiveBayesModel = trainNaiveBayes(kept.map((d) => d.features.filter((f) => tfidf.vocabulary.has(f))), kept.map((d) => d.label), classes);
  const logLikelihood = new Map<number, Float64Array>();
  for (const [f, row] of model.logLikelihood) logLikelihood.set(tfidf.vocabulary.get(f)!, row);
  return { weight, logPrior: model.logPrior, logLikelihood };
}

function argmax(p: ArrayLike<number>): number {
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
  return best;
}

/** Uncalibrated blended probabilities of one vector (features needed for the NB part). */
function blend(model: TextClassifierModel, x: SparseVector, features: readonly string[]): Float64Array {
  const p = predictProba(model.lr, x);
  if (!model.nb) return p;
  const k = p.length;
  const nbScore = Float64Array.from(model.nb.logPrior);
  for (const f of features) {
    const i = model.tfidf.vocabulary.get(f);
    const row = i === undefined ? undefined : model.nb.logLikelihood.get(i);
    if (row) for (let c = 0; c < k; c++) nbScore[c]! += row[c]!;
  }
  const nbLog = logSoftmax(nbScore, Math.max(1, features.length));
  const out = new Float64Array(k);
  for (let c = 0; c < k; c++) out[c] = Math.log(p[c]! + 1e-12) + model.nb.weight * nbLog[c]!;
  return softmax(out, 1);
}

/** log-softmax of scores divided by `scale` (NB log-likelihood sums grow with length). */
function logSoftmax(scores: Float64Array, scale: number): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s / scale > max) max = s / scale;
  let sum = 0;
  for (const s of scores) sum += Math.exp(s / scale - max);
  const lse = max + Math.log(sum);
  return scores.map((s) => s / scale - lse);
}

function softmax(logits: Float64Array, temperature: number): Float64Array {
  let max = -Infinity;
  for (const s of logits) if (s / temperature > max) max = s / temperature;
  let sum = 0;
  const out = logits.map((s) => {
    const e = Math.exp(s / temperature - max);
    sum += e;
    return e;
  });
  for (let c = 0; c < out.length; c++) out[c]! /= sum;
  return out;
}

/** Calibrated class probabilities of a feature list, in `model.classes` order. */
export function predictTextProba(model: TextClassifierModel, features: readonly string[]): Float64Array {
  const raw = blend(model, tfidfVector(model.tfidf, features), features);
  if (model.temperature === 1) return raw;
  return softmax(raw.map((p) => Math.log(p + 1e-12)), model.temperature);
}

/**
 * The terms that pushed class `classIndex` most for this feature list (logistic part):
 * [feature, contribution] descending, feature prefixes as in `textFeatures`.
 */
export function explainTextPrediction(model: TextClassifierModel, features: readonly string[], classIndex: number, n = 5): [string, number][] {
  const names = new Map<number, string>();
  const x = tfidfVector(model.tfidf, features);
  for (const f of features) {
    const i = model.tfidf.vocabulary.get(f);
    if (i !== undefined) names.set(i, f);
  }
  return topContributions(model.lr, x, classIndex, n).filter(([, v]) => v > 0).map(([i, v]) => [names.get(i)!, v]);
}

/**
 * Temperature T minimising the negative log-likelihood of `probs` (rows of raw probabilities)
 * against `truth` (class indices), by golden-section search over ln T ∈ [ln 0.05, ln 20].
 */
export function fitTemperature(probs: readonly Float64Array[], truth: readonly number[]): number {
  const nll = (t: number) => {
    let s = 0;
    probs.forEach((p, n) => {
      const q = softmax(p.map((v) => Math.log(v + 1e-12)), t);
      s -= Math.log(q[truth[n]!]! + 1e-12);
    });
    return s;
  };
  let a = Math.log(0.05);
  let b = Math.log(20);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (nll(Math.exp(c)) < nll(Math.exp(d))) b = d;
    else a = c;
  }
  return Math.exp((a + b) / 2);
}
