/**
 * Chinese word segmentation for every engine and app (screening, classification, clustering,
 * matching of free text): one jieba instance (@node-rs/jieba, the Rust port of jieba's
 * dictionary + HMM segmenter) with the default dictionary, loaded once on first use.
 * Apps add their own terms (prohibited items, place names) with `addWords`.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let instance: Jieba | undefined;

function jieba(): Jieba {
  instance ??= Jieba.withDict(dict);
  return instance;
}

/**
 * Add user words so they are kept whole (jieba user-dictionary lines: `word freq tag`).
 * Idempotent for the same words. Affects every later call in the process.
 */
export function addWords(words: Iterable<string>, frequency = 100_000): void {
  const lines: string[] = [];
  for (const w of words) {
    const t = w.trim();
    if (t && !/\s/.test(t)) lines.push(`${t} ${frequency} n`);
  }
  if (lines.length) jieba().loadDict(Buffer.from(lines.join('\n'), 'utf8'));
}

/**
 * Normalise text before segmentation: NFKC (full-width letters, digits and punctuation to
 * half-width, compatibility ideographs to their unified form), lower-case Latin, collapse
 * whitespace. Traditional characters are kept as they are (variant handling is the matcher's job).
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const TOKEN = /[\p{Script=Han}\p{L}\p{N}]/u;

/**
 * Segment text into words (jieba precise mode with HMM for unknown words), dropping
 * whitespace and punctuation tokens. Input is normalised with `normalizeText` first.
 * @returns tokens in order, e.g. '快递员收寄仿真枪' → ['快递员', '收寄', '仿真枪'] once 仿真枪 is a user word.
 */
export function segment(text: string): string[] {
  const out: string[] = [];
  for (const t of jieba().cut(normalizeText(text), true)) if (TOKEN.test(t)) out.push(t.trim());
  return out;
}
