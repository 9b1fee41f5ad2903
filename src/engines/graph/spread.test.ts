import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { GraphBuilder } from './builder.ts';
import { activityByDay, spreadBy } from './spread.ts';

// 2026-11-10T15:59:59Z is 23:59:59 on 11-10 in Beijing; one second later it is 11-11 there.
const BEFORE_MIDNIGHT_CST = Date.UTC(2026, 10, 10, 15, 59, 59) / 1000;
const AFTER_MIDNIGHT_CST = BEFORE_MIDNIGHT_CST + 1;

describe('spreadBy', () => {
  const b = new GraphBuilder();
  b.addNode('s', { province: '浙江省' });
  b.addNode('r1', { province: '广东省' });
  b.addNode('r2', { province: '广东省' });
  b.addNode('r3', { province: '四川省' });
  b.addNode('r4');
  for (const r of ['r1', 'r2', 'r3', 'r4']) b.addEdge('s', r, { kind: 'parcel' });
  const g = b.build();

  it('counts nodes per province, most frequent first, and reports missing values', () => {
    expect(spreadBy(g, 'province')).toEqual({
      attribute: 'province', total: 5, missing: 1,
      values: [{ value: '广东省', nodes: 2 }, { value: '四川省', nodes: 1 }, { value: '浙江省', nodes: 1 }],
    });
    const sub = spreadBy(g, 'province', [g.require('r1'), g.require('r3')]);
    expect(sub.values).toEqual([{ value: '四川省', nodes: 1 }, { value: '广东省', nodes: 1 }]);
    expect(spreadBy(g, 'city').missing).toBe(5);
  });
});

describe('activityByDay', () => {
  const b = new GraphBuilder();
  b.addEdge('a', 'b', { kind: 'parcel', time: BEFORE_MIDNIGHT_CST, evidence: 1 });
  b.addEdge('a', 'b', { kind: 'parcel', time: AFTER_MIDNIGHT_CST, evidence: 2 });
  b.addEdge('a', 'b', { kind: 'parcel', time: AFTER_MIDNIGHT_CST + 3600, evidence: [3, 4] });
  b.addEdge('a', 'c', { kind: 'parcel', time: AFTER_MIDNIGHT_CST + 7200, evidence: 5 });
  b.addEdge('c', 'd', { kind: 'parcel', weight: 6, time: BEFORE_MIDNIGHT_CST - 86_400 });
  b.addEdge('d', 'e', { kind: 'shared_phone', directed: false, evidence: 6 });
  const g = b.build();

  it('counts source records per Beijing day and distinct edges active that day', () => {
    expect(activityByDay(g)).toEqual([
      { day: '2026-11-09', records: 6, edges: 1 },
      { day: '2026-11-10', records: 1, edges: 1 },
      { day: '2026-11-11', records: 4, edges: 2 },
    ]);
  });

  it('uses the given UTC offset and edge subset', () => {
    expect(activityByDay(g, [0], { utcOffsetMinutes: 0 })).toEqual([{ day: '2026-11-10', records: 4, edges: 1 }]);
    expect(() => activityByDay(g, [0], { utcOffsetMinutes: 24 * 60 })).toThrow(AppError);
    expect(() => activityByDay(g, [99])).toThrow(AppError);
  });
});
