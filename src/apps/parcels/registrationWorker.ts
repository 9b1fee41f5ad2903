/**
 * Worker side of registrationThread.ts: validates registrations and writes them, with its own
 * connection to the platform's SQLite file, so that the server's main thread only receives,
 * parses, authorizes and answers requests.
 *
 * Messages in: `{ id, records, writable, now, createdAt }` — the registrations of one event-loop
 * turn of the main thread. The messages that arrived while the worker was busy are validated,
 * written and answered in groups of at least GROUP_RECORDS records, in order of arrival, at most
 * `maxBatch` records per transaction (group commit across turns). Messages out: `{ id, answers }` with one `ThreadAnswer` per record, or
 * `{ id, error }` when the database failed (the transaction is rolled back; nothing of those
 * records is stored).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Issue } from '../../core/errors.ts';
import { CHECKPOINTER_FALLBACK_PAGES } from '../../store/checkpointer.ts';
import { openDatabase } from '../../store/database.ts';
import { emptyStats, storeChecked } from './loader.ts';
import { parcelCrypto } from './parcelCrypto.ts';
import { checkParcel, type ParcelCheck, type RawParcel } from './parcelValidator.ts';
import { prohibitedCategories, screenItem } from './screening.ts';
import type { ThreadAnswer, ThreadInit, ThreadReply, ThreadRequest } from './registrationThread.ts';

const init = workerData as ThreadInit;
const keys = parcelCrypto(Buffer.from(init.secret));
const database = openDatabase({ databaseUrl: undefined, sqlitePath: init.sqlitePath }, { sqliteCacheMiB: init.cacheMiB });
// The checkpointer thread (src/store/checkpointer.ts) keeps the WAL short; a commit here checkpoints
// only if the WAL has grown past 100,000 pages (~400 MiB), e.g. when that thread could not run.
database.sqlite!.pragma(`wal_autocheckpoint = ${CHECKPOINTER_FALLBACK_PAGES}`);
// The platform context the write path reads: only its database is used by storeChecked.
const ctx = { database } as Parameters<typeof storeChecked>[0];

let queue: ThreadRequest[] = [];
let scheduled = false;

function answerOf(check: ParcelCheck, stored?: { id: number; duplicate: boolean } | { errors: readonly Issue[] }): ThreadAnswer {
  const base = { errors: check.errors, warnings: check.warnings, flags: check.flags };
  if (!stored) return base;
  if ('errors' in stored) return { ...base, errors: stored.errors };
  return { ...base, id: stored.id, duplicate: stored.duplicate };
}

let running: Promise<void> | undefined;

/**
 * Records validated, written and answered together: the waiting requests are taken in order of
 * arrival in groups of at least this many records (a request is never split), and each group is
 * answered as soon as its own transaction has committed. Validating everything that waited before
 * writing any of it kept every waiting record's check alive until the last was written: the
 * thread's scavenges found 3–3.5 MB of such checks alive and promoted them, and paused 12–70 ms
 * (median 24.5) in the open-loop batch leg — the leg's slowest batches each came after one
 * (bench/profileServer.ts batch, 1,000,000 stored, 4,400 records/s offered). A group of 100 still
 * commits many concurrent single registrations together (group commit).
 */
const GROUP_RECORDS = 100;

async function flush(): Promise<void> {
  scheduled = false;
  if (running) await running;
  const requests = queue;
  queue = [];
  for (let from = 0; from < requests.length; ) {
    let to = from;
    let records = 0;
    while (to < requests.length && records < GROUP_RECORDS) records += requests[to++]!.records.length;
    await settle(requests.slice(from, to));
    from = to;
  }
}

/** Validate every record of `requests`, write the writable valid ones (transactions of at most maxBatch records) and answer each request. */
async function settle(requests: readonly ThreadRequest[]): Promise<void> {
  const checks = requests.map((r) => {
    const now = new Date(r.now);
    return r.records.map((record) => checkParcel(record, keys, { mode: 'api', now, timezone: init.timezone }));
  });
  const toWrite: Array<{ request: number; index: number; check: ParcelCheck }> = [];
  requests.forEach((r, k) => checks[k]!.forEach((check, i) => {
    if (r.writable[i] && check.values) toWrite.push({ request: k, index: i, check });
  }));
  const stored = requests.map((r) => new Array<{ id: number; duplicate: boolean } | { errors: readonly Issue[] } | undefined>(r.records.length));
  const failed = new Map<number, string>();
  let transactions = 0;
  for (let start = 0; start < toWrite.length; start += init.maxBatch) {
    const part = toWrite.slice(start, start + init.maxBatch);
    const createdAt = requests[part[0]!.request]!.createdAt;
    try {
      const outcomes = await storeChecked(ctx, part.map((p) => p.check), { source: 'api', runId: null, createdAt }, emptyStats());
      transactions += 1;
      outcomes.forEach((o, j) => {
        const p = part[j]!;
        stored[p.request]![p.index] = 'errors' in o ? o : { id: o.id, duplicate: o.status === 'duplicate' };
      });
    } catch (e) {
      for (const p of part) failed.set(p.request, e instanceof Error ? e.message : String(e));
    }
  }
  requests.forEach((r, k) => {
    const reply: ThreadReply = failed.has(k)
      ? { id: r.id, error: failed.get(k)!, transactions }
      : { id: r.id, answers: checks[k]!.map((c, i) => answerOf(c, stored[k]![i])), transactions };
    transactions = 0;
    parentPort!.postMessage(reply);
  });
}

parentPort!.on('message', (m: ThreadRequest | { close: true }) => {
  if ('close' in m) {
    void database.close().then(() => parentPort!.close());
    return;
  }
  queue.push(m);
  if (!scheduled) {
    scheduled = true;
    setImmediate(() => {
      running = flush().finally(() => (running = undefined));
    });
  }
});
/**
 * Before reporting ready: build the prohibited-item segmenter (about 0.4 s: jieba's dictionary)
 * and run the validator until V8 has compiled it — in a cold worker the first 200 records took
 * 260 ms to validate instead of 10 ms, which was the first second's latency of a fresh server.
 */
function warmUp(): void {
  prohibitedCategories();
  screenItem('玩具枪');
  const now = new Date();
  const sample: RawParcel = {
    courier: 'ZTO', senderName: '李娜', senderIdType: 'resident', senderIdNumber: '11010519491231002X', senderPhone: '13812345678',
    senderAddress: '浙江省杭州市西湖区文三路1号', receiverName: '王强', receiverPhone: '+86 139 8765 4321', receiverAddress: '北京市东城区东华门街道1号',
    itemName: '连衣裙', itemNature: 'clothing', itemQuantity: 2, weightGrams: 450, outlet: 'ZTO33010601', clerk: 'ZTO33010601-01', inspected: true,
  };
  for (let i = 0; i < 3000; i++) {
    const at = new Date(now.getTime() - (i % 3600) * 1000).toISOString();
    checkParcel({ ...sample, waybillNo: `7891234${String(5678901 + i).padStart(7, '0')}`, acceptedAt: at }, keys, { mode: 'api', now, timezone: init.timezone });
  }
}

warmUp();
parentPort!.postMessage({ ready: true });
