/**
 * The appeal training corpus in feature form: labelled messages, unlabelled messages (votes +
 * replies files, minus any message id that is labelled), and prior documents built from the
 * taxonomy — one document per level-2 category of a trained level-1 class: the level-2 name and
 * its level-3 leaf names (keyword priors per class), used at a lower weight.
 */
import { createHash } from 'node:crypto';
import { textFeatures, type TrainingDoc } from '../../../engines/text/classifier.ts';
import { appealText, loadLabelled, loadTaxonomy, loadWithReplies, loadWithVotes, type AppealMessage, type TaxonomyRow } from './data.ts';

export interface AppealCorpus {
  readonly classes: readonly string[];
  readonly labelled: readonly AppealMessage[];
  readonly labelledFeatures: readonly (readonly string[])[];
  readonly unlabelledFeatures: readonly (readonly string[])[];
  /** Taxonomy prior documents (weight set by the trainer). */
  readonly priorDocs: readonly { readonly label: string; readonly features: readonly string[] }[];
  /** sha256 of the labelled ids, labels and texts, in order (training-data identity). */
  readonly hash: string;
}

/** Prior documents from the taxonomy for `classes`: '<level2> <leaf> <leaf> …' per level-2 node. */
export function taxonomyPriorDocs(taxonomy: readonly TaxonomyRow[], classes: readonly string[]): { label: string; text: string }[] {
  const groups = new Map<string, string[]>();
  for (const r of taxonomy) {
    if (!classes.includes(r.level1)) continue;
    const key = `${r.level1}\u0001${r.level2}`;
    groups.set(key, [...(groups.get(key) ?? []), r.level3]);
  }
  return [...groups.entries()].map(([k, leaves]) => {
    const [label, level2] = k.split('\u0001') as [string, string];
    return { label, text: `${level2} ${leaves.filter((l) => l !== '其他').join(' ')}` };
  });
}

/** sha256 (hex) over id, label and text of labelled messages. */
export function trainingHash(messages: readonly AppealMessage[]): string {
  const h = createHash('sha256');
  for (const m of messages) h.update(`${m.id}\u0001${m.label ?? ''}\u0001${m.title}\u0001${m.body}\n`);
  return h.digest('hex');
}

/**
 * Load and featurise the corpus (jieba over ~7,500 messages: tens of seconds).
 * `extra` are operator-corrected examples appended to the labelled set.
 */
export function loadAppealCorpus(dataDir?: string, extra: readonly AppealMessage[] = []): AppealCorpus {
  const labelled = [...loadLabelled(dataDir), ...extra];
  const ids = new Set(labelled.map((m) => m.id));
  const unlabelled = [...loadWithVotes(dataDir), ...loadWithReplies(dataDir)].filter((m) => !ids.has(m.id));
  const classes = [...new Set(labelled.map((m) => m.label!))].sort();
  return {
    classes,
    labelled,
    labelledFeatures: labelled.map((m) => textFeatures(appealText(m))),
    unlabelledFeatures: unlabelled.map((m) => textFeatures(appealText(m))),
    priorDocs: taxonomyPriorDocs(loadTaxonomy(dataDir), classes).map((d) => ({ label: d.label, features: textFeatures(d.text) })),
    hash: trainingHash(labelled),
  };
}

/** Training documents: the labelled rows at `indices` plus the prior documents at `priorWeight`. */
export function trainingDocs(corpus: AppealCorpus, indices: readonly number[], priorWeight: number): TrainingDoc[] {
  return [
    ...indices.map((i) => ({ features: corpus.labelledFeatures[i]!, label: corpus.labelled[i]!.label! })),
    ...corpus.priorDocs.map((d) => ({ features: d.features, label: d.label, weight: priorWeight })),
  ];
}
