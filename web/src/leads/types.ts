/**
 * Shapes of the leads API (src/apps/leads: caseService.ts, tagRunner.ts, leadReview.ts,
 * leadScorer.ts, networkService.ts) as the pages read them. Personal data arrives masked.
 * Shapes that are the server's own are imported as types (erased from the bundle); the rest are
 * the pages' narrower views of the JSON.
 */

import type { CaseView } from '../../../src/apps/leads/caseService.ts';
export type { CaseView };
import type { ModelView } from '../../../src/apps/leads/leadScorer.ts';
export type { ModelView };
import type { NetworkEdge } from '../../../src/apps/leads/networkService.ts';
export type { NetworkEdge };
import type { EvidenceParcel } from '../../../src/apps/leads/personDetails.ts';
export type { EvidenceParcel };
import type { RuleRunView, TagCondition } from '../../../src/apps/leads/tagRunner.ts';
export type { RuleRunView, TagCondition };

export interface Bi { readonly zh: string; readonly en: string }

export interface RuleView {
  readonly id: string;
  readonly version: number;
  readonly name: Bi;
  readonly description: string;
  readonly weight: number;
  readonly expiry: string;
  readonly enabled: boolean;
  readonly when: string;
  readonly file: string;
  readonly text: string;
}

export interface ServerIssue { readonly code: string; readonly message: string; readonly messageEn: string }

export interface RuleRunSummary {
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly enabled: boolean;
  readonly hits: number;
  readonly stored: number;
  readonly warnings: readonly ServerIssue[];
  readonly errors: readonly ServerIssue[];
  readonly sample: ReadonlyArray<{ readonly personKey: string; readonly conditions: readonly TagCondition[]; readonly evidence: readonly number[] }>;
  readonly ms: number;
}

export interface Contribution { readonly ruleId: string; readonly ruleVersion: number; readonly weight: number }

export type LeadStatus = 'pending' | 'confirmed' | 'dismissed';

export interface LeadSummary {
  readonly id: number;
  readonly personKey: string;
  readonly score: number;
  readonly model: string;
  readonly contributions: readonly Contribution[];
  readonly status: LeadStatus;
  readonly scoredAt: string;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  readonly reason: string | null;
}

export interface PersonDetail { readonly name: string | null; readonly phone: string | null }

export interface TagView {
  readonly id: number;
  readonly personKey: string;
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly firedAt: string;
  readonly expiresAt: string;
  readonly live: boolean;
  readonly conditions: readonly TagCondition[];
  readonly evidence: ReadonlyArray<{ readonly recordKind: string; readonly recordId: number; readonly values: Readonly<Record<string, unknown>> }>;
  readonly ruleName: Bi | null;
  readonly ruleText: string | null;
}

export interface LeadView extends LeadSummary {
  readonly caseNo: string;
  readonly person: PersonDetail;
  readonly tags: readonly TagView[];
  readonly evidence: readonly EvidenceParcel[];
  readonly reviews: ReadonlyArray<{ readonly decision: string; readonly reason: string; readonly reviewer: string; readonly at: string; readonly rules: readonly string[]; readonly score: number }>;
}

export interface PrecisionRow { readonly ruleId: string; readonly reviewed: number; readonly confirmed: number; readonly dismissed: number; readonly precision: number | null }

export type EdgeKind = 'parcel' | 'shared_id' | 'shared_address';
export type Role = 'workshop' | 'seller' | 'middleman' | 'buyer';

export interface NetworkNode extends PersonDetail {
  readonly key: string;
  readonly hop: number;
  readonly province: string | null;
  readonly idsBehind: number;
  readonly role: string | null;
  readonly roleReason: string;
  readonly roleReasonZh: string;
  readonly roleValues: Readonly<Record<string, number>>;
  readonly evidence: readonly number[];
  readonly evidenceCount: number;
}

export interface NetworkView {
  readonly caseNo: string;
  readonly seeds: readonly string[];
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly NetworkEdge[];
  readonly countsByHop: readonly number[];
  readonly truncated: boolean;
  readonly roles: Readonly<Record<string, number>>;
  readonly spread: { readonly attribute: string; readonly total: number; readonly missing: number; readonly values: ReadonlyArray<{ readonly value: string; readonly nodes: number }> };
  readonly activity: ReadonlyArray<{ readonly day: string; readonly records: number; readonly edges: number }>;
  readonly network: { readonly nodes: number; readonly edges: number; readonly parcels: number; readonly builtAt: string };
}

/** A seed of an expansion, as the API takes it. */
export type Seed = { readonly idNumber: string } | { readonly personKey: string } | { readonly nodeKey: string };

/** The body of POST …/graph/expand (and …/graph/export without `format`). */
export interface ExpandRequest {
  readonly seed: Seed;
  readonly hops: number;
  readonly kinds?: readonly EdgeKind[];
  readonly direction?: 'out' | 'in' | 'any';
  readonly minWeight?: number;
  readonly from?: string;
  readonly to?: string;
  readonly maxNodes?: number;
}
