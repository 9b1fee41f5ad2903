/**
 * Escalation and referral routes of a dispute, as data with their legal sources, and the body
 * each route goes to in the appeal's division (pure; the service fires the `refer` transition).
 * - court_mediation: 诉调对接 — the people's court's mediation centre (人民调解法 2010 Art. 33:
 *   judicial confirmation of agreements; Art. 26: parties told of other routes when mediation fails);
 * - arbitration: labour disputes to the labour dispute arbitration commission (劳动争议调解仲裁法
 *   2007 Art. 5, Art. 14: mediation not concluded in 15 days may go to arbitration);
 * - legal_aid: the legal aid centre (法律援助法 2021 Art. 31: claims for pay, medical and work-injury
 *   compensation, maintenance);
 * - medical disputes, 医疗纠纷预防和处理条例 (2018) Art. 22: negotiation between the parties,
 *   people's mediation (医疗纠纷人民调解委员会), administrative mediation (卫生主管部门),
 *   litigation (people's court).
 */
import { coverageLevel } from '../orgs/validate.ts';
import type { Org, OrgKind, ProfessionalDomain } from '../orgs/types.ts';

export const ESCALATION_ROUTES = ['court_mediation', 'arbitration', 'legal_aid', 'negotiation', 'people_mediation', 'administrative_mediation', 'litigation'] as const;
export type EscalationRoute = (typeof ESCALATION_ROUTES)[number];

interface RouteDef {
  readonly label: { readonly zh: string; readonly en: string };
  readonly source: string;
  /** Routing keys (dispute types) the route is open to; '*' = every dispute. */
  readonly for: readonly string[];
  /** Kind (and domain) of the body it goes to; null = no body (the parties themselves). */
  readonly target: { readonly kind: OrgKind; readonly domain?: ProfessionalDomain } | null;
}

export const ESCALATION_DEFS: Readonly<Record<EscalationRoute, RouteDef>> = {
  court_mediation: { label: { zh: '诉调对接（法院调解/司法确认）', en: 'court-connected mediation' }, source: '人民调解法 第二十六条、第三十三条', for: ['*'], target: { kind: 'court_mediation' } },
  arbitration: { label: { zh: '劳动人事争议仲裁', en: 'labour dispute arbitration' }, source: '劳动争议调解仲裁法 第五条、第十四条', for: ['unpaid_wages'], target: { kind: 'arbitration_commission' } },
  legal_aid: { label: { zh: '法律援助', en: 'legal aid' }, source: '法律援助法 第三十一条', for: ['unpaid_wages', 'medical', 'family_neighbour', 'general'], target: { kind: 'legal_aid_centre' } },
  negotiation: { label: { zh: '医患双方自愿协商', en: 'negotiation between the parties' }, source: '医疗纠纷预防和处理条例 第二十二条（一）', for: ['medical'], target: null },
  people_mediation: { label: { zh: '医疗纠纷人民调解', en: "people's mediation of the medical dispute" }, source: '医疗纠纷预防和处理条例 第二十二条（二）', for: ['medical'], target: { kind: 'professional_mediation_body', domain: 'medical' } },
  administrative_mediation: { label: { zh: '卫生主管部门行政调解', en: 'administrative mediation by the health commission' }, source: '医疗纠纷预防和处理条例 第二十二条（三）', for: ['medical'], target: { kind: 'health_commission' } },
  litigation: { label: { zh: '向人民法院提起诉讼', en: 'litigation in the people’s court' }, source: '医疗纠纷预防和处理条例 第二十二条（四）', for: ['medical'], target: { kind: 'court_mediation' } },
};

/** States from which a case may be referred (the `refer` transition). */
export const ESCALATION_STATES = ['accepted', 'mediating', 'failed'] as const;

export interface EscalationOption {
  readonly route: EscalationRoute;
  readonly label: { readonly zh: string; readonly en: string };
  readonly source: string;
  /** The body in the division, null for negotiation or when the registry has none. */
  readonly target: { readonly orgCode: string; readonly name: string } | null;
  /** False when the registry has no body for a route that needs one. */
  readonly available: boolean;
}

/**
 * The routes open to a case of `routingKey` in `divisionCode`, each with its body (the most
 * closely fitting active org of the target kind serving the division; ties by code).
 */
export function escalationOptions(routingKey: string, divisionCode: string, orgs: readonly Org[]): EscalationOption[] {
  if (routingKey === 'legal_consultation') return [];
  const out: EscalationOption[] = [];
  for (const route of ESCALATION_ROUTES) {
    const def = ESCALATION_DEFS[route];
    if (!def.for.includes('*') && !def.for.includes(routingKey)) continue;
    let target: EscalationOption['target'] = null;
    if (def.target) {
      const best = orgs
        .filter((o) => o.active !== false && o.kind === def.target!.kind && (!def.target!.domain || o.domain === def.target!.domain))
        .map((o) => ({ o, level: coverageLevel(o.divisionsServed, divisionCode) }))
        .filter((x) => x.level > 0)
        .sort((a, b) => b.level - a.level || (a.o.code < b.o.code ? -1 : 1))[0];
      if (best) target = { orgCode: best.o.code, name: best.o.name };
    }
    out.push({ route, label: def.label, source: def.source, target, available: def.target === null || target !== null });
  }
  return out;
}
