import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { processSemiSpaceMiB, startWorker } from './workerHeap.ts';

const MiB = 2 ** 20;

// A worker that churns through short-lived objects until its young generation has grown to its
// maximum, then posts the new space's size (two semi-spaces) and exits.
const CHURN = new URL(
  `data:text/javascript,${encodeURIComponent(`
    import v8 from 'node:v8';
    import { parentPort } from 'node:worker_threads';
    let keep = [];
    for (let i = 0; i < 3e6; i++) { keep.push({ i }); if (keep.length > 4e5) keep = []; }
    parentPort.postMessage(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);
  `)}`,
);

function newSpaceOf(worker: Worker): Promise<number> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

describe('startWorker', () => {
  it("gives the worker's isolate the semi-space asked for and leaves later workers at the process's", async () => {
    const small = await newSpaceOf(startWorker(CHURN, {}, 2));
    expect(small).toBe(2 * 2 * MiB);
    // The flag is back to the process's value (none under `npm test`: V8's default, 16 MiB
    // semi-spaces on 64-bit), so a plain worker started afterwards grows past 4 MiB.
    const plain = await newSpaceOf(new Worker(CHURN));
    expect(plain).toBeGreaterThan(2 * 2 * MiB);
    expect(plain).toBe(2 * (processSemiSpaceMiB() || 16) * MiB);
  });

  it('does not resize the isolate that starts the worker', async () => {
    const before = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size;
    await newSpaceOf(startWorker(CHURN, {}, 1));
    let keep: object[] = [];
    for (let i = 0; i < 3e6; i++) {
      keep.push({ i });
      if (keep.length > 4e5) keep = [];
    }
    expect(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size).toBeGreaterThanOrEqual(before);
    expect(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size).toBeGreaterThan(2 * 1 * MiB);
  });

  it('rejects a size that is not a positive integer', () => {
    expect(() => startWorker(CHURN, {}, 0)).toThrow(RangeError);
    expect(() => startWorker(CHURN, {}, 2.5)).toThrow(/positive integer/);
  });
});

describe('processSemiSpaceMiB', () => {
  it('reads the flag from the command line, then NODE_OPTIONS, else 0', () => {
    expect(processSemiSpaceMiB(['--max-semi-space-size=32', '--import', 'tsx'], '')).toBe(32);
    expect(processSemiSpaceMiB(['--import', 'tsx'], '--max-old-space-size=4096 --max-semi-space-size 64')).toBe(64);
    expect(processSemiSpaceMiB(['--max-semi-space-size=32'], '--max-semi-space-size=64')).toBe(32);
    expect(processSemiSpaceMiB([], '')).toBe(0);
  });
});
