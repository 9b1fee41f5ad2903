/**
 * Worker side of registrationThread.ts: writes registrations (validating those that come
 * unvalidated), with its own connection to the platform's SQLite file, so that the server's
 * main thread only receives, parses, authorizes, validates batches and answers requests.
 *
 * Messages in: `{ id, records, writable, values, now, createdAt }` — the registrations of one
 * event-loop turn of the main thread. Every message that arrived while the worker was busy is
 * validated and written together, at most `maxBatch` records per transaction (group commit
 * across turns). Messages out: `{ id, answers, written }` with one `ThreadAnswer` per record
 * and one `ThreadWrite` per value, or `{ id, error }` when the database failed (the transaction
 * is rolled back; nothing of those records is stored).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Issue } from '../../core/errors.ts';
import { CHECKPOINTER_FALLBACK_PAGES } from '../../store/checkpointer.ts';
import { openDatabase } from '../../store/database.ts';
import { emptyStats, storeChecked } from './loader.ts';
import { parcelCrypto } from './parcelCrypto.ts';
import { checkParcel, warmUpValidation, type ParcelCheck } from './parcelValidator.ts';
import type { ThreadAnswer, ThreadInit, ThreadReply, ThreadRequest, ThreadWrite } from './registrationThread.ts';

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

async function flush(): Promise<void> {
  scheduled = false;
  if (running) await running;
  const requests = queue;
  queue = [];
  // Validate every record of every waiting request, then write the writable valid ones and the
  // values validated on the main thread in transactions of at most maxBatch records.
  const checks = requests.map((r) => {
    const now = new Date(r.now);
    return r.records.map((record) => checkParcel(record, keys, { mode: 'api', now, timezone: init.timezone }));
  });
  type Target = { request: number; index: number; validated: boolean };
  const toWrite: Array<Target & { check: ParcelCheck }> = [];
  requests.forEach((r, k) => {
    let [record, value] = [0, 0];
    for (const n of r.arrival) {
      for (const end = record + Math.max(n, 0); record < end; record++) {
        const check = checks[k]![record]!;
        if (r.writable[record] && check.values) toWrite.push({ request: k, index: record, validated: false, check });
      }
      for (const end = value + Math.max(-n, 0); value < end; value++) {
        const values = r.values[value];
        if (values) toWrite.push({ request: k, index: value, validated: true, check: { values, errors: [], warnings: [], flags: [], noncompliance: [] } });
      }
    }
  });
  type Stored = { id: number; duplicate: boolean } | { errors: readonly Issue[] } | undefined;
  const stored = requests.map((r) => new Array<Stored>(r.records.length));
  const written = requests.map((r) => new Array<ThreadWrite>(r.values.length).fill(null));
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
        const outcome = 'errors' in o ? o : { id: o.id, duplicate: o.status === 'duplicate' };
        if (p.validated) written[p.request]![p.index] = outcome;
        else stored[p.request]![p.index] = outcome;
      });
    } catch (e) {
      for (const p of part) failed.set(p.request, e instanceof Error ? e.message : String(e));
    }
  }
  requests.forEach((r, k) => {
    const reply: ThreadReply = failed.has(k)
      ? { id: r.id, error: failed.get(k)!, transactions }
      : { id: r.id, answers: checks[k]!.map((c, i) => answerOf(c, stored[k]![i])), written: written[k]!, transactions };
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
warmUpValidation(keys, init.timezone);
parentPort!.postMessage({ ready: true });
