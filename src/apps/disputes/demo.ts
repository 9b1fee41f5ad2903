/**
 * The demo set of the disputes application, loaded on first start after the orgs registry:
 * the planted land-requisition projects and `count` appeals (default 2,400) received over the
 * last 180 days on the demo divisions — the 332 real labelled message-board texts of the shared
 * appeals data with their labelled category (A1…A7区 mapped to 长沙 districts; the classifier is
 * not run at seeding, it costs seconds to load: the appeal view computes its suggestion when
 * shown), synthetic disputes of the seven types and legal consultations — each routed with the router
 * and walked through the workflow as far as its age allows (accept, mediate, agreement / failure
 * / referral, close, follow-up, a few reopened), with late steps so that some SLAs are breached,
 * repeat submitters, and a planted cluster of 30 paraphrased appeals about one project in the
 * last 6 days (an early-warning alert). Parties are synthetic. Idempotent.
 */
import { localDay } from '../../core/date/date.ts';
import { mulberry32 } from '../../core/random.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { DEMO_DIVISIONS } from '../orgs/demo.ts';
import { listOrgRows } from '../orgs/repository.ts';
import { routeAppeal } from './appealRouter.ts';
import { categoryTree, CONSULTATION_CATEGORY, disputeCategory } from './categories.ts';
import type { CategorySuggestion } from './classification.ts';
import { loadLabelled } from './classifier/data.ts';
import { riskScore } from './classifier/risk.ts';
import { DEMO_PROJECTS, DEMO_TYPE_WEIGHTS, disputeText, plantedProjectText } from './demoTexts.ts';
import { suggestDisputeType, type DisputeType } from './disputeTypes.ts';
import { eventRow, milestoneDue } from './intake.ts';
import { encryptParties, submitterIndex, type Party } from './parties.ts';
import { saveProject } from './projects.ts';
import { nextAppealNo } from './repository.ts';
import { disputesDb } from './schema.ts';
import { simulateCase } from './demoWorkflow.ts';

const COUNTIES = DEMO_DIVISIONS.flatMap((p) => p.counties.map(([c]) => c));
/** A1…A7区 of the anonymised message board, read as 长沙 districts for the demo. */
const A_DISTRICTS = ['430102', '430103', '430104', '430105', '430111', '430112', '430121'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华玉萍红';
const CHANNEL_WEIGHTS: readonly (readonly [string, number])[] = [['hotline', 0.4], ['web', 0.3], ['grid_worker', 0.2], ['import', 0.1]];

function weighted(rand: () => number, items: readonly (readonly [string, number])[]): string {
  let x = rand();
  for (const [k, w] of items) if ((x -= w) < 0) return k;
  return items.at(-1)![0];
}

/**
 * Load the demo set unless demo appeals exist. Needs the orgs demo (routing targets).
 * @returns how many appeals were inserted (0 when already present)
 */
export async function loadDisputesDemo(ctx: PlatformContext, options: { count?: number; seed?: number } = {}): Promise<{ inserted: number }> {
  const db = disputesDb(ctx.database.db);
  if (await db.selectFrom('disputes_appeals').select('id').where('created_by', '=', 'demo').limit(1).executeTakeFirst()) return { inserted: 0 };
  const count = options.count ?? 2400;
  const rand = mulberry32(options.seed ?? 5150);
  const now = ctx.now();
  for (const p of DEMO_PROJECTS) await saveProject(ctx, p);
  const orgs = await listOrgRows(ctx.database, { activeOnly: true });
  const loads = new Map<string, number>();
  const tree = categoryTree(ctx.config.sharedDataDir);
  const messages = loadLabelled(ctx.config.sharedDataDir).filter((m) => m.body.length > 10 && m.label);
  const people: Party[] = [];
  const person = (): Party => {
    if (people.length > 20 && rand() < 0.1) return people[Math.floor(rand() * people.length)]!;
    const name = SURNAMES[Math.floor(rand() * SURNAMES.length)]! + GIVEN[Math.floor(rand() * GIVEN.length)]! + (rand() < 0.6 ? GIVEN[Math.floor(rand() * GIVEN.length)]! : '');
    const p: Party = { side: 'applicant', kind: 'person', name, phone: `1${[3, 5, 8][Math.floor(rand() * 3)]}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`, address: null };
    people.push(p);
    return p;
  };
  const drafts: { receivedMs: number; kind: 'appeal' | 'dispute' | 'consultation'; title: string; text: string; division: string; suggestion: CategorySuggestion; category: string; applicant: Party; respondent: Party | null; projectCode: string | null }[] = [];
  let m = 0;
  for (let i = 0; i < count; i++) {
    const applicant = person();
    const receivedMs = now.getTime() - Math.floor(rand() * 180 * 86_400_000);
    const r = rand();
    if (r < 0.15 && m < messages.length) {
      const msg = messages[m++]!;
      const a = /A(\d)区/.exec(`${msg.title}${msg.body}`);
      const division = a && Number(a[1]) >= 1 && Number(a[1]) <= 7 ? A_DISTRICTS[Number(a[1]) - 1]! : COUNTIES[Math.floor(rand() * COUNTIES.length)]!;
      const s: CategorySuggestion = { classifier: null, disputeType: suggestDisputeType(`${msg.title}。${msg.body}`), category: msg.label!, source: 'labelled' };
      drafts.push({ receivedMs, kind: 'appeal', title: msg.title, text: msg.body, division, suggestion: s, category: msg.label!, applicant, respondent: null, projectCode: null });
    } else if (r < 0.2) {
      const t = '咨询：劳动合同到期不续签能否要求经济补偿？';
      drafts.push({ receivedMs, kind: 'consultation', title: t, text: `${t}单位未提前通知，想了解法律规定。`, division: COUNTIES[Math.floor(rand() * COUNTIES.length)]!, suggestion: { classifier: null, disputeType: null, category: CONSULTATION_CATEGORY, source: 'kind' }, category: CONSULTATION_CATEGORY, applicant, respondent: null, projectCode: null });
    } else {
      const type = weighted(rand, DEMO_TYPE_WEIGHTS) as DisputeType;
      const { title, text } = disputeText(rand, type, applicant.name);
      const project = type === 'land_requisition' ? DEMO_PROJECTS.find((p) => text.includes(p.name)) ?? null : null;
      const division = project?.divisionCode ?? COUNTIES[Math.floor(rand() * COUNTIES.length)]!;
      const category = disputeCategory(type);
      drafts.push({ receivedMs, kind: 'dispute', title, text, division, suggestion: { classifier: null, disputeType: suggestDisputeType(`${title}。${text}`), category, source: 'keywords' }, category, applicant, respondent: { side: 'respondent', kind: 'organisation', name: title.replace(/(拖欠工资|物业纠纷|预付卡退款|理财平台无法提现|补偿问题|手术后医疗纠纷)$/, '') || '对方当事人', phone: null, address: null }, projectCode: project?.code ?? null });
    }
  }
  for (let n = 1; n <= 33; n++) {
    const { title, text } = plantedProjectText(rand, n);
    const receivedMs = now.getTime() - (n <= 30 ? Math.floor(rand() * 6 * 86_400_000) : (8 + Math.floor(rand() * 5)) * 86_400_000);
    drafts.push({ receivedMs, kind: 'dispute', title, text, division: '430112', suggestion: { classifier: null, disputeType: suggestDisputeType(text), category: disputeCategory('land_requisition'), source: 'keywords' }, category: disputeCategory('land_requisition'), applicant: person(), respondent: null, projectCode: DEMO_PROJECTS[0]!.code });
  }
  drafts.sort((a, b) => a.receivedMs - b.receivedMs);
  const seen = new Map<string, number>();
  const serial = new Map<string, number>();
  for (const year of new Set(drafts.map((d) => localDay(new Date(d.receivedMs)).slice(0, 4)))) serial.set(year, Number((await nextAppealNo(ctx.database, `A${year}`)).slice(5)) - 1);
  let inserted = 0;
  for (let start = 0; start < drafts.length; start += 300) {
    await db.transaction().execute(async (trx) => {
      for (const d of drafts.slice(start, start + 300)) {
        const received = new Date(d.receivedMs);
        const node = tree.nodes.get(d.category)!;
        const routingKey = d.kind === 'consultation' ? 'legal_consultation' : node.routingKey;
        const parties = d.respondent ? [d.applicant, d.respondent] : [d.applicant];
        const submitter = submitterIndex(ctx.secret, parties);
        const previous = submitter ? seen.get(submitter) ?? 0 : 0;
        if (submitter) seen.set(submitter, previous + 1);
        const risk = riskScore({ text: `${d.title}。${d.text}`, previousAppeals: previous });
        const routing = routeAppeal({ routingKey, divisionCode: d.division }, orgs.map((org) => ({ org, load: loads.get(org.code) ?? 0 })));
        const sim = simulateCase(rand, { received, now, orgCode: routing.orgCode, routingReason: routing.reasons.map((x) => x.zh).join('；'), kind: d.kind, resolutionWithin: node.sla.resolution, orgs, divisionCode: d.division });
        if (sim.openAtOrg) loads.set(sim.openAtOrg, (loads.get(sim.openAtOrg) ?? 0) + 1);
        const year = localDay(received).slice(0, 4);
        const no = (serial.get(year) ?? 0) + 1;
        serial.set(year, no);
        const appealNo = `A${year}${String(no).padStart(6, '0')}`;
        const row = await trx.insertInto('disputes_appeals').values({
          appeal_no: appealNo, kind: d.kind, channel: weighted(rand, CHANNEL_WEIGHTS), external_id: null, title: d.title, text: d.text, division_code: d.division, place: null,
          category: d.category, category_source: d.suggestion.source, suggestion: JSON.stringify(d.suggestion), dispute_type: node.disputeType, routing_key: routingKey,
          state: sim.instance.state, version: sim.instance.version, org_code: sim.orgCode, routing: JSON.stringify(routing), project_code: d.projectCode,
          risk_score: risk.score, risk_level: risk.level, risk: JSON.stringify(risk), submitter_index: submitter, received_at: received.toISOString(), received_day: localDay(received),
          ...sim.milestones, acceptance_due: milestoneDue(received, node.sla.acceptance).toISOString(), first_contact_due: milestoneDue(received, node.sla.firstContact).toISOString(),
          satisfaction: sim.followUp?.satisfaction ?? null, created_by: 'demo', updated_at: now.toISOString(),
        }).returning('id').executeTakeFirstOrThrow();
        const id = Number(row.id);
        await trx.insertInto('disputes_events').values(sim.instance.events.map((e) => ({ ...eventRow(e), appeal_id: id }))).execute();
        await trx.insertInto('disputes_parties').values(encryptParties(ctx.secret, parties).map((p) => ({ ...p, appeal_id: id }))).execute();
        if (sim.session) await trx.insertInto('disputes_sessions').values({ appeal_id: id, ...sim.session }).execute();
        if (sim.agreement) await trx.insertInto('disputes_agreements').values({ appeal_id: id, agreement_no: `T${appealNo.slice(1)}-01`, ...sim.agreement }).execute();
        if (sim.followUp) await trx.insertInto('disputes_followups').values({ appeal_id: id, ...sim.followUp }).execute();
        inserted++;
      }
    });
  }
  return { inserted };
}
