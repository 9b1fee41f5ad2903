/**
 * The import progress bar (cli-progress) on stderr: percentage of bytes read and ETA when the
 * input size is known, rows, rows/s and rejects. Disabled — nothing is written — when the stream
 * is not a TTY (pipes, CI logs) or when `quiet`.
 */
import cliProgress from 'cli-progress';
import type { PipelineProgress } from './pipeline.ts';

export interface ProgressBarOptions {
  readonly quiet?: boolean;
  /** Default process.stderr. */
  readonly stream?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Text before the bar, e.g. the file name. */
  readonly label?: string;
}

export interface ProgressBar {
  readonly enabled: boolean;
  /** Pass as the pipeline's `onProgress`. */
  update(p: PipelineProgress): void;
  stop(): void;
}

/** Create the bar; returns a no-op bar when disabled. */
export function createProgressBar(options: ProgressBarOptions = {}): ProgressBar {
  const stream = options.stream ?? process.stderr;
  if (options.quiet || stream.isTTY !== true) return { enabled: false, update: () => undefined, stop: () => undefined };
  let bar: cliProgress.SingleBar | null = null;
  const payload = (p: PipelineProgress) => ({
    label: options.label ?? '',
    rows: p.rowsRead.toLocaleString('en'),
    rate: Math.round(p.elapsedMs > 0 ? (p.rowsRead * 1000) / p.elapsedMs : 0).toLocaleString('en'),
    rejects: p.rejected.toLocaleString('en'),
  });
  return {
    enabled: true,
    update(p) {
      if (bar === null) {
        const sized = p.totalBytes !== undefined && p.totalBytes > 0;
        const format = sized
          ? '{label} {bar} {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted} | rejects {rejects}'
          : '{label} {rows} rows | {rate} rows/s | rejects {rejects}';
        bar = new cliProgress.SingleBar({ stream: stream as NodeJS.WriteStream, format, hideCursor: true, etaBuffer: 20, fps: 5, barsize: 24 }, cliProgress.Presets.shades_classic);
        bar.start(sized ? p.totalBytes! : 0, 0, payload(p));
      }
      bar.update(p.bytesRead ?? 0, payload(p));
    },
    stop() {
      bar?.stop();
    },
  };
}
