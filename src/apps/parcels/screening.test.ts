import { describe, expect, it } from 'vitest';
import { prohibitedCategories, screenItem } from './screening.ts';

describe('prohibited-item screening', () => {
  it.each([
    ['玩具枪配件', '玩具枪', 'firearms'],
    ['仿真手枪模型 金属', '仿真手枪', 'firearms'],
    ['进口手枪 二手', '手枪', 'firearms'],
    ['气枪 铅弹 一盒', '气枪', 'firearms'],
    ['枪管 配件 精品', '枪管', 'firearms'],
    ['8mm钢珠 500粒', '钢珠', 'ammunition'],
    ['户外管制刀具', '管制刀具', 'controlled_knives'],
    ['工业雷管', '雷管', 'explosives'],
    ['冰毒', '冰毒', 'narcotics'],
    ['大麻叶子 干货', '大麻', 'narcotics'],
    ['K粉', 'k粉', 'narcotics'],
  ])('flags %s with %s (%s)', (text, term, category) => {
    const hits = screenItem(text);
    expect(hits.map((h) => h.term)).toContain(term);
    expect(hits.find((h) => h.term === term)!.category).toBe(category);
  });

  it.each(['手枪钻', '博世手枪钻 12V 锂电', '热熔胶枪', '儿童水枪', '大麻籽油', '钢珠笔 黑色 12支', '女装连衣裙', '华为手机壳', '书籍 三体', '筋膜枪 按摩'])(
    'does not flag %s',
    (text) => {
      expect(screenItem(text)).toEqual([]);
    },
  );

  it('returns each term once, in text order, and caches by description', () => {
    const a = screenItem('气枪 配 钢珠 再配 气枪');
    expect(a.map((h) => h.term)).toEqual(['气枪', '钢珠']);
    expect(screenItem('气枪 配 钢珠 再配 气枪')).toBe(a);
  });

  it('loads the categories of the 指导目录 from the data file', () => {
    const keys = prohibitedCategories().map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(['firearms', 'ammunition', 'controlled_knives', 'explosives', 'flammables', 'toxic', 'narcotics', 'radioactive']));
    expect(prohibitedCategories().find((c) => c.key === 'firearms')!.terms).toContain('仿真枪');
  });
});
