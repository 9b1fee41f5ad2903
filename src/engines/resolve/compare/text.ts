/**
 * Free text (marks, memories, landmarks) compared as segmented text: the platform's shared
 * jieba segmenter (src/engines/text/segment.ts, NFKC + lower case) cuts Chinese into words and
 * Latin text into words; function words are dropped. Han words of two or more characters also
 * contribute their single characters, and words of three or more their two-character heads
 * and tails (家门口 → 家门, 门口), so that differently worded or segmented descriptions (黑痣 /
 * 颗痣, 右耳后 / 右耳朵后面) still share tokens; IDF keeps common characters light. Each text becomes an
 * L2-normalised TF-IDF vector (Salton & Buckley 1988) whose IDF is computed over the batch the
 * comparator prepares, so rare shared words (胎记, 石桥) weigh more than common ones. Vectors
 * are sorted token-id arrays, so a pair costs one merge.
 */
import { segment as segmentWords } from '../../text/segment.ts';

const STOP = new Set(
  '的 了 和 与 及 或 在 是 有 也 就 都 而 但 又 很 着 过 把 被 从 到 对 为 以 于 个 这 那 其 之 一 一个 我 你 他 她 它 们 我们 记得 好像 大概 可能 the a an and or of to in on at is was with'.split(' '),
);

/** Segmentations of recent texts (short marks such as 不详 or 无 repeat across posts). */
const memo = new Map<string, string[]>();

const HAN_WORD = /^\p{Script=Han}{2,}$/u;

/**
 * Segment text into comparison tokens: words without punctuation and stop words, plus the
 * characters of Han words and the two-character head and tail of Han words of 3+ characters.
 * @example segment('红色胎记') // ['红色', '红', '色', '胎记', '胎', '记']
 */
export function segment(text: string): string[] {
  const hit = memo.get(text);
  if (hit) return hit;
  if (memo.size >= 100_000) memo.clear();
  const out: string[] = [];
  for (const t of segmentWords(text)) {
    if (STOP.has(t)) continue;
    out.push(t);
    if (HAN_WORD.test(t)) {
      const chars = [...t];
      for (const c of chars) if (!STOP.has(c)) out.push(c);
      if (chars.length >= 3) out.push(chars.slice(0, 2).join(''), chars.slice(-2).join(''));
    }
  }
  memo.set(text, out);
  return out;
}

/** A prepared text: sorted token ids with unit-length TF-IDF weights. */
export interface TextFeatures {
  readonly text: string;
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/**
 * Prepare a batch of texts (one per record, null for missing): segmentation, document
 * frequencies over the batch, smoothed IDF log((1+N)/(1+df)) + 1, L2 normalisation.
 * Returns null for a missing or token-less text.
 */
export function prepareTexts(values: readonly unknown[]): (TextFeatures | null)[] {
  const vocab = new Map<string, number>();
  const docs: (Map<number, number> | null)[] = [];
  const df: number[] = [];
  for (const v of values) {
    if (v == null || String(v).trim() === '') {
      docs.push(null);
      continue;
    }
    const tf = new Map<number, number>();
    for (const t of segment(String(v))) {
      let id = vocab.get(t);
      if (id === undefined) {
        id = vocab.size;
        vocab.set(t, id);
        df.push(0);
      }
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    for (const id of tf.keys()) df[id]!++;
    docs.push(tf.size > 0 ? tf : null);
  }
  const n = docs.length;
  return docs.map((tf, i) => {
    if (!tf) return null;
    const ids = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
    const weights = new Float64Array(ids.length);
    let norm = 0;
    ids.forEach((id, k) => {
      const w = tf.get(id)! * (Math.log((1 + n) / (1 + df[id]!)) + 1);
      weights[k] = w;
      norm += w * w;
    });
    norm = Math.sqrt(norm);
    for (let k = 0; k < weights.length; k++) weights[k]! /= norm;
    return { text: String(values[i]), ids, weights };
  });
}

/** Cosine similarity of two prepared texts in [0, 1] (one merge of the sorted id arrays). */
export function textCosine(a: TextFeatures, b: TextFeatures): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return Math.min(1, dot);
}

/** Jaccard similarity of the token sets of two prepared texts in [0, 1]. */
export function textJaccard(a: TextFeatures, b: TextFeatures): number {
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) {
      inter++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = a.ids.length + b.ids.length - inter;
  return union === 0 ? 0 : inter / union;
}
