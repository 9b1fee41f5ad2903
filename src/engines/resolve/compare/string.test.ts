import { describe, expect, it } from 'vitest';
import { jaro, jaroWinkler, levenshtein, levenshteinSimilarity, soundex } from './string.ts';

describe('string similarity against published values', () => {
  it('Levenshtein: kitten/sitting is 3, and edge cases', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('sitting', 'kitten')).toBe(3);
    expect(levenshtein('flaw', 'lawn')).toBe(2);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('abc', 'abc')).toBe(0);
    expect(levenshtein('欧阳明月', '欧阳名月')).toBe(1);
    expect(levenshtein('kitten', 'sitting', 1)).toBe(2);
    expect(levenshteinSimilarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7, 10);
  });

  it('Jaro–Winkler: MARTHA/MARHTA 0.9611, DIXON/DICKSONX 0.8133, DWAYNE/DUANE 0.84', () => {
    expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo(0.9444, 4);
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 4);
    expect(jaro('DIXON', 'DICKSONX')).toBeCloseTo(0.7667, 4);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 4);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', '')).toBe(1);
    expect(jaroWinkler('', 'a')).toBe(0);
  });

  it('Soundex: National Archives examples', () => {
    expect(soundex('Robert')).toBe('R163');
    expect(soundex('Rupert')).toBe('R163');
    expect(soundex('Tymczak')).toBe('T522');
    expect(soundex('Pfister')).toBe('P236');
    expect(soundex('Ashcraft')).toBe('A261');
    expect(soundex('Honeyman')).toBe('H555');
    expect(soundex('Lee')).toBe('L000');
    expect(soundex('123')).toBe('');
  });
});

describe('withinOneEdit agrees with Levenshtein ≤ 1', () => {
  it('on edge cases and on every pair of a small word list', async () => {
    const { withinOneEdit } = await import('./string.ts');
    const words = ['', 'a', 'ab', 'ba', 'abc', 'abd', 'acb', 'abcd', 'xabc', 'abxc', 'shanzhiqiang', 'shanzhiqian', 'wangzhiqiang', 'hanzhiqiang', 'shanzhiqiangg'];
    for (const a of words) for (const b of words) expect(withinOneEdit(a, b), `${a}/${b}`).toBe(levenshtein(a, b) <= 1);
  });
});
