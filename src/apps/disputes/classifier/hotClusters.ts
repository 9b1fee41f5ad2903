/**
 * Hot-issue clusters of the messages with votes: cluster (near-duplicate + same-subject, see
 * engines/text/cluster.ts) and print the top 10 clusters by size with their likes, most
 * frequent terms, shared entities and a representative message.
 *
 * Usage: node --import tsx src/apps/disputes/classifier/hotClusters.ts [limit=4326]
 */
import { clusterTexts, type TextCluster } from '../../../engines/text/cluster.ts';
import { loadWithVotes, type AppealMessage } from './data.ts';

/** Cluster appeals by title + body; clusters of ≥ 2 members, largest first. */
export function clusterAppeals(messages: readonly AppealMessage[]): TextCluster[] {
  return clusterTexts(messages.map((m) => ({ id: m.id, text: `${m.title}。${m.body}` })));
}

/** One printable line block per cluster: size, likes, terms, entities, representative title. */
export function describeCluster(c: TextCluster, messages: readonly AppealMessage[], rank: number): string {
  const rep = messages[c.representative]!;
  const likes = c.members.reduce((a, i) => a + (messages[i]!.likes ?? 0), 0);
  return [
    `#${rank} size ${c.members.length}, likes ${likes}`,
    `   terms: ${c.topTerms.join(' ')}`,
    ...(c.entities.length ? [`   entities: ${c.entities.slice(0, 5).join('、')}`] : []),
    `   representative [${rep.id}] ${rep.title} — ${rep.body.slice(0, 60)}…`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const limit = Number(process.argv[2] ?? Infinity);
  const messages = loadWithVotes().slice(0, limit);
  const t0 = performance.now();
  const clusters = clusterAppeals(messages);
  const ms = performance.now() - t0;
  const clustered = clusters.reduce((a, c) => a + c.members.length, 0);
  console.log(`${messages.length} messages → ${clusters.length} clusters of ≥2 (${clustered} messages) in ${(ms / 1000).toFixed(1)} s\n`);
  clusters.slice(0, 10).forEach((c, i) => console.log(describeCluster(c, messages, i + 1)));
}
