/**
 * Why a rule did or did not fire for one person of a case (issue 3 item 2: "the same AST
 * explains each hit"; C19: a missing fact never satisfies a negative condition): the rules
 * engine's `explainSubjectSql` on the current data, as of now, with the rule's conditions, actual
 * values, thresholds, outcome (true / false / unknown), missing facts and evidence parcel ids.
 */
import { AppError } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { explainSubjectSql } from '../../engines/rules/index.ts';
import { auditCaseRead, requireCase, type Actor } from './access.ts';
import { LeadsErrors } from './errors.ts';
import { loadRuleLists, loadTagRules, TAG_CATALOGUE } from './tagCatalogue.ts';
import { conditionsOf, type TagCondition } from './tagRunner.ts';

/** The explanation of one rule for one person. */
export interface RuleExplanation {
  readonly caseNo: string;
  readonly personKey: string;
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly asOf: string;
  /** 'true' fires; 'false' and 'unknown' do not. */
  readonly outcome: string;
  readonly conditions: readonly TagCondition[];
  readonly missingFacts: readonly string[];
  readonly evidence: readonly number[];
  readonly ruleText: string;
}

/**
 * Explain rule `ruleId` for person `personKey` (`id:<blind index>`) inside case `caseNo`, on the
 * subjects of the last rule run. Audited ('leads.tags.read') with the person key and evidence ids.
 * @throws the errors of requireCase; LEADS_RULE_UNKNOWN; LEADS_SEED_NOT_FOUND when the person is
 *   not among the subjects (no parcel as sender, or no rule run yet).
 */
export async function explainRule(ctx: PlatformContext, actor: Actor, caseNo: string, personKey: string, ruleId: string): Promise<RuleExplanation> {
  const access = await requireCase(ctx, actor, 'leads.tags.read', caseNo);
  const rule = loadTagRules().find((r) => r.def.id === ruleId);
  if (!rule) throw new AppError(LeadsErrors.LEADS_RULE_UNKNOWN, { ruleId });
  const now = ctx.now();
  const e = await explainSubjectSql(ctx.database, rule.def, TAG_CATALOGUE, { asOf: now.getTime(), values: loadRuleLists(), evidenceLimit: 20 }, personKey);
  if (!e) throw new AppError(LeadsErrors.LEADS_SEED_NOT_FOUND, { seed: personKey });
  if ('errors' in e) throw new AppError(LeadsErrors.LEADS_RULE_FILE_INVALID, { file: rule.file, detail: e.errors.map((x) => x.messageEn).join('; ') });
  const evidence = [...new Set(e.conditions.flatMap((c) => c.evidence.map((r) => Number(r.recordId))))].sort((a, b) => a - b);
  await auditCaseRead(ctx, access, evidence, { query: 'rule.explain', personKey, ruleId });
  return {
    caseNo, personKey, ruleId, ruleVersion: rule.def.version, asOf: now.toISOString(), outcome: e.outcome,
    conditions: conditionsOf(e.conditions), missingFacts: e.missingFacts, evidence, ruleText: rule.text,
  };
}
