/**
 * Starts a bench's child processes (load generators, the CLI) from a small helper process
 * (bench/launcher.mjs) instead of from the process under test.
 *
 * Why: `fork()` — which Node's `child_process.spawn` uses on Linux — marks every private page
 * of the parent copy-on-write; once the child has exec'd, the parent's next write to each of
 * those pages takes a page fault. On this VM a page fault costs 13–38 µs: a process that had
 * written 512 MiB took 131,072 faults (2.2 s) to write them again after spawning `/bin/true`.
 * A bench server that spawned its own load generator paid that for its whole heap and page
 * cache at the start of every leg (BENCHMARKS.md, "Ingest", sixth session). A server does not
 * fork while it serves; the launcher is forked once, while the bench process is still small.
 */
import { fork, type ChildProcess } from 'node:child_process';

/** Outcome of one command: exit code (null if killed or not started), stdout, stderr, wall seconds. */
export interface Launched {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
  readonly seconds: number;
}

export class ProcessLauncher {
  readonly #child: ChildProcess;
  readonly #waiting = new Map<number, (r: Launched) => void>();
  #next = 0;

  /** Fork the launcher now (call it before the process under test grows). */
  constructor() {
    this.#child = fork(new URL('./launcher.mjs', import.meta.url), [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.#child.on('message', (m: Launched & { id: number }) => {
      const resolve = this.#waiting.get(m.id);
      this.#waiting.delete(m.id);
      if (this.#waiting.size === 0) this.#hold(false);
      resolve?.({ code: m.code, out: m.out, err: m.err, seconds: m.seconds });
    });
    this.#hold(false);
    this.#child.on('exit', () => {
      for (const resolve of this.#waiting.values()) resolve({ code: null, out: '', err: 'the bench launcher exited', seconds: 0 });
      this.#waiting.clear();
    });
  }

  /** Run `command args…` with `env` added to this process's environment; resolves when it has exited. */
  run(command: string, args: readonly string[], env: Record<string, string> = {}): Promise<Launched> {
    const id = this.#next++;
    return new Promise((resolve) => {
      this.#waiting.set(id, resolve);
      this.#hold(true);
      this.#child.send({ id, command, args, env });
    });
  }

  /** Keep this process alive while a command runs, not while the launcher idles. */
  #hold(on: boolean): void {
    if (on) {
      this.#child.ref();
      this.#child.channel?.ref();
    } else {
      this.#child.unref();
      this.#child.channel?.unref();
    }
  }

  /** Let the launcher exit. */
  close(): void {
    this.#child.disconnect();
  }
}
