/**
 * The tag-rule AST: frozen, plain-object nodes (after kysely's `operation-node/*`), built only
 * through the constructors below and walked by `visit` with a per-kind visitor. Condition nodes
 * (`and`, `or`, `not`, `compare`, `in`, `truthy`) yield three-valued booleans; value nodes
 * (`fact`, `field`, `person`, `literal`, `aggregate`) yield a value or "missing".
 */

/** A position in the rule source: 1-based line and column, 0-based offset. */
export interface Pos {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type AggregateFn = 'count' | 'distinctCount' | 'sum' | 'min' | 'max';
export type Scalar = string | number | boolean;

export interface AndNode { readonly kind: 'and'; readonly items: readonly ConditionNode[]; readonly pos: Pos }
export interface OrNode { readonly kind: 'or'; readonly items: readonly ConditionNode[]; readonly pos: Pos }
export interface NotNode { readonly kind: 'not'; readonly item: ConditionNode; readonly pos: Pos }
export interface CompareNode { readonly kind: 'compare'; readonly op: CompareOp; readonly left: ValueNode; readonly right: ValueNode; readonly pos: Pos; readonly text: string }
export interface InNode { readonly kind: 'in'; readonly negated: boolean; readonly left: ValueNode; readonly list: ListNode; readonly pos: Pos; readonly text: string }
/** A bare boolean fact or field used as a condition (`flagged`). */
export interface TruthyNode { readonly kind: 'truthy'; readonly value: ValueNode; readonly pos: Pos; readonly text: string }

/** A person-level fact (`householdSize`) or a run-context value (`case.divisionCode`). */
export interface FactNode { readonly kind: 'fact'; readonly path: readonly string[]; readonly pos: Pos }
/** A field of the record inside an aggregate filter (`flagged`, `receiverProvince`). */
export interface FieldNode { readonly kind: 'field'; readonly name: string; readonly pos: Pos }
/** The subject's key inside an aggregate filter (`sender = person`). */
export interface PersonNode { readonly kind: 'person'; readonly pos: Pos }
export interface LiteralNode { readonly kind: 'literal'; readonly value: Scalar | null; readonly pos: Pos }
export interface AggregateNode {
  readonly kind: 'aggregate';
  readonly fn: AggregateFn;
  readonly recordKind: string;
  /** The aggregated field (`parcels.receiverProvince`); absent for `count(parcels …)`. */
  readonly field: string | undefined;
  readonly filter: ConditionNode | undefined;
  /** Window length in milliseconds before the run's `asOf`; absent = all time. */
  readonly withinMs: number | undefined;
  readonly pos: Pos;
  readonly text: string;
}

export interface ListLiteralNode { readonly kind: 'listLiteral'; readonly values: readonly Scalar[]; readonly pos: Pos }
/** A named list supplied by the run context (`grid.allowedDivisions`). */
export interface ListRefNode { readonly kind: 'listRef'; readonly path: readonly string[]; readonly pos: Pos }

export type ConditionNode = AndNode | OrNode | NotNode | CompareNode | InNode | TruthyNode;
export type ValueNode = FactNode | FieldNode | PersonNode | LiteralNode | AggregateNode;
export type ListNode = ListLiteralNode | ListRefNode;
export type RuleNode = ConditionNode | ValueNode | ListNode;

type Build<N> = Omit<N, 'kind'>;
const freeze = <N extends RuleNode>(n: N): N => Object.freeze(n);

/** Frozen node constructors: the only way nodes are made. Arrays inside nodes are frozen too. */
export const Node = Object.freeze({
  and: (b: Build<AndNode>): AndNode => freeze({ kind: 'and', ...b, items: Object.freeze([...b.items]) }),
  or: (b: Build<OrNode>): OrNode => freeze({ kind: 'or', ...b, items: Object.freeze([...b.items]) }),
  not: (b: Build<NotNode>): NotNode => freeze({ kind: 'not', ...b }),
  compare: (b: Build<CompareNode>): CompareNode => freeze({ kind: 'compare', ...b }),
  in: (b: Build<InNode>): InNode => freeze({ kind: 'in', ...b }),
  truthy: (b: Build<TruthyNode>): TruthyNode => freeze({ kind: 'truthy', ...b }),
  fact: (b: Build<FactNode>): FactNode => freeze({ kind: 'fact', ...b, path: Object.freeze([...b.path]) }),
  field: (b: Build<FieldNode>): FieldNode => freeze({ kind: 'field', ...b }),
  person: (b: Build<PersonNode>): PersonNode => freeze({ kind: 'person', ...b }),
  literal: (b: Build<LiteralNode>): LiteralNode => freeze({ kind: 'literal', ...b }),
  aggregate: (b: Build<AggregateNode>): AggregateNode => freeze({ kind: 'aggregate', ...b }),
  listLiteral: (b: Build<ListLiteralNode>): ListLiteralNode => freeze({ kind: 'listLiteral', ...b, values: Object.freeze([...b.values]) }),
  listRef: (b: Build<ListRefNode>): ListRefNode => freeze({ kind: 'listRef', ...b, path: Object.freeze([...b.path]) }),
});

/** One method per node kind; `visit` dispatches to it (kysely's OperationNodeVisitor habit). */
export type Visitor<R> = { readonly [K in RuleNode['kind']]: (node: Extract<RuleNode, { kind: K }>) => R };

/** Dispatch `node` to the visitor method for its kind. */
export function visit<R>(node: RuleNode, visitor: Visitor<R>): R {
  return (visitor[node.kind] as (n: RuleNode) => R)(node);
}

/**
 * Every node under `root` (pre-order, root first), e.g. to collect aggregates or missing facts.
 * Aggregate filters are included.
 */
export function descendants(root: RuleNode): RuleNode[] {
  const out: RuleNode[] = [];
  const walk = (n: RuleNode | undefined): void => {
    if (!n) return;
    out.push(n);
    switch (n.kind) {
      case 'and': case 'or': n.items.forEach(walk); break;
      case 'not': walk(n.item); break;
      case 'compare': walk(n.left); walk(n.right); break;
      case 'in': walk(n.left); walk(n.list); break;
      case 'truthy': walk(n.value); break;
      case 'aggregate': walk(n.filter); break;
      default: break;
    }
  };
  walk(root);
  return out;
}

/** The leaf conditions of a rule outside aggregate filters, in source order: what `explain` reports on. */
export function leafConditions(root: ConditionNode): Array<CompareNode | InNode | TruthyNode> {
  const out: Array<CompareNode | InNode | TruthyNode> = [];
  const walk = (n: ConditionNode): void => {
    if (n.kind === 'and' || n.kind === 'or') n.items.forEach(walk);
    else if (n.kind === 'not') walk(n.item);
    else out.push(n);
  };
  walk(root);
  return out;
}

/** The aggregates of a rule outside other aggregates' filters, in source order (SQL column order). */
export function aggregatesOf(root: ConditionNode): AggregateNode[] {
  return descendants(root).filter((n): n is AggregateNode => n.kind === 'aggregate');
}
