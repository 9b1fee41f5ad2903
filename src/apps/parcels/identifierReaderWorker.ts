/**
 * Thread side of identifierReader.ts: with its own connection to the platform's SQLite file,
 * reads the encrypted identifiers of the parcels a look-up found and decrypts them.
 *
 * Messages in: `ReaderRequest` ({ id, ids }) and `{ close: true }`. Messages out: `{ ready: true }`
 * once, then per request `{ id, ids, values }` (the parcels found, newest first, three decrypted
 * values each) or `{ id, error }` when reading or decrypting failed (the main thread reports it).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../store/database.ts';
import type { ReaderInit, ReaderReply, ReaderRequest } from './identifierReader.ts';
import { memoDecrypter, parcelCrypto } from './parcelCrypto.ts';
import { parcelIdentifiersByIds } from './repository.ts';

const init = workerData as ReaderInit;
// Reads only: a small page cache, the rows come through the memory map (database.ts).
const database = openDatabase({ databaseUrl: undefined, sqlitePath: init.sqlitePath }, { sqliteCacheMiB: 16 });
const sqlite = database.sqlite!;
const keys = parcelCrypto(Buffer.from(init.secret));

function answer(request: ReaderRequest): ReaderReply {
  try {
    const rows = parcelIdentifiersByIds(sqlite, request.ids);
    const dec = memoDecrypter(keys);
    const ids: number[] = new Array(rows.length);
    const values: Array<string | null> = new Array(rows.length * 3);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      ids[i] = r[0];
      values[3 * i] = dec(r[1]);
      values[3 * i + 1] = dec(r[2]);
      values[3 * i + 2] = dec(r[3]);
    }
    return { id: request.id, ids, values };
  } catch (e) {
    return { id: request.id, error: (e as Error).message };
  }
}

parentPort!.on('message', (m: ReaderRequest | { close: true }) => {
  if ('close' in m) {
    sqlite.close();
    parentPort!.close();
    return;
  }
  parentPort!.postMessage(answer(m));
});
parentPort!.postMessage({ ready: true });
