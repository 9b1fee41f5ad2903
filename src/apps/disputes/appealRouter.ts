/**
 * Routing of an appeal to an org by category × division × capacity and current load (pure).
 * Rules (data below, `ROUTING_RULES`): each routing key lists the org kinds that take it, most
 * suitable first (a medical dispute goes to the medical professional mediation body before a
 * street committee; a family quarrel to the 和事佬 association first). An org is eligible when
 * it is active, lists the routing key among its categories, is of a listed kind and serves the
 * appeal's division (exact county, its prefecture or its province). Eligible orgs are ranked by
 * (1) free capacity (load < capacity) before full ones, (2) kind preference, (3) how closely the
 * served division fits (county before prefecture before province), (4) load ÷ capacity, (5) code.
 * The answer carries the reasons and the ranked candidates, so an operator sees why.
 */
import { coverageLevel } from '../orgs/validate.ts';
import type { Org, OrgKind } from '../orgs/types.ts';

/** Kinds that take each routing key, most suitable first. */
export const ROUTING_RULES: Readonly<Record<string, readonly OrgKind[]>> = {
  medical: ['professional_mediation_body', 'mediation_committee'],
  unpaid_wages: ['professional_mediation_body', 'legal_service_station', 'mediation_committee'],
  property_management: ['professional_mediation_body', 'mediation_committee'],
  online_finance: ['professional_mediation_body', 'court_mediation'],
  consumer: ['social_organisation', 'mediation_committee'],
  family_neighbour: ['heshilao_association', 'mediation_committee', 'legal_service_station'],
  land_requisition: ['mediation_committee'],
  general: ['mediation_committee', 'legal_service_station'],
  legal_consultation: ['legal_service_station', 'law_firm'],
};

/** An org with its current load (open cases: received, accepted, mediating). */
export interface OrgWithLoad {
  readonly org: Org;
  readonly load: number;
}

export interface RoutingReason {
  readonly code: 'CATEGORY' | 'DIVISION' | 'KIND' | 'CAPACITY' | 'OVER_CAPACITY' | 'LOAD';
  readonly zh: string;
  readonly en: string;
}

export interface RoutingCandidate {
  readonly orgCode: string;
  readonly name: string;
  readonly kind: OrgKind;
  readonly kindRank: number;
  readonly coverage: number;
  readonly load: number;
  readonly capacity: number;
  readonly free: boolean;
}

export interface RoutingDecision {
  readonly orgCode: string | null;
  readonly reasons: readonly RoutingReason[];
  /** Eligible orgs in rank order (at most 10). */
  readonly candidates: readonly RoutingCandidate[];
}

const COVERAGE = ['', '省级 province', '市级 prefecture', '县级 county'];

/**
 * Choose the org for an appeal.
 * @param appeal routing key (service category) and the 6-digit division code of the appeal
 * @param orgs the registry with each org's current load
 * @returns orgCode null when no org is eligible (reasons then say so)
 */
export function routeAppeal(appeal: { readonly routingKey: string; readonly divisionCode: string }, orgs: readonly OrgWithLoad[]): RoutingDecision {
  const kinds = ROUTING_RULES[appeal.routingKey] ?? ROUTING_RULES.general!;
  const candidates: RoutingCandidate[] = [];
  for (const { org, load } of orgs) {
    if (org.active === false || !(org.categories as readonly string[]).includes(appeal.routingKey)) continue;
    const kindRank = kinds.indexOf(org.kind);
    const coverage = coverageLevel(org.divisionsServed, appeal.divisionCode);
    if (kindRank < 0 || coverage === 0) continue;
    candidates.push({ orgCode: org.code, name: org.name, kind: org.kind, kindRank, coverage, load, capacity: org.capacity, free: load < org.capacity });
  }
  const ratio = (c: RoutingCandidate) => (c.capacity > 0 ? c.load / c.capacity : Number.POSITIVE_INFINITY);
  candidates.sort((a, b) =>
    Number(b.free) - Number(a.free) ||
    (a.free ? a.kindRank - b.kindRank || b.coverage - a.coverage || ratio(a) - ratio(b) : ratio(a) - ratio(b) || a.kindRank - b.kindRank || b.coverage - a.coverage) ||
    (a.orgCode < b.orgCode ? -1 : 1));
  const best = candidates[0];
  if (!best) {
    return { orgCode: null, candidates: [], reasons: [{ code: 'CATEGORY', zh: `没有承办“${appeal.routingKey}”类且服务区划 ${appeal.divisionCode} 的机构`, en: `no org takes ${appeal.routingKey} cases in division ${appeal.divisionCode}` }] };
  }
  const reasons: RoutingReason[] = [
    { code: 'CATEGORY', zh: `服务类别包含 ${appeal.routingKey}`, en: `takes ${appeal.routingKey} cases` },
    { code: 'KIND', zh: `机构类型 ${best.kind} 为该类别第 ${best.kindRank + 1} 选择`, en: `kind ${best.kind} is choice ${best.kindRank + 1} for this category` },
    { code: 'DIVISION', zh: `服务区划覆盖 ${appeal.divisionCode}（${COVERAGE[best.coverage]}）`, en: `serves ${appeal.divisionCode} (${COVERAGE[best.coverage]})` },
    best.free
      ? { code: 'CAPACITY', zh: `在办 ${best.load} / 承办能力 ${best.capacity}`, en: `${best.load} open of capacity ${best.capacity}` }
      : { code: 'OVER_CAPACITY', zh: `所有合适机构均已满负荷，选负荷比例最低者（在办 ${best.load} / ${best.capacity}）`, en: `every suitable org is full; the least overloaded was chosen (${best.load} open of ${best.capacity})` },
  ];
  const tied = candidates.filter((c) => c !== best && best.free && c.free && c.kindRank === best.kindRank && c.coverage === best.coverage);
  if (tied.length) reasons.push({ code: 'LOAD', zh: `同类机构 ${tied.length} 个，负荷较低`, en: `lower load than ${tied.length} similar org(s)` });
  return { orgCode: best.orgCode, reasons, candidates: candidates.slice(0, 10) };
}
