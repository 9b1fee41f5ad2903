/**
 * The category suggestion of an appeal: the level-1 classifier of ./classifier (loaded once,
 * lazily, from its committed model file) with its calibrated confidence, top 3 and reason terms,
 * and the keyword dispute-type suggestion (disputeTypes.ts). The effective category is the
 * dispute type's category when one is suggested, else the classifier's level-1 category; an
 * operator correction (stored for retraining) overrides both.
 */
import fs from 'node:fs';
import path from 'node:path';
import { classify, loadClassifier, type Classification } from './classifier/appealClassifier.ts';
import type { AppealModel } from './classifier/modelFile.ts';
import { CONSULTATION_CATEGORY, disputeCategory } from './categories.ts';
import { suggestDisputeType, type DisputeTypeSuggestion } from './disputeTypes.ts';

const models = new Map<string, { mtimeMs: number; model: AppealModel }>();

/**
 * The classifier in use, loaded on first use (~9 MB JSON) and kept: the model retrained from
 * operator corrections (`<dataDir>/models/appeal-classifier.retrained.json`, retrain.ts) when
 * there is one, else the shipped model. A newer retrained file is picked up on the next call.
 */
export function appealModel(dataDir?: string): AppealModel {
  const retrained = dataDir ? path.join(dataDir, 'models', 'appeal-classifier.retrained.json') : null;
  const stat = retrained ? fs.statSync(retrained, { throwIfNoEntry: false }) : undefined;
  const key = stat ? retrained! : '';
  const hit = models.get(key);
  if (hit && (!stat || hit.mtimeMs === stat.mtimeMs)) return hit.model;
  const model = stat ? loadClassifier(retrained!) : loadClassifier();
  models.set(key, { mtimeMs: stat?.mtimeMs ?? 0, model });
  return model;
}

/** What intake stores about the suggestion. */
export interface CategorySuggestion {
  /** The level-1 classifier's answer; null for demo rows seeded without it (the view then computes it). */
  readonly classifier: (Classification & { readonly trainingHash: string; readonly trainedAt: string }) | null;
  readonly disputeType: DisputeTypeSuggestion | null;
  /** The suggested category id and where it came from. */
  readonly category: string;
  /** classifier, keywords, kind (consultation), labelled (demo rows from the labelled data set). */
  readonly source: 'classifier' | 'keywords' | 'kind' | 'labelled';
}

/**
 * Suggest a category for an appeal's title and text.
 * @param kind 'consultation' always gives 法律服务/法律咨询
 * @param dataDir the platform's data directory (a retrained model there is used)
 */
export function suggestCategory(title: string, text: string, kind: 'appeal' | 'dispute' | 'consultation', dataDir?: string): CategorySuggestion {
  const m = appealModel(dataDir);
  const c = classify(m, { title, body: text });
  const classifier = { ...c, confidence: Math.round(c.confidence * 1e4) / 1e4, trainingHash: m.trainingHash, trainedAt: m.trainedAt };
  const disputeType = suggestDisputeType(`${title}。${text}`);
  if (kind === 'consultation') return { classifier, disputeType, category: CONSULTATION_CATEGORY, source: 'kind' };
  if (disputeType) return { classifier, disputeType, category: disputeCategory(disputeType.type), source: 'keywords' };
  return { classifier, disputeType, category: c.category, source: 'classifier' };
}

