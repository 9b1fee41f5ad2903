/**
 * The versioned appeal-model file (JSON): format version, training-data hash (sha256 of the
 * labelled examples), training date, classes, temperature, the training recipe, and for each
 * kept feature its name, idf, per-class linear weights and (when the NB blend is on) per-class
 * NB log-likelihoods. Format 2 stores idf and weights as integers (value × `scale`, i.e. fixed
 * point with 1e-5 resolution — the precision format 1 rounded to) to keep the committed file
 * small; format 1 files (plain decimals) are still read.
 * Features whose largest |weight| is below `pruneBelow` (default 0: none) are dropped; features
 * with all-zero weights (seen only in unlabelled text) are kept as [name, idf] because they
 * still count in a vector's L2 norm.
 */
import fs from 'node:fs';
import { AppError } from '../../../core/errors.ts';
import { TextErrors } from '../../../engines/text/errors.ts';
import type { TextClassifierModel } from '../../../engines/text/classifier.ts';

export const MODEL_FORMAT_VERSION = 2;
/** Format versions `modelFromJson` reads. */
export const READABLE_MODEL_VERSIONS: readonly number[] = [1, 2];
/** The committed model file. */
export const DEFAULT_MODEL_FILE = new URL('./models/appeal-classifier.v2.json', import.meta.url);
/** Fixed-point scale of format 2 (values are stored as round(value × SCALE)). */
const SCALE = 1e5;

/** A trained appeal model with its provenance. */
export interface AppealModel {
  readonly model: TextClassifierModel;
  readonly trainingHash: string;
  /** ISO 8601 UTC. */
  readonly trainedAt: string;
  readonly examples: number;
  /** The training settings (recipe) the model was trained with, when recorded (format 2). */
  readonly settings?: Readonly<Record<string, unknown>>;
}

interface ModelJson {
  version: number;
  kind: 'gongzhi-appeal-classifier';
  trainingHash: string;
  trainedAt: string;
  examples: number;
  classes: string[];
  temperature: number;
  bias: number[];
  nb: { weight: number; logPrior: number[] } | null;
  /** Format 2: fixed-point scale of idf, weights and NB values in `features`. */
  scale?: number;
  settings?: Record<string, unknown>;
  /** [feature, idf, w_1 … w_k, (nb_1 … nb_k)] per kept feature; [feature, idf] when all weights are 0. */
  features: (string | number)[][];
}

const round = (v: number) => Math.round(v * 1e5) / 1e5;
const fixed = (v: number) => Math.round(v * SCALE);

/** Serialise; `pruneBelow` drops features whose largest |logistic weight| is smaller. */
export function modelToJson(m: AppealModel, pruneBelow = 0): string {
  const { classes, tfidf, lr, nb, temperature } = m.model;
  const k = classes.length;
  const rows: (string | number)[][] = [];
  for (const [name, i] of tfidf.vocabulary) {
    const w = classes.map((_, c) => lr.weights[c * lr.features + i]!);
    const maxAbs = Math.max(...w.map(Math.abs));
    if (maxAbs < pruneBelow) continue;
    if (maxAbs === 0) {
      rows.push([name, fixed(tfidf.idf[i]!)]); // still counts in the vector's L2 norm
      continue;
    }
    const nbRow = nb?.logLikelihood.get(i);
    rows.push([name, fixed(tfidf.idf[i]!), ...w.map(fixed), ...(nb ? (nbRow ? [...nbRow].map(fixed) : new Array<number>(k).fill(0)) : [])]);
  }
  const json: ModelJson = {
    version: MODEL_FORMAT_VERSION,
    kind: 'gongzhi-appeal-classifier',
    trainingHash: m.trainingHash,
    trainedAt: m.trainedAt,
    examples: m.examples,
    classes: [...classes],
    temperature: round(temperature),
    bias: [...lr.bias].map(round),
    nb: nb ? { weight: nb.weight, logPrior: [...nb.logPrior].map(round) } : null,
    scale: SCALE,
    ...(m.settings ? { settings: { ...m.settings } } : {}),
    features: rows,
  };
  return JSON.stringify(json).replace(/\],\[/g, '],\n[');
}

/**
 * Parse a model file's text.
 * @throws AppError TEXT_MODEL_VERSION for another format version, TEXT_MODEL_INVALID when malformed.
 */
export function modelFromJson(text: string): AppealModel {
  let j: ModelJson;
  try {
    j = JSON.parse(text) as ModelJson;
  } catch (e) {
    throw new AppError(TextErrors.TEXT_MODEL_INVALID, { reason: (e as Error).message });
  }
  if (j.kind !== 'gongzhi-appeal-classifier' || !Array.isArray(j.classes) || !Array.isArray(j.features)) throw new AppError(TextErrors.TEXT_MODEL_INVALID, { reason: 'not an appeal classifier' });
  if (!READABLE_MODEL_VERSIONS.includes(j.version)) throw new AppError(TextErrors.TEXT_MODEL_VERSION, { found: j.version, expected: READABLE_MODEL_VERSIONS.join(' / ') });
  const scale = j.version >= 2 ? (j.scale ?? SCALE) : 1;
  const k = j.classes.length;
  const n = j.features.length;
  const vocabulary = new Map<string, number>();
  const idf = new Float32Array(n);
  const weights = new Float32Array(k * n);
  const logLikelihood = new Map<number, Float64Array>();
  j.features.forEach((row, i) => {
    if (row.length !== 2 && row.length !== 2 + k * (j.nb ? 2 : 1)) throw new AppError(TextErrors.TEXT_MODEL_INVALID, { reason: `feature row ${i} has ${row.length} values` });
    vocabulary.set(String(row[0]), i);
    idf[i] = Number(row[1]) / scale;
    if (row.length === 2) return; // all-zero weights
    for (let c = 0; c < k; c++) weights[c * n + i] = Number(row[2 + c]) / scale;
    if (j.nb) logLikelihood.set(i, Float64Array.from(row.slice(2 + k, 2 + 2 * k), (v) => Number(v) / scale));
  });
  const model: TextClassifierModel = {
    classes: j.classes,
    tfidf: { vocabulary, idf },
    lr: { classes: j.classes, features: n, weights, bias: Float32Array.from(j.bias) },
    temperature: j.temperature,
    ...(j.nb ? { nb: { weight: j.nb.weight, logPrior: Float64Array.from(j.nb.logPrior), logLikelihood } } : {}),
  };
  return { model, trainingHash: j.trainingHash, trainedAt: j.trainedAt, examples: j.examples, ...(j.settings ? { settings: j.settings } : {}) };
}

/** Write a model file. */
export function writeModelFile(m: AppealModel, file: string | URL = DEFAULT_MODEL_FILE, pruneBelow = 0): void {
  fs.writeFileSync(file, modelToJson(m, pruneBelow) + '\n');
}

/** Read a model file (default: the committed one). Errors as `modelFromJson`. */
export function readModelFile(file: string | URL = DEFAULT_MODEL_FILE): AppealModel {
  return modelFromJson(fs.readFileSync(file, 'utf8'));
}
