/**
 * Sparse feature vectors and a TF-IDF vectoriser (Salton & Buckley 1988; sublinear tf,
 * smoothed idf = ln((1+N)/(1+df)) + 1, L2-normalised rows — the scikit-learn convention).
 * Features are strings (word unigrams/bigrams, character n-grams) mapped to dense indices.
 */

export interface SparseVector {
  readonly indices: Uint32Array;
  readonly values: Float32Array;
}

export type FeatureExtractor = (text: string) => string[];

export interface TfidfModel {
  readonly vocabulary: ReadonlyMap<string, number>;
  readonly idf: Float32Array;
}

/**
 * Fit the vocabulary and idf on documents (already turned into feature lists).
 * Features seen in fewer than `minDf` documents are dropped.
 */
export function fitTfidf(docs: readonly (readonly string[])[], minDf = 1): TfidfModel {
  const df = new Map<string, number>();
  for (const d of docs) for (const f of new Set(d)) df.set(f, (df.get(f) ?? 0) + 1);
  const vocabulary = new Map<string, number>();
  const idfValues: number[] = [];
  for (const [f, n] of [...df.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (n < minDf) continue;
    vocabulary.set(f, vocabulary.size);
    idfValues.push(Math.log((1 + docs.length) / (1 + n)) + 1);
  }
  return { vocabulary, idf: Float32Array.from(idfValues) };
}

/** Transform one feature list into an L2-normalised TF-IDF vector (unknown features ignored). */
export function tfidfVector(model: TfidfModel, features: readonly string[]): SparseVector {
  const counts = new Map<number, number>();
  for (const f of features) {
    const i = model.vocabulary.get(f);
    if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  const indices = Uint32Array.from([...counts.keys()].sort((a, b) => a - b));
  const values = new Float32Array(indices.length);
  let norm = 0;
  indices.forEach((i, k) => {
    const v = (1 + Math.log(counts.get(i)!)) * model.idf[i]!;
    values[k] = v;
    norm += v * v;
  });
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < values.length; k++) values[k]! /= norm;
  return { indices, values };
}

/** Word unigrams and bigrams of a token list, plus character bigrams of the raw Han text. */
export function wordAndCharFeatures(tokens: readonly string[], text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    out.push(`w:${tokens[i]}`);
    if (i + 1 < tokens.length) out.push(`b:${tokens[i]}_${tokens[i + 1]}`);
  }
  const han = text.replace(/[^\p{Script=Han}]/gu, '');
  for (let i = 0; i + 1 < han.length; i++) out.push(`c:${han.slice(i, i + 2)}`);
  return out;
}
