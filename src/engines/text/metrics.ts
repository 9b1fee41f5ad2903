/**
 * Classification metrics: per-class precision, recall, F1 and macro-F1 (the unweighted mean
 * of per-class F1, Sokolova & Lapalme 2009), and the confusion matrix.
 */

export interface ClassReport {
  readonly label: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

export interface EvaluationReport {
  readonly accuracy: number;
  readonly macroF1: number;
  readonly perClass: readonly ClassReport[];
  /** confusion[i][j] = count of true label i predicted as j, in `labels` order. */
  readonly confusion: readonly (readonly number[])[];
  readonly labels: readonly string[];
}

/** Evaluate predictions against truth; `labels` fixes the class order (default: sorted union). */
export function evaluate(truth: readonly string[], predicted: readonly string[], labels?: readonly string[]): EvaluationReport {
  if (truth.length !== predicted.length) throw new RangeError('truth and predicted differ in length');
  const order = labels ?? [...new Set([...truth, ...predicted])].sort();
  const index = new Map(order.map((l, i) => [l, i]));
  const confusion = order.map(() => order.map(() => 0));
  let correct = 0;
  for (let k = 0; k < truth.length; k++) {
    const i = index.get(truth[k]!)!;
    const j = index.get(predicted[k]!)!;
    confusion[i]![j]! += 1;
    if (i === j) correct += 1;
  }
  const perClass = order.map((label, i) => {
    const tp = confusion[i]![i]!;
    const support = confusion[i]!.reduce((a, b) => a + b, 0);
    const predictedCount = confusion.reduce((a, row) => a + row[i]!, 0);
    const precision = predictedCount ? tp / predictedCount : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
  const present = perClass.filter((c) => c.support > 0);
  return {
    accuracy: truth.length ? correct / truth.length : 0,
    macroF1: present.reduce((a, c) => a + c.f1, 0) / (present.length || 1),
    perClass,
    confusion,
    labels: order,
  };
}

/**
 * Stratified k-fold split: indices of each fold, classes spread evenly, deterministic for a seed.
 */
export function stratifiedFolds(labels: readonly string[], k: number, seed = 1): number[][] {
  const byClass = new Map<string, number[]>();
  labels.forEach((l, i) => byClass.set(l, [...(byClass.get(l) ?? []), i]));
  let s = seed >>> 0 || 1;
  const rand = () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
  const folds: number[][] = Array.from({ length: k }, () => []);
  let offset = 0;
  for (const key of [...byClass.keys()].sort()) {
    const idx = byClass.get(key)!;
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    idx.forEach((v, i) => folds[(i + offset) % k]!.push(v));
    offset += idx.length;
  }
  return folds.map((f) => f.sort((a, b) => a - b));
}
