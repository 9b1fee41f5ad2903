import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { graphFromEdgeList } from './edgeList.ts';

describe('edge lists', () => {
  it('reads SNAP text with comments and a count header, merging both directions of undirected lines', () => {
    const g = graphFromEdgeList('# comment\n3\t4\n1\t2\n2\t1\n2\t3\n\n% another comment\n3\t3\n', { header: 'count' });
    expect(g.nodeCount).toBe(3);
    expect(g.edgeCount).toBe(3);
    const e = g.edge(0);
    expect([e.sourceId, e.targetId, e.weight, e.directed]).toEqual(['1', '2', 2, false]);
    expect(e.evidence).toEqual([3, 4]); // 1-based line numbers
  });

  it('reads CSV with a header naming the weight column, and directed lists', () => {
    const g = graphFromEdgeList('target,source,weight\r\nEvelyn Jefferson,E1,2.5\r\nE1,Evelyn Jefferson,1\r\n', { header: 'names', directed: true, kind: 'attends' });
    expect(g.edgeCount).toBe(2);
    expect(g.edge(0)).toMatchObject({ sourceId: 'Evelyn Jefferson', targetId: 'E1', weight: 2.5, kind: 'attends', directed: true });
  });

  it('splits on runs of spaces when there is no comma or tab', () => {
    const g = graphFromEdgeList('a   b\n  b c  \n');
    expect(g.edgeCount).toBe(2);
    expect(g.require('c')).toBe(2);
  });

  it('names the line that cannot be read', () => {
    const bad = (text: string, o = {}) => { try { graphFromEdgeList(text, o); return null; } catch (e) { return [(e as AppError).code, (e as AppError).issue.params?.line]; } };
    expect(bad('a,b\nlonely\n')).toEqual(['GRAPH_EDGE_LIST_LINE', 2]);
    expect(bad('s,t,weight\na,b,heavy\n', { header: 'names' })).toEqual(['GRAPH_EDGE_LIST_LINE', 2]);
    expect(bad('a,b,-1\n', { weightColumn: 2 })).toEqual(['GRAPH_EDGE_LIST_LINE', 1]);
  });
});
