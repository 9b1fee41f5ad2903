/**
 * Chinese stop words (data file `data/stopwords-zh.txt`, one word a line, `#` comments),
 * loaded once. Used to drop function words from word features and clustering shingles.
 */
import fs from 'node:fs';

let words: ReadonlySet<string> | undefined;

/** The stop-word set (read from the data file on first call). */
export function stopWords(): ReadonlySet<string> {
  words ??= new Set(
    fs.readFileSync(new URL('./data/stopwords-zh.txt', import.meta.url), 'utf8')
      .split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')),
  );
  return words;
}

/** Tokens without stop words and without tokens made only of digits/Latin of length 1. */
export function dropStopWords(tokens: readonly string[]): string[] {
  const stop = stopWords();
  return tokens.filter((t) => !stop.has(t) && !/^[0-9a-z]$/.test(t));
}
