import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { pageFaults } from '../bench/machineProbe.ts';
import { ProcessLauncher } from '../bench/processLauncher.ts';

/** Page faults of this process so far (Linux /proc; the test below runs only there). */
const faults = () => pageFaults()!;
const PAGES = 16_384; // 64 MiB
const buffer = Buffer.alloc(PAGES * 4096, 1);
/** Write one byte of every page of `buffer`; returns the page faults that took. */
function rewrite(): number {
  const before = faults();
  for (let i = 0; i < buffer.length; i += 4096) buffer[i]! += 1;
  return faults() - before;
}

describe('ProcessLauncher (bench)', () => {
  const launcher = new ProcessLauncher();
  afterAll(() => launcher.close());

  it('runs a command with extra environment and returns its exit code and output', async () => {
    const r = await launcher.run(process.execPath, ['-e', 'console.log(process.env.GZ_LAUNCH_TEST); console.error("e"); process.exit(3)'], { GZ_LAUNCH_TEST: '共治' });
    expect(r).toMatchObject({ code: 3, out: '共治\n', err: 'e\n' });
    expect(r.seconds).toBeGreaterThan(0);
  });

  it('reports a command that cannot start', async () => {
    const r = await launcher.run('/nonexistent/command', []);
    expect(r.code).toBeNull();
    expect(r.err).toMatch(/ENOENT/);
  });

  it.runIf(process.platform === 'linux')('leaves the pages of this process alone, where spawning from it write-protects every one', async () => {
    rewrite();
    await launcher.run('/bin/true', []);
    expect(rewrite()).toBeLessThan(PAGES / 10);
    // The cost it avoids: after a fork of this process each page written takes a fault.
    await new Promise((resolve) => spawn('/bin/true').on('exit', resolve));
    expect(rewrite()).toBeGreaterThanOrEqual(PAGES);
  });
});
