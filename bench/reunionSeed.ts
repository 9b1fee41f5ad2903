/**
 * bench:reunion-seed — first-start load of the reunion demo posts (30,294 family + 24,370 child
 * posts with their workflow creation events) through `loadReunionDemo` (prepared statements on SQLite,
 * COPY on PostgreSQL, one transaction), against the named baseline measured in the same run: one INSERT per
 * post and per event, in one transaction, for the first 2,000 posts, extrapolated per row.
 * Runs on SQLite in a temporary directory (and on PostgreSQL when DATABASE_URL is set).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadReunionDemo, reunionModule } from '../src/apps/reunion/index.ts';
import { demoToPost } from '../src/apps/reunion/demoLoader.ts';
import { contactCipher, postToRow } from '../src/apps/reunion/postRepository.ts';
import { demoPosts } from '../src/apps/reunion/posts/demo.ts';
import { reunionDb } from '../src/apps/reunion/schema.ts';
import { loadConfig } from '../src/config.ts';
import { openPlatform } from '../src/platform/platform.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-bench-seed-'));
const config = loadConfig(undefined, { dataDir: dir, secret: 'bench-secret-bench-secret-bench-secret' });
const ctx = await openPlatform(config, { modules: [reunionModule] });
try {
  const t0 = performance.now();
  const r = await loadReunionDemo(ctx, { progress: false });
  const batched = performance.now() - t0;
  const total = r.families + r.children;
  await reunionDb(ctx.database.db).deleteFrom('reunion_events').execute();
  await reunionDb(ctx.database.db).deleteFrom('reunion_posts').execute();
  const { families, children } = demoPosts();
  const sample = [...families, ...children].slice(0, 2000);
  const at = new Date().toISOString();
  const cipher = contactCipher(ctx.secret);
  const t1 = performance.now();
  await reunionDb(ctx.database.db).transaction().execute(async (trx) => {
    for (const p of sample) {
      await trx.insertInto('reunion_posts').values(postToRow(demoToPost(p, at), cipher)).execute();
      await trx.insertInto('reunion_events').values({ post_id: p.id, seq: 0, transition: 'create', from_state: null, to_state: 'searching', actor: 'demo', role: null, at, reason: 'demo post', data: null }).execute();
    }
  });
  const single = ((performance.now() - t1) / sample.length) * total;
  console.log(`reunion demo seed on ${ctx.database.dialect}: ${total.toLocaleString('en')} posts (+ as many events)`);
  console.log(`  batched (loadReunionDemo, incl. generation): ${(batched / 1000).toFixed(2)} s = ${Math.round(total / (batched / 1000)).toLocaleString('en')} posts/s`);
  console.log(`  baseline one INSERT per row (2,000 posts, extrapolated): ${(single / 1000).toFixed(2)} s`);
  console.log(`  ratio baseline / batched: ×${(single / batched).toFixed(2)}`);
} finally {
  await ctx.database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
