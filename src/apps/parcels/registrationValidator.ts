/**
 * Validator side of registrationThread.ts: checks API registrations (`checkParcel`, with this
 * thread's own sender memories and segmenter) and hands them, in order of arrival, to the writer
 * thread (registrationWorker.ts) over a MessagePort, so that the next records are validated while
 * the last ones are written.
 *
 * Messages in (from the main thread): `ThreadRequest` — the registrations of one event-loop turn of
 * at least PIPELINE_RECORDS that arrived while the writer had work (registrationThread.ts) — or
 * `{ close: true }`. The requests that arrived while this thread was busy are validated in groups of
 * at least GROUP_RECORDS records (registrationChecks.ts; a request is never split), and each group
 * goes to the writer as one `ValidatedGroup` as soon as it is validated. Messages out (to the
 * writer): `ValidatedGroup`; to the main thread: `{ ready: true }` once warmed up.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { parcelCrypto } from './parcelCrypto.ts';
import { checkRequest, GROUP_RECORDS, warmUpValidation } from './registrationChecks.ts';
import type { ThreadInit, ThreadRequest, ValidatedGroup } from './registrationThread.ts';

const init = workerData as ThreadInit & { writer: MessagePort };
const keys = parcelCrypto(Buffer.from(init.secret));

let queue: ThreadRequest[] = [];
let scheduled = false;

function flush(): void {
  scheduled = false;
  const requests = queue;
  queue = [];
  for (let from = 0; from < requests.length; ) {
    let to = from;
    let records = 0;
    while (to < requests.length && records < GROUP_RECORDS) records += requests[to++]!.records.length;
    const group: ValidatedGroup = { requests: requests.slice(from, to).map((r) => checkRequest(r, keys, init.timezone)) };
    init.writer.postMessage(group);
    from = to;
  }
}

parentPort!.on('message', (m: ThreadRequest | { close: true }) => {
  if ('close' in m) {
    init.writer.close();
    parentPort!.close();
    return;
  }
  queue.push(m);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
});

warmUpValidation(keys, init.timezone);
parentPort!.postMessage({ ready: true });
