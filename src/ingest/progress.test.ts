import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgressBar } from './progress.ts';

function stream(isTTY: boolean) {
  const s = new PassThrough() as PassThrough & { isTTY?: boolean; columns?: number };
  s.isTTY = isTTY;
  s.columns = 160;
  let text = '';
  s.on('data', (c: Buffer) => (text += c.toString()));
  return { s, text: () => text };
}

describe('progress bar', () => {
  it('writes rows, rows/s, ETA and rejects to a TTY', () => {
    const { s, text } = stream(true);
    const bar = createProgressBar({ stream: s, label: 'parcels.csv' });
    expect(bar.enabled).toBe(true);
    bar.update({ rowsRead: 5000, accepted: 4990, rejected: 10, elapsedMs: 1000, bytesRead: 500, totalBytes: 1000 });
    bar.stop();
    const out = text();
    expect(out).toContain('parcels.csv');
    expect(out).toContain('50%');
    expect(out).toContain('5,000 rows');
    expect(out).toContain('5,000 rows/s');
    expect(out).toContain('rejects 10');
    expect(out).toContain('ETA');
  });

  it('shows rows without a percentage when the input size is unknown (a pipe)', () => {
    const { s, text } = stream(true);
    const bar = createProgressBar({ stream: s });
    bar.update({ rowsRead: 1200, accepted: 1200, rejected: 0, elapsedMs: 2000 });
    bar.stop();
    expect(text()).toContain('1,200 rows | 600 rows/s | rejects 0');
    expect(text()).not.toContain('%');
  });

  it('is silent when the stream is not a TTY or when quiet', () => {
    for (const [tty, quiet] of [
      [false, false],
      [true, true],
    ] as const) {
      const { s, text } = stream(tty);
      const bar = createProgressBar({ stream: s, quiet });
      expect(bar.enabled).toBe(false);
      bar.update({ rowsRead: 1, accepted: 1, rejected: 0, elapsedMs: 1 });
      bar.stop();
      expect(text()).toBe('');
    }
  });
});
