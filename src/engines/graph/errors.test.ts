import { describe, expect, it } from 'vitest';
import { allErrors, AppError, issue } from '../../core/errors.ts';
import { GraphErrors } from './errors.ts';

describe('graph error codes', () => {
  const mine = allErrors().filter((e) => e.module === 'graph');

  it('declares every code once, GRAPH_ prefixed, with zh and en templates using the same placeholders', () => {
    expect(mine.map((e) => e.code).sort()).toEqual(Object.keys(GraphErrors).sort());
    const names = (t: string) => [...new Set([...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    for (const e of mine) {
      expect(e.code).toMatch(/^GRAPH_[A-Z0-9_]+$/);
      expect(/[\u4e00-\u9fff]/.test(e.zh)).toBe(true);
      expect([e.code, names(e.zh)]).toEqual([e.code, names(e.en)]);
    }
  });

  it('fills placeholders and maps to a status', () => {
    expect(issue(GraphErrors.GRAPH_NODE_NOT_FOUND, { id: 'p9' })).toMatchObject({ message: '图中没有节点：p9', messageEn: 'no node p9 in the graph' });
    expect(new AppError(GraphErrors.GRAPH_INVALID_OPTION, { name: 'hops', value: '-1' }).status).toBe(400);
    expect(new AppError(GraphErrors.GRAPH_BUILDER_SEALED).status).toBe(409);
  });
});
