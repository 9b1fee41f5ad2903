/**
 * Appeal classification throughput: `classify` (segmentation + features + TF-IDF + logistic/NB
 * blend + top-3 + reasons) against the segmentation step alone (jieba `segment`), on the same
 * synthesised appeals in the same run. Appeals are synthesised by recombining real messages
 * (messages_with_votes + messages_with_replies): the title of one message with 1–3 sentences
 * drawn from others, so no two are identical. Prints appeals/s of each and the ratio
 * classify / segment. Routing (the disputes app) is NOT included.
 *
 * Usage: node --import tsx bench/appeals.ts [count=1000000]
 */
import { segment } from '../src/engines/text/segment.ts';
import { classify, loadClassifier } from '../src/apps/disputes/classifier/appealClassifier.ts';
import { loadWithReplies, loadWithVotes } from '../src/apps/disputes/classifier/data.ts';

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
function appeal(): { title: string; body: string } {
  const k = 1 + rand(3);
  const body: string[] = [];
  for (let j = 0; j < k; j++) body.push(sentences[rand(sentences.length)]!);
  return { title: titles[rand(titles.length)]!, body: body.join('') };
}

const model = loadClassifier();
const batch = Math.min(count, 20_000);
const pool = Array.from({ length: batch }, appeal);
const meanChars = pool.reduce((a, p) => a + p.title.length * 2 + p.body.length, 0) / pool.length;
console.log(`appeals: ${count.toLocaleString('en')} synthesised (pool of ${batch.toLocaleString('en')} recombined from ${source.length.toLocaleString('en')} real messages, mean ${meanChars.toFixed(0)} chars incl. doubled title)`);
console.log('routing: not included (added by the disputes app)');

segment('预热'); // load the jieba dictionary outside the timed legs

function leg(name: string, work: (p: { title: string; body: string }) => unknown): number {
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
const cls = leg('classify (full)', (p) => [classify(model, p)]);
console.log(`ratio classify / segmentation (CPU time): ${(cls / seg).toFixed(2)}`);
