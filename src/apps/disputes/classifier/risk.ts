/**
 * Risk score of one appeal (0–100) with reasons: escalation words (self-harm, collective
 * action, petitioning upward, banners/blocking), the number of parties the text speaks for,
 * and repeat appeals by the same person. Pure function: the caller supplies the person's
 * earlier appeal count. Weights follow the screening practice of 12345 hot-line triage
 * (life-safety threats first, then collective action, then repetition); they are policy, kept
 * in one table here so they can be reviewed.
 */

export interface RiskInput {
  readonly text: string;
  /** Earlier appeals by the same person (same user id / phone) within the look-back period. */
  readonly previousAppeals?: number;
}

export interface RiskReason {
  readonly code: 'SELF_HARM' | 'VIOLENCE' | 'COLLECTIVE' | 'PETITION' | 'PROTEST' | 'PARTIES' | 'REPEAT';
  readonly points: number;
  /** The matched words or the count, for display. */
  readonly evidence: string;
}

export interface RiskScore {
  /** 0–100, sum of reason points capped at 100. */
  readonly score: number;
  readonly level: 'low' | 'medium' | 'high';
  readonly reasons: readonly RiskReason[];
}

const WORDS: readonly [RiskReason['code'], number, readonly string[]][] = [
  ['SELF_HARM', 45, ['自杀', '跳楼', '轻生', '寻死', '喝农药', '自焚', '不想活', '以死', '死给']],
  ['VIOLENCE', 35, ['同归于尽', '报复', '砍人', '杀了', '炸']],
  ['COLLECTIVE', 25, ['集体', '群体', '联名', '全体业主', '全体村民', '众多业主', '上百人', '几百人', '数百人']],
  ['PETITION', 20, ['上访', '进京', '到省里', '信访', '越级']],
  ['PROTEST', 25, ['拉横幅', '横幅', '堵路', '围堵', '静坐', '游行', '罢工', '维权']],
];

/** Parties the text speaks for: explicit counts ('38户', '200多名工人') or collective nouns. */
function parties(text: string): number {
  let most = 1;
  for (const m of text.matchAll(/(\d{1,5})\s*(?:多)?\s*(?:户|名|位|个家庭|人|家)/g)) most = Math.max(most, Number(m[1]));
  if (most === 1 && /(?:业主们|村民们|工人们|我们|大家|家长们)/.test(text)) most = 2;
  return most;
}

/**
 * Score an appeal. Points: self-harm words 45, violence 35, collective action 25, protest 25,
 * petitioning 20 (each category counted once); parties ≥ 10 → 15, ≥ 2 → 5; previous appeals
 * ≥ 3 → 20, ≥ 1 → 10. Level: high ≥ 50, medium ≥ 20, else low.
 */
export function riskScore(input: RiskInput): RiskScore {
  const reasons: RiskReason[] = [];
  for (const [code, points, words] of WORDS) {
    const found = words.filter((w) => input.text.includes(w));
    if (found.length) reasons.push({ code, points, evidence: found.join('、') });
  }
  const n = parties(input.text);
  if (n >= 10) reasons.push({ code: 'PARTIES', points: 15, evidence: String(n) });
  else if (n >= 2) reasons.push({ code: 'PARTIES', points: 5, evidence: String(n) });
  const prev = input.previousAppeals ?? 0;
  if (prev >= 3) reasons.push({ code: 'REPEAT', points: 20, evidence: String(prev) });
  else if (prev >= 1) reasons.push({ code: 'REPEAT', points: 10, evidence: String(prev) });
  const score = Math.min(100, reasons.reduce((a, r) => a + r.points, 0));
  return { score, level: score >= 50 ? 'high' : score >= 20 ? 'medium' : 'low', reasons };
}

/** Earlier appeal counts per appeal: for each index, how many appeals by the same user precede it (input order = time order). */
export function previousAppealCounts(userIds: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return userIds.map((u) => {
    const n = seen.get(u) ?? 0;
    seen.set(u, n + 1);
    return n;
  });
}
