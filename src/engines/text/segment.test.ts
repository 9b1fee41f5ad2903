import { describe, expect, it } from 'vitest';
import { addWords, normalizeText, segment } from './segment.ts';

describe('segment', () => {
  it('segments Chinese text and drops punctuation', () => {
    expect(segment('我来到北京清华大学。')).toEqual(['我', '来到', '北京', '清华大学']);
  });
  it('normalises full-width characters before cutting', () => {
    expect(normalizeText('ＡＢＣ１２３　测试')).toBe('abc123 测试');
    expect(segment('ＩＰｈｏｎｅ１５手机壳')).toEqual(['iphone15', '手机', '壳']);
  });
  it('keeps user words whole after addWords', () => {
    const before = segment('寄一把仿真枪配件');
    addWords(['仿真枪']);
    const after = segment('寄一把仿真枪配件');
    expect(after).toContain('仿真枪');
    expect(before.join('')).toBe(after.join(''));
  });
});
