/**
 * Formalities and grounds for exclusion, item by item (pure): audio-video recording of
 * interrogations where CPL art. 123 requires it, interrogation outside the detention facility
 * after hand-over (art. 118), signatures of statements (arts. 122, 126, 127) and of inquest
 * records (art. 133), the expert's signature and qualification (2021 SPC interpretation),
 * extraction records of physical and electronic evidence (2010 death-penalty evidence rules),
 * the 24-hour hand-over to the detention facility (art. 85) and the arrest-request time limit
 * (art. 91). Findings whose rule excludes the item list it in `excluding`.
 */
import { checkRule, makeFinding, severityAt } from './findingBuilder.ts';
import type { CheckRule, StandardSet } from './standards.ts';
import { EvidenceErrors as E } from './errors.ts';
import type { CaseFile, EvidenceItem, Finding, Stage } from './types.ts';

/** Checks whose findings make the item inadmissible until overridden (where overridable). */
export const EXCLUDING_CHECKS: ReadonlySet<CheckRule['check']> = new Set([
  'interrogation_recording',
  'interrogation_location',
  'statement_signature',
  'expert_formality',
  'physical_origin',
]);

const HOUR = 3_600_000;

/** True when an interrogation of this case must be recorded (CPL art. 123), per the charges' standards. */
export function recordingRequired(set: StandardSet, file: CaseFile): boolean {
  return file.charges.some((id) => {
    const mode = set.charges.get(id)?.interrogationRecording;
    return mode === 'always' || (mode === 'if_life_or_death' && file.lifeOrDeathPossible === true);
  });
}

function itemViolates(check: CheckRule['check'], item: EvidenceItem, file: CaseFile, mustRecord: boolean): Record<string, string | number> | null {
  const f = item.formalities;
  switch (check) {
    case 'interrogation_recording':
      return item.kind === 'suspect_statement' && mustRecord && (f.recorded !== true || f.recordingComplete === false) ? {} : null;
    case 'interrogation_location': {
      if (item.kind !== 'suspect_statement' || !f.startedAt) return null;
      const person = file.persons.find((p) => p.key === item.personKey);
      if (!person?.facilityAt || Date.parse(f.startedAt) < Date.parse(person.facilityAt)) return null;
      return f.location === 'detention_facility' ? null : { location: f.location ?? 'unknown' };
    }
    case 'statement_signature':
      return ['suspect_statement', 'witness_testimony', 'victim_statement'].includes(item.kind) && f.signedByPerson !== true ? {} : null;
    case 'record_signature':
      return item.kind === 'record' && (f.signedByCollector !== true || f.witnessSigned !== true) ? {} : null;
    case 'expert_formality':
      return item.kind === 'expert_opinion' && (f.signedByCollector !== true || f.qualifiedExaminer !== true) ? {} : null;
    case 'physical_origin':
      return (item.kind === 'physical' || item.kind === 'audio_visual') && f.extractionRecord !== true ? {} : null;
    default:
      return null;
  }
}

const ITEM_CODES: Partial<Record<CheckRule['check'], string>> = {
  interrogation_recording: E.EVIDENCE_RECORDING_MISSING,
  interrogation_location: E.EVIDENCE_INTERROGATION_PLACE,
  statement_signature: E.EVIDENCE_SIGNATURE_MISSING,
  record_signature: E.EVIDENCE_RECORD_SIGNATURE_MISSING,
  expert_formality: E.EVIDENCE_EXPERT_FORMALITY,
  physical_origin: E.EVIDENCE_ORIGIN_UNPROVEN,
};

/**
 * Every formality finding of the file, regardless of stage severity (severity is `warning` for
 * checks not yet reportable at `stage`; the gate filters them), plus which items each excludes.
 * @returns findings and, per finding key, the item keys it would exclude.
 */
export function checkFormalities(set: StandardSet, file: CaseFile, stage: Stage): { findings: Finding[]; excluding: Map<string, string[]>; reportable: Set<string> } {
  const findings: Finding[] = [];
  const excluding = new Map<string, string[]>();
  const reportable = new Set<string>();
  const mustRecord = recordingRequired(set, file);
  for (const [check, code] of Object.entries(ITEM_CODES) as [CheckRule['check'], string][]) {
    const rule = checkRule(set, check);
    if (!rule) continue;
    const sev = severityAt(rule, stage);
    for (const item of file.items) {
      const params = itemViolates(check, item, file, mustRecord);
      if (!params) continue;
      const f = makeFinding(set, { ruleId: rule.id, code, severity: sev ?? 'warning', source: rule.source, text: rule.text, itemKeys: [item.key], params: { item: `${item.key} ${item.title}`, ...params }, overridable: rule.overridable });
      findings.push(f);
      if (sev) reportable.add(f.key);
      if (EXCLUDING_CHECKS.has(check)) excluding.set(f.key, [item.key]);
    }
  }
  for (const f of personFindings(set, file, stage)) {
    findings.push(f.finding);
    if (f.reportable) reportable.add(f.finding.key);
  }
  return { findings, excluding, reportable };
}

function personFindings(set: StandardSet, file: CaseFile, stage: Stage): { finding: Finding; reportable: boolean }[] {
  const out: { finding: Finding; reportable: boolean }[] = [];
  const facility = checkRule(set, 'facility_transfer_24h');
  const arrest = checkRule(set, 'arrest_request_time_limit');
  for (const p of file.persons) {
    if (p.role !== 'suspect' || !p.detainedAt) continue;
    const detained = Date.parse(p.detainedAt);
    if (facility) {
      const limit = facility.hours ?? 24;
      const hours = p.facilityAt ? (Date.parse(p.facilityAt) - detained) / HOUR : null;
      if (hours === null || hours > limit) {
        const sev = severityAt(facility, stage);
        out.push({
          reportable: sev !== null,
          finding: makeFinding(set, { ruleId: facility.id, code: E.EVIDENCE_FACILITY_LATE, severity: sev ?? 'warning', source: facility.source, text: facility.text, itemKeys: [], subjects: [`person:${p.key}`], params: { person: `${p.key} ${p.name}`, hours: hours === null ? '—' : Math.round(hours) }, overridable: facility.overridable }),
        });
      }
    }
    if (arrest && p.arrestRequestedAt) {
      const limit = p.roving ? (arrest.rovingDays ?? 30) : (arrest.days ?? 7);
      const days = (Date.parse(p.arrestRequestedAt) - detained) / (24 * HOUR);
      if (days > limit) {
        const sev = severityAt(arrest, stage);
        out.push({
          reportable: sev !== null,
          finding: makeFinding(set, { ruleId: arrest.id, code: E.EVIDENCE_ARREST_REQUEST_LATE, severity: sev ?? 'warning', source: arrest.source, text: arrest.text, itemKeys: [], subjects: [`person:${p.key}`], params: { person: `${p.key} ${p.name}`, days: Math.ceil(days), limit }, overridable: arrest.overridable }),
        });
      }
    }
  }
  return out;
}
