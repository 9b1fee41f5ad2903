/**
 * The appeal (citizen message) classifier of issue 5: level-1 category with a calibrated
 * confidence, the top 3 categories and the terms that contributed most. Trained by
 * `trainClassifier` on the labelled corpus (+ taxonomy priors, + unlabelled messages for idf
 * and self-training), stored as a versioned JSON model file (`modelFile.ts`), loaded by
 * `loadClassifier`. Operator corrections are appended as labelled examples and the model is
 * retrained (`retrainWithCorrections`).
 */
import { explainTextPrediction, predictTextProba, textFeatures, trainTextClassifier, type TextClassifierModel } from '../../../engines/text/classifier.ts';
import { appealText, type AppealMessage } from './data.ts';
import { loadAppealCorpus, trainingDocs, trainingHash, type AppealCorpus } from './corpus.ts';
import { APPEAL_TRAINING, calibrate, crossValidate } from './evaluate.ts';
import { readModelFile, type AppealModel } from './modelFile.ts';

export interface Classification {
  readonly category: string;
  /** Calibrated probability of `category`, 0–1. */
  readonly confidence: number;
  readonly top3: readonly { readonly category: string; readonly probability: number }[];
  /** Terms that pushed `category` most (word, word pair or character bigram) with their weight. */
  readonly reasons: readonly { readonly term: string; readonly weight: number }[];
}

/**
 * Train on the whole corpus with the shipped recipe (`APPEAL_TRAINING`: one-vs-rest linear SVM
 * with the class-prior correction); the confidence temperature is fitted on out-of-fold
 * predictions of 3-fold CV with `calibrationSeeds` (default [1]). Four trainings in all.
 */
export function trainClassifier(corpus: AppealCorpus, calibrationSeeds: readonly number[] = [1]): AppealModel {
  const all = corpus.labelled.map((_, i) => i);
  const model = trainTextClassifier(trainingDocs(corpus, all, APPEAL_TRAINING.priorWeight), corpus.classes, corpus.unlabelledFeatures, APPEAL_TRAINING);
  const temperature = calibrate(calibrationSeeds.map((s) => crossValidate(corpus, s)));
  return { model: { ...model, temperature }, trainingHash: corpus.hash, trainedAt: new Date().toISOString(), examples: corpus.labelled.length, settings: { ...APPEAL_TRAINING } };
}

/** Read a model file written by `writeModelFile` (default: the committed model). */
export function loadClassifier(file?: string): AppealModel {
  return readModelFile(file);
}

/**
 * Classify one appeal: `{ title, body }` (title weighted as in training) or a plain text.
 * @returns category, calibrated confidence, top 3 and up to 5 distinct reason terms.
 */
export function classify(model: AppealModel | TextClassifierModel, appeal: string | Pick<AppealMessage, 'title' | 'body'>): Classification {
  const m = 'model' in model ? model.model : model;
  const features = textFeatures(typeof appeal === 'string' ? appeal : appealText(appeal));
  const p = predictTextProba(m, features);
  const order = [...p.keys()].sort((a, b) => p[b]! - p[a]!);
  const best = order[0]!;
  return {
    category: m.classes[best]!,
    confidence: p[best]!,
    top3: order.slice(0, 3).map((c) => ({ category: m.classes[c]!, probability: p[c]! })),
    reasons: reasonTerms(explainTextPrediction(m, features, best, 15)),
  };
}

/** Up to 5 distinct display terms (a word and its character bigram read the same; the larger weight is kept). */
function reasonTerms(contributions: readonly [string, number][]): { term: string; weight: number }[] {
  const seen = new Set<string>();
  const out: { term: string; weight: number }[] = [];
  for (const [f, weight] of contributions) {
    const term = f.slice(2).replace('_', ' ');
    if (seen.has(term)) continue;
    seen.add(term);
    out.push({ term, weight });
    if (out.length === 5) break;
  }
  return out;
}

/**
 * Retrain from operator corrections: each corrected message (with its right `label`, one of the
 * trained classes or a new one) is appended to the labelled set and the model is trained again.
 * A correction of a message already labelled replaces that label (same `id`).
 */
export function retrainWithCorrections(corrections: readonly AppealMessage[], dataDir?: string): AppealModel {
  return trainClassifier(withCorrections(loadAppealCorpus(dataDir, corrections), corrections));
}

/** The corpus with labelled rows superseded by a correction (same id, earlier row) removed. */
export function withCorrections(corpus: AppealCorpus, corrections: readonly AppealMessage[]): AppealCorpus {
  const corrected = new Map(corrections.map((c) => [c.id, c]));
  const keep = corpus.labelled.map((m, i) => (corrected.has(m.id) && corrected.get(m.id) !== m ? -1 : i)).filter((i) => i >= 0);
  const labelled = keep.map((i) => corpus.labelled[i]!);
  return {
    ...corpus,
    labelled,
    labelledFeatures: keep.map((i) => corpus.labelledFeatures[i]!),
    classes: [...new Set(labelled.map((m) => m.label!))].sort(),
    hash: trainingHash(labelled),
  };
}
