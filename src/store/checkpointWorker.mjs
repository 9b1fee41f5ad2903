// The WAL checkpointer thread (checkpointer.ts): plain JavaScript, no TypeScript loader, one
// better-sqlite3 connection. Every `intervalMs` it copies committed WAL frames back into the
// database file (PRAGMA wal_checkpoint(PASSIVE): never waits for readers or writers), so the
// connection that writes never pays for a checkpoint inside a commit.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const { file, intervalMs, minFrames } = workerData;
const db = new SQLite(file);
db.pragma('busy_timeout = 0');
let stopped = false;
let checkpoints = 0;
let frames = 0;

function tick() {
  if (stopped) return;
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    if (r && r.checkpointed > 0) {
      checkpoints += 1;
      frames += r.checkpointed;
    }
    // Less to do than minFrames: wait a full interval; otherwise go again soon.
    setTimeout(tick, r && r.log - r.checkpointed >= minFrames ? 10 : intervalMs);
  } catch (e) {
    // SQLITE_BUSY and the like: another checkpoint is running; try again later.
    setTimeout(tick, intervalMs);
  }
}

parentPort.on('message', (m) => {
  if (m === 'stop') {
    stopped = true;
    db.close();
    parentPort.postMessage({ checkpoints, frames });
    parentPort.close();
  }
});
setTimeout(tick, intervalMs);
