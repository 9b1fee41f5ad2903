/**
 * Appeal classification and routing throughput: `classify` (segmentation + features + TF-IDF +
 * linear model + calibrated top-3 + reasons) followed by the disputes app's routing as intake
 * does it (keyword dispute type → category → routing key → `routeAppeal` over the seeded demo
 * registry by category × division × capacity and current load), against the segmentation step
 * alone (jieba `segment`), on the same synthesised appeals in the same run. Appeals are
 * synthesised by recombining real messages (messages_with_votes + messages_with_replies): the
 * title of one message with 1–3 sentences drawn from others, and a division drawn from the demo
 * counties. Loads: each routed appeal adds 1 to its org's load; every 10,000 appeals all loads
 * are reset (cases closed). Prints appeals/s of each leg and the ratio to segmentation alone.
 *
 * Usage: node --import tsx bench/appeals.ts [count=1000000]
 */
import { segment } from '../src/engines/text/segment.ts';
import { classify, loadClassifier } from '../src/apps/disputes/classifier/appealClassifier.ts';
import { loadWithReplies, loadWithVotes } from '../src/apps/disputes/classifier/data.ts';
import { routeAppeal, type OrgWithLoad } from '../src/apps/disputes/appealRouter.ts';
import { categoryTree, disputeCategory } from '../src/apps/disputes/categories.ts';
import { suggestDisputeType } from '../src/apps/disputes/disputeTypes.ts';
import { DEMO_DIVISIONS, generateOrgsDemo } from '../src/apps/orgs/index.ts';

const count = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const source = [...loadWithVotes(), ...loadWithReplies()];
const titles = source.map((m) => m.title);
const sentences = source.flatMap((m) => m.body.split(/(?<=[。！？])/).map((s) => s.trim()).filter((s) => s.length >= 8 && s.length <= 120));

let seed = 12345;
const rand = (n: number) => {
  seed ^= seed << 13; seed >>>= 0; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0;
  return seed % n;
};
/** The i-th synthetic appeal (deterministic). */
const counties = DEMO_DIVISIONS.flatMap((p) => p.counties.map(([code]) => code));
interface Appeal { title: string; body: string; divisionCode: string }
function appeal(): Appeal {
  const k = 1 + rand(3);
  const body: string[] = [];
  for (let j = 0; j < k; j++) body.push(sentences[rand(sentences.length)]!);
  return { title: titles[rand(titles.length)]!, body: body.join(''), divisionCode: counties[rand(counties.length)]! };
}

const model = loadClassifier();
const batch = Math.min(count, 20_000);
const pool = Array.from({ length: batch }, appeal);
const meanChars = pool.reduce((a, p) => a + p.title.length * 2 + p.body.length, 0) / pool.length;
console.log(`appeals: ${count.toLocaleString('en')} synthesised (pool of ${batch.toLocaleString('en')} recombined from ${source.length.toLocaleString('en')} real messages, mean ${meanChars.toFixed(0)} chars incl. doubled title)`);
const orgs: { -readonly [K in keyof OrgWithLoad]: OrgWithLoad[K] }[] = generateOrgsDemo().map((org) => ({ org, load: 0 }));
const orgIndex = new Map(orgs.map((o, i) => [o.org.code, i]));
const tree = categoryTree();
console.log(`routing: ${orgs.length} demo orgs over ${counties.length} counties (routeAppeal of the disputes app)`);
let routed = 0;
let unrouted = 0;
/** Classify, then route as intake does: the dispute type's category when one is suggested, else the classifier's. */
function classifyAndRoute(p: Appeal): string | null {
  const c = classify(model, p);
  const type = suggestDisputeType(`${p.title}。${p.body}`);
  const category = type ? disputeCategory(type.type) : c.category;
  const routingKey = tree.nodes.get(category)?.routingKey ?? 'general';
  const d = routeAppeal({ routingKey, divisionCode: p.divisionCode }, orgs);
  if (d.orgCode) {
    orgs[orgIndex.get(d.orgCode)!]!.load += 1;
    routed += 1;
  } else unrouted += 1;
  if ((routed + unrouted) % 10_000 === 0) for (const o of orgs) o.load = 0;
  return d.orgCode;
}

segment('预热'); // load the jieba dictionary outside the timed legs

function leg(name: string, work: (p: Appeal) => unknown): number {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let sink = 0;
  for (let i = 0; i < count; i++) {
    const r = work(pool[i % batch]!);
    sink += (r as { length?: number }).length ?? 1;
  }
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  console.log(`${name.padEnd(28)} ${(count / wall).toFixed(0).padStart(8)} appeals/s wall, ${(count / cpuS).toFixed(0).padStart(8)} appeals/s CPU (${wall.toFixed(1)} s, checksum ${sink})`);
  return count / cpuS;
}

const seg = leg('segmentation alone (baseline)', (p) => segment(`${p.title}。${p.title}。${p.body}`));
const cls = leg('classify', (p) => [classify(model, p)]);
const both = leg('classify + route', (p) => [classifyAndRoute(p)]);
console.log(`routed ${routed.toLocaleString('en')}, no eligible org ${unrouted.toLocaleString('en')}`);
console.log(`ratio classify / segmentation (CPU time): ${(cls / seg).toFixed(2)}`);
console.log(`ratio classify + route / segmentation (CPU time): ${(both / seg).toFixed(2)}`);
