/**
 * Error codes of the graph engine (src/engines/graph). Registered once in the platform
 * registry (src/core/errors.ts); codes are never reused or renamed.
 */
import { defineErrors } from '../../core/errors.ts';

/** The graph engine's codes: `GraphErrors.GRAPH_NODE_NOT_FOUND === 'GRAPH_NODE_NOT_FOUND'`, etc. */
export const GraphErrors = defineErrors('graph', {
  GRAPH_NODE_NOT_FOUND: { status: 404, zh: '图中没有节点：{id}', en: 'no node {id} in the graph' },
  GRAPH_EDGE_NOT_FOUND: { status: 404, zh: '图中没有边：{id}', en: 'no edge {id} in the graph' },
  GRAPH_BUILDER_SEALED: { status: 409, zh: '图已生成，构建器不能再添加节点或边', en: 'the graph was already built; the builder accepts no more nodes or edges' },
  GRAPH_TOO_MANY_KINDS: { status: 422, zh: '边类型超过 {max} 种', en: 'more than {max} edge kinds' },
  GRAPH_INVALID_WEIGHT: { status: 422, zh: '边权重无效：{value}（应为非负有限数）', en: 'invalid edge weight {value} (must be a finite number ≥ 0)' },
  GRAPH_INVALID_TIME: { status: 422, zh: '时间无效：{value}（应为 1970—2106 年之间的 Unix 秒）', en: 'invalid time {value} (must be Unix seconds between 1970 and 2106)' },
  GRAPH_INVALID_EVIDENCE: { status: 422, zh: '证据行号无效：{value}（应为 0—4294967295 的整数）', en: 'invalid evidence row id {value} (must be an integer 0..4294967295)' },
  GRAPH_INVALID_OPTION: { status: 400, zh: '图查询参数无效：{name} = {value}', en: 'invalid graph query option {name} = {value}' },
  GRAPH_EDGE_LIST_LINE: { status: 422, zh: '边表第 {line} 行无法解析：{text}', en: 'edge list line {line} cannot be parsed: {text}' },
  GRAPH_ROLES_CONFIG: { status: 422, zh: '角色规则配置无效：{reason}', en: 'invalid roles configuration: {reason}' },
});
