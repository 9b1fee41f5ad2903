import { describe, expect, it } from 'vitest';
import { parseBostonTime } from './bostonData.ts';
import { describeRuleTable, learnRoutingRules, routeCase, type CaseField } from './ruleLearner.ts';

interface Row { id: number; category: string; division: string; channel: string; body: string }
const fields: CaseField<Row>[] = [
  { name: 'category', get: (r) => r.category },
  { name: 'division', get: (r) => r.division },
  { name: 'channel', get: (r) => r.channel },
  { name: 'body', get: (r) => r.body },
];
const f = (name: string) => fields.find((x) => x.name === name)!;

// 医疗纠纷 goes to the medical mediation committee whatever the place; 邻里纠纷 goes to the
// committee of its division; the channel carries no signal. One 邻里 case in division 430105
// is a one-off (support 1) and must fall back to the category rule.
function rows(): Row[] {
  const out: Row[] = [];
  let id = 0;
  for (let i = 0; i < 40; i++) out.push({ id: id++, category: '医疗纠纷', division: ['430102', '430103'][i % 2]!, channel: ['hotline', 'web'][i % 3 === 0 ? 0 : 1]!, body: 'medical-committee' });
  for (let i = 0; i < 60; i++) {
    const division = ['430102', '430103', '430104'][i % 3]!;
    out.push({ id: id++, category: '邻里纠纷', division, channel: ['hotline', 'web'][i % 2]!, body: `committee-${division}` });
  }
  out.push({ id: id++, category: '邻里纠纷', division: '430105', channel: 'web', body: 'committee-430105' });
  return out;
}

describe('routing rule learner', () => {
  const table = learnRoutingRules(rows(), { target: f('body'), base: f('category'), candidates: [f('channel'), f('division')], foldOf: (r) => r.id % 2, minSupport: 2 });

  it('refines a category by the field that predicts where cases went, and only where it helps', () => {
    expect(table.refinement).toEqual({ 医疗纠纷: { field: null, cvAccuracy: 1 }, 邻里纠纷: { field: 'division', cvAccuracy: 60 / 61 } });
    expect(table.rules).toEqual([
      { when: { category: '邻里纠纷', division: '430102' }, then: 'committee-430102', support: 20, confidence: 1 },
      { when: { category: '邻里纠纷', division: '430103' }, then: 'committee-430103', support: 20, confidence: 1 },
      { when: { category: '邻里纠纷', division: '430104' }, then: 'committee-430104', support: 20, confidence: 1 },
    ]);
    expect(table.fallbacks.find((r) => r.when.category === '医疗纠纷')).toEqual({ when: { category: '医疗纠纷' }, then: 'medical-committee', support: 40, confidence: 1 });
  });

  it('routes with the specific rule, then the category rule, then the majority, and says which', () => {
    const specific = routeCase(table, fields, { id: 0, category: '邻里纠纷', division: '430104', channel: 'web', body: '' });
    expect(specific).toMatchObject({ value: 'committee-430104', level: 'specific', reason: 'category=邻里纠纷 ∧ division=430104 → committee-430104 (support 20, confidence 100%)' });
    const thin = routeCase(table, fields, { id: 0, category: '邻里纠纷', division: '430105', channel: 'web', body: '' });
    expect(thin.level).toBe('base');
    expect(thin.rule.support).toBe(61);
    const unknown = routeCase(table, fields, { id: 0, category: '劳动争议', division: '430102', channel: 'web', body: '' });
    expect(unknown).toMatchObject({ value: 'medical-committee', level: 'default' });
    expect(describeRuleTable(table)[2]).toContain('refined by division');
  });
});

describe('Boston export times', () => {
  it('reads 12-hour local times of America/New_York across DST', () => {
    expect(parseBostonTime('01/05/2015 12:40:41 PM')!.toISOString()).toBe('2015-01-05T17:40:41.000Z');
    expect(parseBostonTime('01/05/2015 12:10:00 AM')!.toISOString()).toBe('2015-01-05T05:10:00.000Z');
    expect(parseBostonTime('07/04/2015 09:30:00 PM')!.toISOString()).toBe('2015-07-05T01:30:00.000Z');
    expect(parseBostonTime('03/08/2015 03:30:00 AM')!.toISOString()).toBe('2015-03-08T07:30:00.000Z');
    expect(parseBostonTime('2015-01-05 12:40')).toBeNull();
    expect(parseBostonTime('13/05/2015 12:40:41 PM')).toBeNull();
  });
});
