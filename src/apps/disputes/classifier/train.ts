/**
 * Training script: cross-validate (3-fold, seeds 1–3) beside the naive Bayes baseline, fit the
 * confidence temperature on the pooled out-of-fold predictions, train on all labelled data and
 * write the versioned model file and its markdown training report to ./models/.
 *
 * Usage: node --import tsx src/apps/disputes/classifier/train.ts
 */
import fs from 'node:fs';
import { trainTextClassifier } from '../../../engines/text/classifier.ts';
import { loadAppealCorpus, trainingDocs } from './corpus.ts';
import { APPEAL_TRAINING, calibrate, crossValidate, expectedCalibrationError, type CrossValidation } from './evaluate.ts';
import { MODEL_FORMAT_VERSION, writeModelFile, DEFAULT_MODEL_FILE, type AppealModel } from './modelFile.ts';

const SEEDS = [1, 2, 3];

/** Markdown report of CV runs: per-seed macro-F1 of model and baseline, per-class F1, calibration. */
export function trainingReport(runs: readonly CrossValidation[], m: AppealModel, trainMs: number, eceBefore: number, eceAfter: number): string {
  const classes = runs[0]!.model.labels;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const f = (x: number) => x.toFixed(3);
  const lines = [
    `# Appeal classifier — training report`,
    '',
    `- model file: \`appeal-classifier.v${MODEL_FORMAT_VERSION}.json\` (format version ${MODEL_FORMAT_VERSION})`,
    `- trained at: ${m.trainedAt}; labelled examples: ${m.examples}; training-data sha256: \`${m.trainingHash}\``,
    `- data: messages_labelled.csv (7 level-1 classes) + taxonomy level-2/3 names as prior documents (weight ${APPEAL_TRAINING.priorWeight}) + ${'7,142'} unlabelled messages (idf, self-training)`,
    `- settings: ${JSON.stringify(APPEAL_TRAINING)}`,
    `- final training time: ${(trainMs / 1000).toFixed(1)} s (features precomputed); temperature ${m.model.temperature.toFixed(3)}`,
    '',
    '## 3-fold stratified cross-validation (every seed run is reported)',
    '',
    '| fold seed | model macro-F1 | NB char-bigram baseline macro-F1 (same folds) | slowest fold training |',
    '|---|---|---|---|',
    ...runs.map((r) => `| ${r.seed} | ${f(r.model.macroF1)} | ${f(r.baseline.macroF1)} | ${(r.maxTrainMs / 1000).toFixed(1)} s |`),
    `| mean | ${f(mean(runs.map((r) => r.model.macroF1)))} | ${f(mean(runs.map((r) => r.baseline.macroF1)))} | |`,
    '',
    '## Per-class F1 (model / baseline), by seed',
    '',
    `| class | ${runs.map((r) => `seed ${r.seed}`).join(' | ')} |`,
    `|---|${runs.map(() => '---').join('|')}|`,
    ...classes.map((c, i) => `| ${c} | ${runs.map((r) => `${f(r.model.perClass[i]!.f1)} / ${f(r.baseline.perClass[i]!.f1)}`).join(' | ')} |`),
    '',
    '## Calibration',
    '',
    `Expected calibration error (10 bins) of the pooled out-of-fold top-class confidence: ${f(eceBefore)} raw, ${f(eceAfter)} after temperature scaling (T = ${m.model.temperature.toFixed(3)}, fitted on the same predictions; an in-sample figure).`,
    '',
  ];
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const corpus = loadAppealCorpus();
  const runs = SEEDS.map((seed) => {
    const r = crossValidate(corpus, seed);
    console.log(`seed ${seed}: model ${r.model.macroF1.toFixed(3)}  NB ${r.baseline.macroF1.toFixed(3)}`);
    return r;
  });
  const temperature = calibrate(runs);
  const t0 = performance.now();
  const model = trainTextClassifier(trainingDocs(corpus, corpus.labelled.map((_, i) => i), APPEAL_TRAINING.priorWeight), corpus.classes, corpus.unlabelledFeatures, APPEAL_TRAINING);
  const trainMs = performance.now() - t0;
  const m: AppealModel = { model: { ...model, temperature }, trainingHash: corpus.hash, trainedAt: new Date().toISOString(), examples: corpus.labelled.length };
  writeModelFile(m);
  const probs = runs.flatMap((r) => r.probs);
  const truth = runs.flatMap((r) => r.truth);
  const report = trainingReport(runs, m, trainMs, expectedCalibrationError(probs, truth), expectedCalibrationError(probs, truth, temperature));
  fs.writeFileSync(new URL('./models/appeal-classifier.v1.md', import.meta.url), report);
  console.log(report);
  console.log(`model written to ${DEFAULT_MODEL_FILE.pathname}`);
}
