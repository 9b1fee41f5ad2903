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

const HAN_WORD = /^\p{Script=Han}{2,}$/u;

/**
 * Characters at which a text is cut into clauses before segmentation: whitespace and
 * punctuation. None of them is in jieba's word-block class (Han, ASCII letters and digits,
 * `+#&._%-`), so jieba never joins words across them and segmenting clause by clause gives
 * exactly the tokens of segmenting the whole text; clauses (村口有棵大槐树, 右肩有疤) repeat
 * across posts far more than whole texts, so their tokens are memoised.
 */
const CLAUSE_BREAK = /[\s,，。;；:：!！?？、()（）[\]【】"“”'‘’《》<>/|~～…]+/u;

/** Module-wide token interner, word and clause memos; reset together between batches when large. */
const tokenIds = new Map<string, number>();
const tokenText: string[] = [];
const wordTokens = new Map<string, readonly number[]>();
const clauseTokens = new Map<string, readonly number[]>();
const TABLE_LIMIT = 400_000;
const NO_TOKENS: readonly number[] = [];

/** Drop the interner and the memos when they grow past TABLE_LIMIT (only between batches). */
function resetWhenLarge(): void {
  if (tokenText.length > TABLE_LIMIT || clauseTokens.size > TABLE_LIMIT || wordTokens.size > TABLE_LIMIT) {
    tokenIds.clear();
    tokenText.length = 0;
    wordTokens.clear();
    clauseTokens.clear();
  }
}

function intern(t: string): number {
  let id = tokenIds.get(t);
  if (id === undefined) {
    id = tokenText.length;
    tokenIds.set(t, id);
    tokenText.push(t);
  }
  return id;
}

/** Token ids of one word (memoised): the word, then the characters and head/tail of a Han word; none for a stop word. */
function wordIds(t: string): readonly number[] {
  let ids = wordTokens.get(t);
  if (ids) return ids;
  if (STOP.has(t)) ids = NO_TOKENS;
  else {
    const out = [intern(t)];
    if (HAN_WORD.test(t)) {
      const chars = [...t];
      for (const c of chars) if (!STOP.has(c)) out.push(intern(c));
      if (chars.length >= 3) out.push(intern(chars[0]! + chars[1]!), intern(chars[chars.length - 2]! + chars[chars.length - 1]!));
    }
    ids = out;
  }
  wordTokens.set(t, ids);
  return ids;
}

/** Token ids of one clause (memoised), word by word. */
function clauseIds(clause: string): readonly number[] {
  let ids = clauseTokens.get(clause);
  if (ids) return ids;
  const words = segmentWords(clause);
  if (words.length === 1) ids = wordIds(words[0]!);
  else {
    const out: number[] = [];
    for (const t of words) {
      const w = wordIds(t);
      for (let k = 0; k < w.length; k++) out.push(w[k]!);
    }
    ids = out;
  }
  clauseTokens.set(clause, ids);
  return ids;
}

/** Scratch buffer for the token ids of one text (grown on demand, reused across texts). */
let scratch = new Int32Array(256);

/** Token ids of a text in order (with repeats), clause by clause, in `scratch`; returns the count. */
function textIds(text: string): number {
  let n = 0;
  for (const clause of text.split(CLAUSE_BREAK)) {
    if (clause.length === 0) continue;
    const ids = clauseIds(clause);
    if (n + ids.length > scratch.length) {
      const grown = new Int32Array(Math.max(scratch.length * 2, n + ids.length));
      grown.set(scratch.subarray(0, n));
      scratch = grown;
    }
    scratch.set(ids, n);
    n += ids.length;
  }
  return n;
}

/**
 * Segment text into comparison tokens: words without punctuation and stop words, plus the
 * characters of Han words and the two-character head and tail of Han words of 3+ characters.
 * @example segment('红色胎记') // ['红色', '红', '色', '胎记', '胎', '记']
 */
export function segment(text: string): string[] {
  resetWhenLarge();
  const n = textIds(text);
  return Array.from(scratch.subarray(0, n), (id) => tokenText[id]!);
}

/** A prepared text: sorted token ids with unit-length TF-IDF weights. */
export interface TextFeatures {
  readonly text: string;
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/** Growable pools of the sorted distinct token ids and counts of a batch's distinct texts. */
class TermPool {
  ids = new Int32Array(1 << 14);
  tf = new Uint16Array(1 << 14);
  size = 0;

  /** Append the terms of a text; returns its [start, end) in the pool, end === start when token-less. */
  add(text: string): number {
    const n = textIds(text);
    const start = this.size;
    if (n === 0) return start;
    if (start + n > this.ids.length) {
      const cap = Math.max(this.ids.length * 2, start + n);
      const ids = new Int32Array(cap);
      ids.set(this.ids.subarray(0, start));
      this.ids = ids;
      const tf = new Uint16Array(cap);
      tf.set(this.tf.subarray(0, start));
      this.tf = tf;
    }
    const all = scratch.subarray(0, n).sort();
    let d = start;
    this.ids[d] = all[0]!;
    this.tf[d] = 1;
    for (let k = 1; k < n; k++) {
      if (all[k] === all[k - 1]) this.tf[d]!++;
      else {
        this.ids[++d] = all[k]!;
        this.tf[d] = 1;
      }
    }
    this.size = d + 1;
    return start;
  }
}

/**
 * Prepare a batch of texts (one per record, null for missing): segmentation, document
 * frequencies over the batch, smoothed IDF log((1+N)/(1+df)) + 1, L2 normalisation.
 * Returns null for a missing or token-less text. Records with the same text share one
 * (read-only) features object; each distinct text and each clause is segmented once. The
 * `ids` and `weights` of one batch are views of two shared buffers (no allocation per text).
 */
export function prepareTexts(values: readonly unknown[]): (TextFeatures | null)[] {
  resetWhenLarge();
  const distinct = new Map<string, number>();
  const texts: string[] = [];
  const starts: number[] = [];
  const pool = new TermPool();
  const docOf = new Int32Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v == null) continue;
    const text = String(v);
    let d = distinct.get(text);
    if (d === undefined) {
      d = texts.length;
      distinct.set(text, d);
      texts.push(text);
      starts.push(text.trim() === '' ? pool.size : pool.add(text));
    }
    docOf[i] = d;
  }
  starts.push(pool.size);
  const uses = new Int32Array(texts.length);
  for (let i = 0; i < docOf.length; i++) if (docOf[i]! >= 0) uses[docOf[i]!]!++;
  const df = new Int32Array(tokenText.length);
  for (let d = 0; d < texts.length; d++) for (let k = starts[d]!; k < starts[d + 1]!; k++) df[pool.ids[k]!]! += uses[d]!;
  const n = values.length;
  const ids = pool.ids.slice(0, pool.size);
  const weights = new Float64Array(pool.size);
  const features: (TextFeatures | null)[] = texts.map((text, d) => {
    const a = starts[d]!;
    const b = starts[d + 1]!;
    if (a === b) return null;
    let norm = 0;
    for (let k = a; k < b; k++) {
      const w = pool.tf[k]! * (Math.log((1 + n) / (1 + df[ids[k]!]!)) + 1);
      weights[k] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (let k = a; k < b; k++) weights[k]! /= norm;
    return { text, ids: ids.subarray(a, b), weights: weights.subarray(a, b) };
  });
  const out: (TextFeatures | null)[] = new Array(values.length);
  for (let i = 0; i < docOf.length; i++) out[i] = docOf[i]! >= 0 ? features[docOf[i]!]! : null;
  return out;
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
