// Bootstrap of this folder's worker threads (tsWorker.ts): TypeScript sources run through tsx's
// loader (as bin/gongzhi.js does), then the module named by workerData.entry (a file URL).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
