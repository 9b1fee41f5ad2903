import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { compareNames, nameLevel, prepareName } from './nameMatch.ts';
import { nameReadings, romanKey, surnameReadingsOf } from './pinyin.ts';
import { NAME_DOT, splitName } from './split.ts';
import { charsEquivalent, variantClass, variantEqual, variantKey } from './variants.ts';

describe('C08 variant equivalence, never one-way conversion', () => {
  it('錢乾坤 ~ 钱乾坤 and 余华 ~ 余華 are the same name', () => {
    expect(variantEqual('錢乾坤', '钱乾坤')).toBe(true);
    expect(variantEqual('余华', '余華')).toBe(true);
    expect(nameLevel('錢乾坤', '钱乾坤')).toBe('variant');
    expect(nameLevel('余华', '余華')).toBe('variant');
  });

  it('乾 is not forced to 干, and 余 is not forced to 餘', () => {
    const t2s = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const s2t = OpenCC.Converter({ from: 'cn', to: 'tw' });
    // What a one-way conversion does, and why it is not used:
    expect(t2s('乾')).toBe('干');
    expect(s2t('余华')).toBe('餘華');
    // Variant equivalence keeps each character equal to itself and to its true variants only.
    expect(charsEquivalent('乾', '干')).toBe(false);
    expect(variantClass('乾')).toEqual(['乾']);
    expect(variantKey('錢乾坤')).toContain('乾');
    expect(variantKey('錢乾坤')).not.toContain('干');
    expect(charsEquivalent('干', '幹')).toBe(true);
    expect(charsEquivalent('余', '餘')).toBe(true);
    expect(charsEquivalent('余', '余')).toBe(true);
    expect(variantEqual('乾坤', '干坤')).toBe(false);
    expect(nameLevel('錢乾坤', '钱干坤')).not.toBe('variant');
  });
});

describe('C09 polyphonic surnames read as surnames first', () => {
  it('单志强 ~ Shan Zhiqiang and 仇明 ~ Qiu Ming', () => {
    expect(nameLevel('单志强', 'Shan Zhiqiang')).toBe('pinyin');
    expect(nameLevel('仇明', 'Qiu Ming')).toBe('pinyin');
  });

  it('surname reading first, other readings kept as candidates', () => {
    expect(surnameReadingsOf('单')).toEqual(['shan', 'dan', 'chan']);
    expect(surnameReadingsOf('仇')[0]).toBe('qiu');
    expect(surnameReadingsOf('仇')).toContain('chou');
    for (const [s, r] of [['曾', 'zeng'], ['解', 'xie'], ['区', 'ou'], ['朴', 'piao'], ['查', 'zha'], ['乐', 'yue'], ['尉迟', 'yuchi']] as const) {
      expect(surnameReadingsOf(s)[0]).toBe(r);
    }
    expect(nameReadings(splitName('单志强')).keys[0]).toBe('shanzhiqiang');
    expect(nameLevel('单志强', 'Dan Zhiqiang')).toBe('pinyin');
  });

  it('romanised names in either order, with or without spaces, hyphens or tones', () => {
    for (const r of ['Zhiqiang Shan', 'SHAN ZHI-QIANG', 'Shàn Zhìqiáng', 'shan4 zhi4 qiang2', 'Zhi-Qiang Shan', 'shanzhiqiang']) {
      expect(nameLevel('单志强', r), r).toBe('pinyin');
    }
    expect(romanKey('Lǚ')).toBe('lu');
    expect(nameLevel('单志强', 'Wang Zhiqiang')).toBe('different');
    expect(nameLevel('单志强', 'Shan Zhiqian')).toBe('similar');
  });
});

describe('C10 compound surnames and dotted names', () => {
  it('欧阳明月 → 欧阳 + 明月; 司马文 → 司马 + 文', () => {
    expect(splitName('欧阳明月')).toMatchObject({ surname: '欧阳', given: '明月', compoundSurname: true });
    expect(splitName('司马文')).toMatchObject({ surname: '司马', given: '文', compoundSurname: true });
    expect(splitName('歐陽明月')).toMatchObject({ surname: '歐陽', given: '明月' });
    expect(splitName('王小明')).toMatchObject({ surname: '王', given: '小明', compoundSurname: false });
    expect(splitName('欧阳')).toMatchObject({ surname: '欧', given: '阳' });
  });

  it('the four dotted spellings normalise to U+00B7, match each other, and are not split', () => {
    const spellings = ['阿依古丽·买买提', '阿依古丽•买买提', '阿依古丽・买买提', '阿依古丽．买买提'];
    for (const s of spellings) {
      const n = splitName(s);
      expect(n.normalized).toBe(`阿依古丽${NAME_DOT}买买提`);
      expect(n.normalized.codePointAt(4)).toBe(0x00b7);
      expect(n.dotted).toBe(true);
      expect(n.surname).toBeNull();
      expect(n.parts).toEqual(['阿依古丽', '买买提']);
    }
    for (const a of spellings) for (const b of spellings) expect(nameLevel(a, b)).toBe('exact');
    expect(nameLevel('阿依古丽·买买提', 'Ayiguli Maimaiti')).toBe('pinyin');
  });
});

describe('name features', () => {
  it('prepares once and compares levels in order', () => {
    const a = prepareName('张伟')!;
    expect(compareNames(a, prepareName('張偉')!)).toBe(1);
    expect(compareNames(a, prepareName('章伟')!)).toBe(2);
    expect(prepareName('  ')).toBeNull();
    expect(prepareName(null)).toBeNull();
  });
});
