/**
 * Prohibited-item screening of item descriptions (禁寄物品 验视辅助).
 *
 * The term list is data (prohibited-items.yaml, categories of the 《禁止寄递物品指导目录》,
 * 2016). A description is normalised (NFKC, lower case), pre-filtered with one alternation of
 * every term (most descriptions contain none and stop there), then segmented with jieba
 * (@node-rs/jieba, default dictionary plus the terms and the exclusion words as user words,
 * loaded once). A token equal to a term is a hit; a token that is an exclusion word (a "false
 * friend" such as 手枪钻, a power drill) is never a hit; a longer token that contains a term
 * and is not an exclusion word is a hit too (jieba's HMM may fuse unknown neighbours).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import YAML from 'yaml';

/** One matched term and its category key (e.g. { term: '仿真枪', category: 'firearms' }). */
export interface ScreeningHit {
  readonly term: string;
  readonly category: string;
}

/** A category of the term list with its display names. */
export interface ProhibitedCategory {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly terms: readonly string[];
}

interface TermFile {
  version: number;
  categories: Record<string, { zh: string; en: string; terms: string[] }>;
  exclusions: string[];
}

interface Screener {
  readonly categories: readonly ProhibitedCategory[];
  readonly termCategory: ReadonlyMap<string, string>;
  readonly exclusions: ReadonlySet<string>;
  readonly prefilter: RegExp;
  readonly jieba: Jieba;
  readonly cache: Map<string, readonly ScreeningHit[]>;
}

const CACHE_MAX = 50_000;
let screener: Screener | undefined;

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function build(): Screener {
  const file = YAML.parse(fs.readFileSync(new URL('./prohibited-items.yaml', import.meta.url), 'utf8')) as TermFile;
  const termCategory = new Map<string, string>();
  const categories: ProhibitedCategory[] = [];
  for (const [key, c] of Object.entries(file.categories)) {
    categories.push(Object.freeze({ key, zh: c.zh, en: c.en, terms: Object.freeze(c.terms.map(String)) }));
    for (const t of c.terms) termCategory.set(normalise(String(t)), key);
  }
  const exclusions = new Set(file.exclusions.map((w) => normalise(String(w))));
  const words = [...termCategory.keys()].sort((a, b) => b.length - a.length);
  const prefilter = new RegExp(words.map(escape).join('|'));
  const require = createRequire(import.meta.url);
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  const jieba = Jieba.withDict(dict);
  const user = [...termCategory.keys(), ...exclusions].map((w) => `${w} ${200_000 + w.length * 10_000} n`).join('\n');
  jieba.loadDict(Buffer.from(user + '\n', 'utf8'));
  return { categories: Object.freeze(categories), termCategory, exclusions, prefilter, jieba, cache: new Map() };
}

function get(): Screener {
  return (screener ??= build());
}

/** The categories and terms of the list (for the API's meta and the dashboard legend). */
export function prohibitedCategories(): readonly ProhibitedCategory[] {
  return get().categories;
}

/**
 * Screen one item description. Returns the hits in text order without duplicates (empty when
 * nothing matches). Pure and cached per description (up to 50,000 distinct descriptions).
 * @example screenItem('玩具枪配件') → [{ term: '玩具枪', category: 'firearms' }]
 * @example screenItem('博世手枪钻 12V') → []
 */
export function screenItem(description: string): readonly ScreeningHit[] {
  const s = get();
  const cached = s.cache.get(description);
  if (cached) return cached;
  const text = normalise(description);
  let hits: readonly ScreeningHit[] = [];
  if (s.prefilter.test(text)) {
    const found: ScreeningHit[] = [];
    const seen = new Set<string>();
    for (const token of s.jieba.cut(text, true)) {
      if (s.exclusions.has(token)) continue;
      let term: string | undefined = s.termCategory.has(token) ? token : undefined;
      if (!term && token.length > 1) {
        const m = s.prefilter.exec(token);
        if (m) term = m[0];
      }
      if (term && !seen.has(term)) {
        seen.add(term);
        found.push(Object.freeze({ term, category: s.termCategory.get(term)! }));
      }
    }
    hits = Object.freeze(found);
  }
  if (s.cache.size >= CACHE_MAX) s.cache.clear();
  s.cache.set(description, hits);
  return hits;
}
