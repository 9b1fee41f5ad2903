/**
 * The category suggestion of an appeal: the level-1 classifier of ./classifier (loaded once,
 * lazily, from its committed model file) with its calibrated confidence, top 3 and reason terms,
 * and the keyword dispute-type suggestion (disputeTypes.ts). The effective category is the
 * dispute type's category when one is suggested, else the classifier's level-1 category; an
 * operator correction (stored for retraining) overrides both.
 */
import { classify, loadClassifier, type Classification } from './classifier/appealClassifier.ts';
import type { AppealModel } from './classifier/modelFile.ts';
import { CONSULTATION_CATEGORY, disputeCategory } from './categories.ts';
import { suggestDisputeType, type DisputeTypeSuggestion } from './disputeTypes.ts';

let model: AppealModel | null = null;

/** The shipped classifier, loaded on first use (~17 MB JSON). */
export function appealModel(): AppealModel {
  model ??= loadClassifier();
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
 */
export function suggestCategory(title: string, text: string, kind: 'appeal' | 'dispute' | 'consultation'): CategorySuggestion {
  const m = appealModel();
  const c = classify(m, { title, body: text });
  const classifier = { ...c, confidence: Math.round(c.confidence * 1e4) / 1e4, trainingHash: m.trainingHash, trainedAt: m.trainedAt };
  const disputeType = suggestDisputeType(`${title}。${text}`);
  if (kind === 'consultation') return { classifier, disputeType, category: CONSULTATION_CATEGORY, source: 'kind' };
  if (disputeType) return { classifier, disputeType, category: disputeCategory(disputeType.type), source: 'keywords' };
  return { classifier, disputeType, category: c.category, source: 'classifier' };
}

