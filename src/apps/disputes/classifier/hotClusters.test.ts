import { describe, expect, it } from 'vitest';
import { clusterAppeals } from './hotClusters.ts';
import { loadWithVotes, type AppealMessage } from './data.ts';

/** Paraphrase a message the way repeat appellants do: greeting and plea added, a sentence dropped or reordered, a few words swapped. */
function paraphrase(m: AppealMessage, variant: number): AppealMessage {
  const sentences = m.body.split(/(?<=[。！？!?])/).filter((s) => s.trim());
  let body: string[];
  if (variant === 0) body = ['尊敬的领导您好：', ...sentences, '恳请尽快处理！'];
  else if (variant === 1) body = sentences.length > 3 ? [...sentences.slice(0, -1)] : [...sentences, '希望早日解决。'];
  else body = sentences.length > 2 ? [sentences[1]!, sentences[0]!, ...sentences.slice(2)] : [...sentences].reverse();
  const swapped = body.join('').replace(/请/g, '恳请').replace(/问题/g, '情况').replace(/希望/g, '盼望');
  return { ...m, id: `${m.id}-copy${variant}`, title: variant === 2 ? `再次反映：${m.title}` : m.title, body: swapped };
}

describe('hot-issue clustering on real messages', () => {
  it('finds every planted paraphrased copy in its original’s cluster, and no two originals merged', () => {
    const all = loadWithVotes();
    const sample = all.slice(0, 400);
    const originals = [3, 57, 120, 211, 305, 388].map((i) => sample[i]!).filter((m) => m.body.length > 80);
    expect(originals.length).toBeGreaterThanOrEqual(5);
    const planted = originals.flatMap((m) => [0, 1, 2].map((v) => paraphrase(m, v)));
    const messages = [...sample, ...planted];
    const clusters = clusterAppeals(messages);
    const clusterOf = new Map<string, number>();
    clusters.forEach((c, k) => c.ids.forEach((id) => clusterOf.set(id, k)));
    for (const m of originals) {
      const k = clusterOf.get(m.id);
      expect(k, m.id).toBeDefined();
      for (const v of [0, 1, 2]) expect(clusterOf.get(`${m.id}-copy${v}`), `${m.id}-copy${v}`).toBe(k);
    }
    expect(new Set(originals.map((m) => clusterOf.get(m.id))).size).toBe(originals.length);
  });
});
