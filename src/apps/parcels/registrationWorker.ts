/**
 * Writer side of registrationThread.ts: writes registrations with its own connection to the
 * platform's SQLite file and answers the main thread. Large turns that arrive while it has work
 * reach it already validated by the validator thread (registrationValidator.ts), which checks them
 * while it writes; the others (single registrations, and any turn while it is idle) come straight
 * from the main thread and are validated here, where a second hop would cost more than it spares.
 *
 * Messages in: `ValidatedGroup` on the MessagePort from the validator, `ThreadRequest` and
 * `{ close: true }` from the main thread. Requests are handled strictly in the order the main
 * thread submitted them (by id, whichever way they came). The requests that waited while this
 * thread was busy are written together, at most `maxBatch` records per transaction (group commit
 * across turns), and each transaction's requests are answered as soon as it has committed.
 * Messages out: `{ id, answers, transactions }` with one `ThreadAnswer` per record, or `{ id,
 * error, transactions }` when the database failed (the transaction is rolled back; nothing of
 * those records is stored).
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { Issue } from '../../core/errors.ts';
import { CHECKPOINTER_FALLBACK_PAGES } from '../../store/checkpointer.ts';
import { openDatabase } from '../../store/database.ts';
import { emptyStats, storeChecked } from './loader.ts';
import { parcelCrypto } from './parcelCrypto.ts';
import type { ParcelCheck } from './parcelValidator.ts';
import { checkRequest, GROUP_RECORDS, warmUpValidation } from './registrationChecks.ts';
import type { ThreadAnswer, ThreadInit, ThreadReply, ThreadRequest, ValidatedGroup, ValidatedRequest } from './registrationThread.ts';

const init = workerData as ThreadInit & { validator: MessagePort };
const database = openDatabase({ databaseUrl: undefined, sqlitePath: init.sqlitePath }, { sqliteCacheMiB: init.cacheMiB });
// The checkpointer thread (src/store/checkpointer.ts) keeps the WAL short; a commit here checkpoints
// only if the WAL has grown past 100,000 pages (~400 MiB), e.g. when that thread could not run.
database.sqlite!.pragma(`wal_autocheckpoint = ${CHECKPOINTER_FALLBACK_PAGES}`);
// The platform context the write path reads: only its database is used by storeChecked.
const ctx = { database } as Parameters<typeof storeChecked>[0];
const keys = parcelCrypto(Buffer.from(init.secret));

/** Requests that arrived ahead of an earlier one still on the other way, by id. */
const early = new Map<number, ValidatedRequest | ThreadRequest>();
/** Id of the next request to handle (the main thread numbers them from 0). */
let nextId = 0;
let queue: Array<ValidatedRequest | ThreadRequest> = [];
let scheduled = false;
let running: Promise<void> | undefined;

type Stored = { id: number; duplicate: boolean } | { errors: readonly Issue[] };

function answerOf(check: ParcelCheck, stored?: Stored): ThreadAnswer {
  const base = { errors: check.errors, warnings: check.warnings, flags: check.flags };
  if (!stored) return base;
  if ('errors' in stored) return { ...base, errors: stored.errors };
  return { ...base, id: stored.id, duplicate: stored.duplicate };
}

const sizeOf = (r: ValidatedRequest | ThreadRequest) => ('checks' in r ? r.checks.length : r.records.length);

async function flush(): Promise<void> {
  scheduled = false;
  if (running) await running;
  const requests = queue;
  queue = [];
  // Requests are never split: a transaction takes whole requests up to maxBatch records (one
  // request larger than that is written alone, in parts of maxBatch), and at most about
  // GROUP_RECORDS records that still need validating.
  for (let from = 0; from < requests.length; ) {
    let to = from;
    let records = 0;
    let raw = 0;
    while (to < requests.length && (to === from || (raw < GROUP_RECORDS && records + sizeOf(requests[to]!) <= init.maxBatch))) {
      const r = requests[to++]!;
      records += sizeOf(r);
      if (!('checks' in r)) raw += r.records.length;
    }
    await settle(requests.slice(from, to).map(validated));
    from = to;
  }
}

function validated(r: ValidatedRequest | ThreadRequest): ValidatedRequest {
  return 'checks' in r ? r : checkRequest(r, keys, init.timezone);
}

/** Write the writable valid records of `requests` (transactions of at most maxBatch records) and answer each request. */
async function settle(requests: readonly ValidatedRequest[]): Promise<void> {
  const toWrite: Array<{ request: number; index: number; check: ParcelCheck }> = [];
  requests.forEach((r, k) => r.checks.forEach((check, i) => {
    if (r.writable[i] && check.values) toWrite.push({ request: k, index: i, check });
  }));
  const stored = requests.map((r) => new Array<Stored | undefined>(r.checks.length));
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
      : { id: r.id, answers: r.checks.map((c, i) => answerOf(c, stored[k]![i])), transactions };
    transactions = 0;
    parentPort!.postMessage(reply);
  });
}

/** Take a request in, then queue every request that is next in the main thread's order. */
function arrive(r: ValidatedRequest | ThreadRequest): void {
  early.set(r.id, r);
  for (let next = early.get(nextId); next; next = early.get(nextId)) {
    early.delete(nextId++);
    queue.push(next);
  }
  if (queue.length > 0 && !scheduled) {
    scheduled = true;
    setImmediate(() => {
      const p = flush().finally(() => {
        if (running === p) running = undefined;
      });
      running = p;
    });
  }
}

init.validator.on('message', (group: ValidatedGroup) => {
  for (const r of group.requests) arrive(r);
});

parentPort!.on('message', (m: ThreadRequest | { close: true }) => {
  if ('close' in m) {
    init.validator.close();
    void database.close().then(() => parentPort!.close());
    return;
  }
  arrive(m);
});
warmUpValidation(keys, init.timezone);
parentPort!.postMessage({ ready: true });
