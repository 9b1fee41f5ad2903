import { describe, expect, it } from 'vitest';
import { previousAppealCounts, riskScore } from './risk.ts';

describe('riskScore', () => {
  it('scores a plain complaint low with no reasons', () => {
    expect(riskScore({ text: '小区门口路灯坏了，请尽快维修。' })).toEqual({ score: 0, level: 'low', reasons: [] });
  });
  it('adds self-harm, collective and protest points with the matched words', () => {
    const r = riskScore({ text: '拖欠我们38户工资两年，再不解决我们就集体去拉横幅，有人说要跳楼', previousAppeals: 0 });
    expect(r.reasons.map((x) => [x.code, x.points, x.evidence])).toEqual([
      ['SELF_HARM', 45, '跳楼'],
      ['COLLECTIVE', 25, '集体'],
      ['PROTEST', 25, '拉横幅、横幅'],
      ['PARTIES', 15, '38'],
    ]);
    expect(r.score).toBe(100);
    expect(r.level).toBe('high');
  });
  it('counts repeat appeals and petitioning as medium', () => {
    const r = riskScore({ text: '第三次反映了，再不处理我只能上访', previousAppeals: 3 });
    expect(r.reasons.map((x) => x.code)).toEqual(['PETITION', 'REPEAT']);
    expect(r.score).toBe(40);
    expect(r.level).toBe('medium');
    expect(riskScore({ text: '业主们都很着急', previousAppeals: 1 }).score).toBe(15);
  });
  it('counts earlier appeals per user in order', () => {
    expect(previousAppealCounts(['a', 'b', 'a', 'a', 'b'])).toEqual([0, 0, 1, 2, 1]);
  });
});
