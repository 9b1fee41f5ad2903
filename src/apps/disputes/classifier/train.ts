/**
 * Training script: cross-validate (3-fold, seeds 1–3) beside the naive Bayes baseline, fit the
 * confidence temperature on the pooled out-of-fold predictions, train on all labelled data
 * (+ operator corrections when given) and write the versioned model file and its markdown
 * training report (per-class precision/recall/F1, confusion, fold figures, baseline).
 *
 * Usage: node --import tsx src/apps/disputes/classifier/train.ts [--corrections FILE.csv] [--out DIR]
 * FILE.csv has columns id,label and optionally title,body; rows without text take the message
 * of that id from the shared appeal data (`readCorrections`). DIR defaults to ./models/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { trainTextClassifier } from '../../../engines/text/classifier.ts';
import { withCorrections } from './appealClassifier.ts';
import { loadAppealCorpus, trainingDocs, type AppealCorpus } from './corpus.ts';
import { loadLabelled, loadWithReplies, loadWithVotes, type AppealMessage } from './data.ts';
import { APPEAL_TRAINING, calibrate, crossValidate, expectedCalibrationError, type CrossValidation } from './evaluate.ts';
import { MODEL_FORMAT_VERSION, writeModelFile, type AppealModel } from './modelFile.ts';

export const CV_SEEDS: readonly number[] = [1, 2, 3];

/**
 * Operator corrections from a CSV with header `id,label[,title,body]`. A row without title/body
 * takes the text of the message with that id in the shared appeal files.
 * @throws Error naming the row when a label is empty or an id has no text.
 */
export function readCorrections(file: string, dataDir?: string): AppealMessage[] {
  const rows = parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Record<string, string>[];
  const known = new Map<string, AppealMessage>();
  for (const m of [...loadLabelled(dataDir), ...loadWithVotes(dataDir), ...loadWithReplies(dataDir)]) if (!known.has(m.id)) known.set(m.id, m);
  return rows.map((r, i) => {
    const id = r['id'] ?? '';
    const label = r['label'] ?? '';
    if (!label) throw new Error(`corrections row ${i + 2}: empty label`);
    const base = r['title'] || r['body'] ? { id, userId: '', title: r['title'] ?? '', body: r['body'] ?? '', time: '' } : known.get(id);
    if (!base) throw new Error(`corrections row ${i + 2}: no message with id ${id} and no title/body`);
    return { ...base, label };
  });
}

const f3 = (x: number) => x.toFixed(3);
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Markdown report of CV runs: per-seed macro-F1 of model and baseline, per-class P/R/F1, confusion, calibration. */
export function trainingReport(runs: readonly CrossValidation[], m: AppealModel, corpus: AppealCorpus, trainMs: number, eceBefore: number, eceAfter: number): string {
  const classes = runs[0]!.model.labels;
  const first = runs[0]!;
  const lines = [
    `# Appeal classifier — training report`,
    '',
    `- model file: \`appeal-classifier.v${MODEL_FORMAT_VERSION}.json\` (format version ${MODEL_FORMAT_VERSION})`,
    `- trained at: ${m.trainedAt}; labelled examples: ${m.examples}; training-data sha256: \`${m.trainingHash}\``,
    `- data: messages_labelled.csv (${classes.length} level-1 classes) + ${corpus.priorDocs.length} taxonomy prior documents (level-2 name + its level-3 leaf names, weight ${APPEAL_TRAINING.priorWeight}) + ${corpus.unlabelledFeatures.length.toLocaleString('en')} unlabelled messages (idf)`,
    `- recipe: ${JSON.stringify(APPEAL_TRAINING)}`,
    `- features kept in the model: ${m.model.tfidf.vocabulary.size.toLocaleString('en')}; final training time ${(trainMs / 1000).toFixed(1)} s (features precomputed); temperature ${m.model.temperature.toFixed(3)}`,
    '',
    '## 3-fold stratified cross-validation (every seed run is reported)',
    '',
    'Each third is held out once; the model trains on the other two thirds (+ taxonomy priors + unlabelled text); figures are over the pooled out-of-fold predictions.',
    '',
    '| fold seed | model macro-F1 | model accuracy | NB char-bigram baseline macro-F1 (same folds) | slowest fold training |',
    '|---|---|---|---|---|',
    ...runs.map((r) => `| ${r.seed} | ${f3(r.model.macroF1)} | ${f3(r.model.accuracy)} | ${f3(r.baseline.macroF1)} | ${(r.maxTrainMs / 1000).toFixed(1)} s |`),
    `| mean | ${f3(mean(runs.map((r) => r.model.macroF1)))} | ${f3(mean(runs.map((r) => r.model.accuracy)))} | ${f3(mean(runs.map((r) => r.baseline.macroF1)))} | |`,
    '',
    '## Per-class F1 (model / baseline), by seed',
    '',
    `| class | support | ${runs.map((r) => `seed ${r.seed}`).join(' | ')} |`,
    `|---|---|${runs.map(() => '---').join('|')}|`,
    ...classes.map((c, i) => `| ${c} | ${first.model.perClass[i]!.support} | ${runs.map((r) => `${f3(r.model.perClass[i]!.f1)} / ${f3(r.baseline.perClass[i]!.f1)}`).join(' | ')} |`),
    '',
    `## Per-class precision / recall / F1 of the model, seed ${first.seed}`,
    '',
    '| class | precision | recall | F1 |',
    '|---|---|---|---|',
    ...first.model.perClass.map((c) => `| ${c.label} | ${f3(c.precision)} | ${f3(c.recall)} | ${f3(c.f1)} |`),
    '',
    `## Confusion of the model, seed ${first.seed} (rows: true class, columns: predicted)`,
    '',
    `| true \\ predicted | ${classes.join(' | ')} |`,
    `|---|${classes.map(() => '---').join('|')}|`,
    ...first.model.confusion.map((row, i) => `| ${classes[i]} | ${row.join(' | ')} |`),
    '',
    '## Calibration',
    '',
    `Expected calibration error (10 bins) of the pooled out-of-fold top-class confidence: ${f3(eceBefore)} raw (softmax of SVM scores), ${f3(eceAfter)} after temperature scaling (T = ${m.model.temperature.toFixed(3)}, fitted on the same predictions; an in-sample figure).`,
    '',
  ];
  return lines.join('\n');
}

/**
 * Cross-validate, calibrate, train on everything and write `appeal-classifier.v<N>.json` and
 * `.md` into `outDir`. `log` receives progress lines.
 * @returns the model, the CV runs and the paths written
 */
export function trainAndReport(options: { corrections?: readonly AppealMessage[]; outDir?: string; dataDir?: string; log?: (line: string) => void } = {}): { model: AppealModel; runs: CrossValidation[]; modelFile: string; reportFile: string } {
  const log = options.log ?? (() => {});
  const corrections = options.corrections ?? [];
  const base = loadAppealCorpus(options.dataDir, corrections);
  const corpus = corrections.length ? withCorrections(base, corrections) : base;
  const runs = CV_SEEDS.map((seed) => {
    const r = crossValidate(corpus, seed);
    log(`seed ${seed}: model macro-F1 ${f3(r.model.macroF1)}  NB ${f3(r.baseline.macroF1)}  (${r.model.perClass.map((c) => `${c.label} ${f3(c.f1)}`).join(', ')})`);
    return r;
  });
  const temperature = calibrate(runs);
  const t0 = performance.now();
  const trained = trainTextClassifier(trainingDocs(corpus, corpus.labelled.map((_, i) => i), APPEAL_TRAINING.priorWeight), corpus.classes, corpus.unlabelledFeatures, APPEAL_TRAINING);
  const trainMs = performance.now() - t0;
  const model: AppealModel = { model: { ...trained, temperature }, trainingHash: corpus.hash, trainedAt: new Date().toISOString(), examples: corpus.labelled.length, settings: { ...APPEAL_TRAINING } };
  const outDir = options.outDir ?? fileURLToPath(new URL('./models/', import.meta.url));
  fs.mkdirSync(outDir, { recursive: true });
  const modelFile = path.join(outDir, `appeal-classifier.v${MODEL_FORMAT_VERSION}.json`);
  const reportFile = path.join(outDir, `appeal-classifier.v${MODEL_FORMAT_VERSION}.md`);
  writeModelFile(model, modelFile);
  const probs = runs.flatMap((r) => r.probs);
  const truth = runs.flatMap((r) => r.truth);
  fs.writeFileSync(reportFile, trainingReport(runs, model, corpus, trainMs, expectedCalibrationError(probs, truth), expectedCalibrationError(probs, truth, temperature)));
  return { model, runs, modelFile, reportFile };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const file = arg('--corrections');
  const out = arg('--out');
  const r = trainAndReport({ ...(file ? { corrections: readCorrections(file) } : {}), ...(out ? { outDir: out } : {}), log: (l) => console.log(l) });
  console.log(fs.readFileSync(r.reportFile, 'utf8'));
  console.log(`model written to ${r.modelFile}, report to ${r.reportFile}`);
}
