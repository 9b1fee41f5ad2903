/**
 * Multinomial naive Bayes with Laplace smoothing over character bigrams — the baseline the
 * appeal classifier is compared with (McCallum & Nigam 1998).
 */

export interface NaiveBayesModel {
  readonly classes: readonly string[];
  readonly logPrior: Float64Array;
  readonly logLikelihood: ReadonlyMap<string, Float64Array>;
  readonly logUnseen: Float64Array;
}

/** Character bigrams of the Han characters in a text. */
export function charBigrams(text: string): string[] {
  const han = text.replace(/[^\p{Script=Han}]/gu, '');
  const out: string[] = [];
  for (let i = 0; i + 1 < han.length; i++) out.push(han.slice(i, i + 2));
  return out;
}

/** Train on feature lists with labels; alpha = Laplace smoothing (default 1). */
export function trainNaiveBayes(docs: readonly (readonly string[])[], ys: readonly string[], classes: readonly string[], alpha = 1): NaiveBayesModel {
  const k = classes.length;
  const ci = new Map(classes.map((c, i) => [c, i]));
  const counts = new Map<string, Float64Array>();
  const totals = new Float64Array(k);
  const docCounts = new Float64Array(k);
  docs.forEach((d, n) => {
    const c = ci.get(ys[n]!)!;
    docCounts[c]! += 1;
    for (const f of d) {
      let row = counts.get(f);
      if (!row) counts.set(f, (row = new Float64Array(k)));
      row[c]! += 1;
      totals[c]! += 1;
    }
  });
  const v = counts.size;
  const logLikelihood = new Map<string, Float64Array>();
  for (const [f, row] of counts) logLikelihood.set(f, row.map((n, c) => Math.log((n + alpha) / (totals[c]! + alpha * v))));
  return {
    classes,
    logPrior: docCounts.map((n) => Math.log(n / docs.length)),
    logLikelihood,
    logUnseen: totals.map((t) => Math.log(alpha / (t + alpha * v))),
  };
}

/** The most probable class of a feature list. */
export function predictNaiveBayes(model: NaiveBayesModel, doc: readonly string[]): string {
  const scores = Float64Array.from(model.logPrior);
  for (const f of doc) {
    const row = model.logLikelihood.get(f);
    if (!row) continue; // features never seen in training carry no evidence
    for (let c = 0; c < scores.length; c++) scores[c]! += row[c]!;
  }
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[best]!) best = c;
  return model.classes[best]!;
}
