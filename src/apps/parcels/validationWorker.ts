/**
 * Worker side of validationPool.ts: validates chunks of records with `checkParcel` on its own
 * thread (its own memo caches and segmenter), so that a bulk load uses the second core for
 * validation while the main thread reads and writes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parcelCrypto } from './parcelCrypto.ts';
import { checkParcel, type RawParcel, type ValidationMode } from './parcelValidator.ts';

const init = workerData as { secret: Uint8Array; mode: ValidationMode; timezone: string; now: string };
const keys = parcelCrypto(Buffer.from(init.secret));
const now = new Date(init.now);

parentPort!.on('message', (msg: { id: number; records: RawParcel[]; now?: number }) => {
  const at = msg.now === undefined ? now : new Date(msg.now);
  const checks = msg.records.map((r) => checkParcel(r, keys, { mode: init.mode, now: at, timezone: init.timezone }));
  parentPort!.postMessage({ id: msg.id, checks });
});
