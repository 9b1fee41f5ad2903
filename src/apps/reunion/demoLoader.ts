/**
 * Load the seeded demo posts (posts/demo.ts: 30,294 family posts, 24,370 child posts by
 * default) on first start: only when reunion_posts is empty; rows and their workflow creation
 * events in one transaction — prepared statements on SQLite (the raw handle the store exposes
 * for bulk paths), COPY on PostgreSQL (pgCopy.ts) — with a progress bar on a TTY. The
 * generator's ground truth (true pairs, near-misses) is dropped here: it never enters the database.
 *
 * Demo consent: families publish sex, name, 小名, birth and loss dates, place, height, marks and
 * dialect; children publish sex, 小名, birth name, birth date, place, marks, dialect and memories
 * (not their current, adoptive name). Demo posts carry no contacts.
 */
import cliProgress from 'cli-progress';
import type { PlatformContext } from '../../platform/module.ts';
import { NO_CONSENT, type Consent, type ReunionPost, type StoredDate } from './model.ts';
import { copyRows } from './pgCopy.ts';
import { contactCipher, countPosts, postToRow } from './postRepository.ts';
import { demoPosts, type DemoOptions } from './posts/demo.ts';
import type { ChildSearchPost, FamilySearchPost, PartialDate } from './posts/types.ts';
import { reunionDb } from './schema.ts';

const FAMILY_CONSENT: Consent = { ...NO_CONSENT, sex: true, name: true, nickname: true, birthDate: true, lossDate: true, lossPlace: true, heightCm: true, marks: true, dialect: true };
const CHILD_CONSENT: Consent = { ...NO_CONSENT, sex: true, nickname: true, formerName: true, birthDate: true, lossPlace: true, marks: true, dialect: true, memories: true };

function stored(d: PartialDate | null): StoredDate | null {
  if (!d) return null;
  const given = d.precision === 'day' ? `${d.year}年${d.month}月${d.day}日` : d.precision === 'month' ? `${d.year}年${d.month}月` : `${d.year}年`;
  return { ...d, calendar: 'gregorian', given };
}

/** A demo post as a stored post. */
export function demoToPost(p: FamilySearchPost | ChildSearchPost, at: string): ReunionPost {
  const family = p.kind === 'familySearch';
  return {
    id: p.id, kind: p.kind, status: 'searching', sex: p.sex, name: family ? p.name : p.currentName, nameUnknown: family ? p.name === null : false,
    nickname: p.nickname, formerName: family ? null : p.formerName, birthDate: stored(p.birthDate), lossDate: stored(p.lossDate), lostAt: null,
    lossPlace: p.lossPlace, heightCm: p.heightCm, marks: { items: [], text: p.marks }, dialect: p.dialect, memories: p.memories,
    relatives: family ? p.relatives : [], dnaStatus: 'none', policeCaseNo: null, contacts: [], consent: family ? FAMILY_CONSENT : CHILD_CONSENT,
    postedOn: p.postedOn, pfifRecordId: null, createdAt: at, updatedAt: at, createdBy: 'demo',
  };
}

/**
 * Insert the demo posts if the table is empty.
 * @returns inserted counts per kind (0 and 0 when posts existed already)
 */
export async function loadReunionDemo(ctx: PlatformContext, options: DemoOptions & { progress?: boolean } = {}): Promise<{ families: number; children: number }> {
  const db = reunionDb(ctx.database.db);
  const counts = await countPosts(db);
  if (counts.familySearch + counts.childSearch > 0) return { families: 0, children: 0 };
  const { families, children } = demoPosts(options);
  const at = ctx.now().toISOString();
  const cipher = contactCipher(ctx.secret);
  const all = [...families, ...children];
  const bar = options.progress !== false && process.stderr.isTTY ? new cliProgress.SingleBar({ format: '寻亲演示帖子 reunion demo posts {bar} {value}/{total}', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
  bar?.start(all.length, 0);
  const event = (id: string) => ({ post_id: id, seq: 0, transition: 'create', from_state: null, to_state: 'searching', actor: 'demo', role: null, at, reason: 'demo post', data: null });
  const batch = 500;
  const sqlite = ctx.database.sqlite;
  if (sqlite) {
    // The store's documented bulk path on SQLite: prepared statements in one transaction.
    const first = postToRow(demoToPost(all[0]!, at), cipher);
    const cols = Object.keys(first);
    const insertPost = sqlite.prepare(`insert into reunion_posts (${cols.join(', ')}) values (${cols.map((c) => '@' + c).join(', ')})`);
    const insertEvent = sqlite.prepare('insert into reunion_events (post_id, seq, transition, from_state, to_state, actor, role, at, reason, data) values (@post_id, @seq, @transition, @from_state, @to_state, @actor, @role, @at, @reason, @data)');
    sqlite.transaction(() => {
      all.forEach((p, i) => {
        insertPost.run(postToRow(demoToPost(p, at), cipher));
        insertEvent.run(event(p.id));
        if (i % batch === batch - 1) bar?.update(i + 1);
      });
    })();
  } else if (ctx.database.pgPool) {
    // PostgreSQL: COPY in one transaction (pgCopy.ts).
    const client = await ctx.database.pgPool.connect();
    try {
      await client.query('begin');
      let done = 0;
      const rows = function* () {
        for (const p of all) {
          yield postToRow(demoToPost(p, at), cipher);
          if (++done % batch === 0) bar?.update(done);
        }
      };
      const cols = Object.keys(postToRow(demoToPost(all[0]!, at), cipher));
      await copyRows(client, 'reunion_posts', cols, rows());
      await copyRows(client, 'reunion_events', Object.keys(event('')), all.map((p) => event(p.id)));
      await client.query('commit');
    } catch (e) {
      await client.query('rollback');
      throw e;
    } finally {
      client.release();
    }
  } else {
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < all.length; i += batch) {
        const slice = all.slice(i, i + batch);
        await trx.insertInto('reunion_posts').values(slice.map((p) => postToRow(demoToPost(p, at), cipher))).execute();
        await trx.insertInto('reunion_events').values(slice.map((p) => event(p.id))).execute();
        bar?.update(Math.min(all.length, i + batch));
      }
    });
  }
  bar?.update(all.length);
  bar?.stop();
  return { families: families.length, children: children.length };
}
