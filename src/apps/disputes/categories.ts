/**
 * The category tree of appeals: the 3-level taxonomy of `appeals/taxonomy.csv` (15 / 118 / 517,
 * read from the shared data folder) plus a `矛盾纠纷` branch with the dispute types of issue 5.
 * A category id is its path of names joined by '/', e.g. '城乡建设/安全生产/事故处理' or
 * '矛盾纠纷/医疗纠纷'. Each node carries its routing key (the service category orgs take:
 * a dispute type, `legal_consultation` or `general`) and its SLA (slaPolicy.ts).
 */
import { loadTaxonomy } from './classifier/data.ts';
import { DISPUTE_TYPES, type DisputeType } from './disputeTypes.ts';
import { slaFor, type SlaPolicy } from './slaPolicy.ts';

/** The branch that holds the dispute types. */
export const DISPUTE_BRANCH = '矛盾纠纷';
/** The category of legal consultations (legal service stations). */
export const CONSULTATION_CATEGORY = '法律服务/法律咨询';

export interface CategoryNode {
  readonly id: string;
  readonly name: string;
  readonly level: 1 | 2 | 3;
  readonly parent: string | null;
  /** The dispute type when the node is in the 矛盾纠纷 branch. */
  readonly disputeType: DisputeType | null;
  /** Service category used for routing: a dispute type, 'legal_consultation' or 'general'. */
  readonly routingKey: string;
  readonly sla: SlaPolicy;
  readonly label: { readonly zh: string; readonly en: string };
}

export interface CategoryTree {
  readonly nodes: ReadonlyMap<string, CategoryNode>;
  /** Level-1 ids in taxonomy order, the dispute branch and 法律服务 last. */
  readonly roots: readonly string[];
  children(id: string): CategoryNode[];
}

const cache = new Map<string, CategoryTree>();

/**
 * Build (once per data folder) the tree from taxonomy.csv plus the dispute types.
 * @throws the reader's error when taxonomy.csv cannot be read.
 */
export function categoryTree(dataDir?: string): CategoryTree {
  const key = dataDir ?? '';
  const hit = cache.get(key);
  if (hit) return hit;
  const nodes = new Map<string, CategoryNode>();
  const roots: string[] = [];
  const add = (id: string, name: string, level: 1 | 2 | 3, parent: string | null, disputeType: DisputeType | null, routingKey: string, en: string) => {
    if (nodes.has(id)) return;
    nodes.set(id, { id, name, level, parent, disputeType, routingKey, sla: slaFor(routingKey), label: { zh: name, en } });
    if (level === 1) roots.push(id);
  };
  for (const r of loadTaxonomy(dataDir)) {
    add(r.level1, r.level1, 1, null, null, 'general', r.level1);
    add(`${r.level1}/${r.level2}`, r.level2, 2, r.level1, null, 'general', r.level2);
    add(`${r.level1}/${r.level2}/${r.level3}`, r.level3, 3, `${r.level1}/${r.level2}`, null, 'general', r.level3);
  }
  add(DISPUTE_BRANCH, DISPUTE_BRANCH, 1, null, null, 'general', 'disputes');
  for (const t of DISPUTE_TYPES) add(`${DISPUTE_BRANCH}/${t.zh}`, t.zh, 2, DISPUTE_BRANCH, t.key, t.key, t.en);
  add('法律服务', '法律服务', 1, null, null, 'legal_consultation', 'legal services');
  add(CONSULTATION_CATEGORY, '法律咨询', 2, '法律服务', null, 'legal_consultation', 'legal consultation');
  const byParent = new Map<string, CategoryNode[]>();
  for (const n of nodes.values()) if (n.parent) byParent.set(n.parent, [...(byParent.get(n.parent) ?? []), n]);
  const tree: CategoryTree = { nodes, roots, children: (id) => byParent.get(id) ?? [] };
  cache.set(key, tree);
  return tree;
}

/** The category id of a dispute type, e.g. 'medical' → '矛盾纠纷/医疗纠纷'. */
export function disputeCategory(type: DisputeType): string {
  return `${DISPUTE_BRANCH}/${DISPUTE_TYPES.find((t) => t.key === type)!.zh}`;
}

/** The level-1 ancestor id of a category id. */
export function level1Of(id: string): string {
  return id.split('/')[0]!;
}
