/**
 * `gongzhi reunion …` commands (the CLI runs as the operator of the machine: actor
 * 'cli:<os user>' with the reunion role admin; every command is audited by its service):
 * - `reunion pfif import FILE [--kind familySearch|childSearch]` PFIF 1.1–1.4 XML into posts;
 * - `reunion pfif export [--out FILE] [--kind K]` posts as PFIF 1.4 XML (stdout by default);
 * - `reunion seed` the demo posts, when the table is empty;
 * - `reunion candidates POST_ID [--json]` compute and store the candidates of a post.
 */
import fs from 'node:fs';
import os from 'node:os';
import type { Command } from 'commander';
import type { PlatformContext } from '../../platform/module.ts';
import type { ReunionActor } from './access.ts';
import { computeCandidates } from './candidateRanker.ts';
import { loadReunionDemo } from './demoLoader.ts';
import { POST_KINDS, type PostKind } from './model.ts';
import { exportPfifPosts, importPfifPosts } from './pfifBridge.ts';

/** The CLI's actor. */
export function cliActor(): ReunionActor {
  return { username: `cli:${os.userInfo().username}`, platformRole: 'admin', role: 'admin' };
}

function kindOf(value: string | undefined): PostKind | undefined {
  if (value === undefined) return undefined;
  if (!(POST_KINDS as readonly string[]).includes(value)) throw new Error(`--kind must be one of ${POST_KINDS.join(', ')}`);
  return value as PostKind;
}

/** Register the commands on the program. */
export function reunionCommands(program: Command, open: () => Promise<PlatformContext>): void {
  const reunion = program.command('reunion').description('寻亲 missing-children reunion: posts, candidates, PFIF');
  const pfif = reunion.command('pfif').description('PFIF 交换 People Finder Interchange Format');
  pfif
    .command('import')
    .description('导入 PFIF 1.1–1.4 XML import into posts')
    .argument('<file>')
    .option('--kind <kind>', POST_KINDS.join(' | '), 'familySearch')
    .action(async (file: string, o: { kind?: string }) => {
      const xml = fs.readFileSync(file, 'utf8');
      const ctx = await open();
      const r = await importPfifPosts(ctx, xml, { kind: kindOf(o.kind) ?? 'familySearch', actor: cliActor() });
      if (r.stats.error) throw new Error(`${r.stats.error.code}: ${r.stats.error.messageEn}`);
      process.stdout.write(`PFIF ${r.stats.version}: ${r.accepted.length} posts imported, ${r.stats.notes} notes, ${r.rejected.length} rejected, ${r.stats.duplicates} already present\n`);
      for (const x of r.rejected) process.stdout.write(`  rejected ${JSON.stringify(x)}\n`);
    });
  pfif
    .command('export')
    .description('导出 PFIF 1.4 XML export posts')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--kind <kind>', POST_KINDS.join(' | '))
    .action(async (o: { out?: string; kind?: string }) => {
      const ctx = await open();
      const r = await exportPfifPosts(ctx, { kind: kindOf(o.kind), actor: cliActor() });
      if (o.out) {
        fs.writeFileSync(o.out, r.xml);
        process.stderr.write(`PFIF 1.4: ${r.persons} persons, ${r.notes} notes → ${o.out} (${r.skipped} posts without a published name left out)\n`);
      } else process.stdout.write(r.xml);
    });
  reunion
    .command('seed')
    .description('载入演示帖子 load the demo posts (if there are none)')
    .action(async () => {
      const ctx = await open();
      const r = await loadReunionDemo(ctx);
      process.stdout.write(`寻亲演示帖子 reunion demo posts: ${r.families} family, ${r.children} child posts loaded\n`);
    });
  reunion
    .command('candidates')
    .description('计算候选匹配 compute the candidates of a post')
    .argument('<postId>')
    .option('--json', 'print JSON')
    .action(async (postId: string, o: { json?: boolean }) => {
      const ctx = await open();
      const list = await computeCandidates(ctx, postId, cliActor());
      if (o.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      else for (const c of list) process.stdout.write(`#${c.rank} ${c.childPostId} ↔ ${c.familyPostId}  weight ${c.weight.toFixed(2)}  p ${c.probability.toFixed(3)}  ${c.review}\n`);
    });
}
