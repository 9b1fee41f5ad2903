/**
 * Generic tags: what a hit becomes when an app stores it. The engine only builds the value; the
 * app (leads) stores it, enforces its case and review, and drops it after `expiresAt`.
 */
import type { Scalar } from './ast.ts';
import type { Hit } from './run.ts';
import type { RuleDef } from './ruleFile.ts';

export interface TagEvidence {
  readonly recordKind: string;
  readonly recordId: string;
  /** Per condition text this record stands behind, the condition's actual value. */
  readonly values: Readonly<Record<string, Scalar | null>>;
}

export interface Tag {
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly subjectKey: string;
  readonly evidence: readonly TagEvidence[];
  /** ISO 8601 UTC. */
  readonly firedAt: string;
  /** firedAt + the rule's expiry, ISO 8601 UTC. */
  readonly expiresAt: string;
}

/**
 * Turn a hit into a tag: evidence records deduplicated by (kind, id), each with the values of the
 * conditions it supports; `expiresAt = firedAt + rule.expiryMs`.
 */
export function hitToTag(rule: RuleDef, hit: Hit, firedAt: Date): Tag {
  const byRecord = new Map<string, { recordKind: string; recordId: string; values: Record<string, Scalar | null> }>();
  for (const c of hit.explanation.conditions) {
    for (const e of c.evidence) {
      const k = `${e.recordKind}\u0000${e.recordId}`;
      let entry = byRecord.get(k);
      if (!entry) { entry = { recordKind: e.recordKind, recordId: e.recordId, values: {} }; byRecord.set(k, entry); }
      entry.values[c.text] = c.actual;
    }
  }
  return {
    ruleId: rule.id, ruleVersion: rule.version, subjectKey: hit.subjectKey, evidence: [...byRecord.values()],
    firedAt: firedAt.toISOString(), expiresAt: new Date(firedAt.getTime() + rule.expiryMs).toISOString(),
  };
}

/** True while `tag` counts at `now` (an expired tag no longer counts). */
export function tagIsLive(tag: Tag, now: Date): boolean {
  return now.getTime() < Date.parse(tag.expiresAt);
}
