/**
 * Phase timings of a matching run, for benchmarks and operations logs: wall-clock time
 * (`performance.now`) and process CPU time (`process.cpuUsage`, user + system, all threads of
 * the process, so garbage-collector helper threads are included) per phase, in milliseconds.
 */

/** Time spent in one phase. */
export interface PhaseTime {
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** Phases of `resolve`, in order. */
export type ResolvePhase = 'features' | 'blocking' | 'compare' | 'fit' | 'score' | 'rank';

/** Timings of the phases that ran. */
export type ResolveTimings = Partial<Readonly<Record<ResolvePhase, PhaseTime>>>;

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** A stopwatch that records the time since its last lap under a phase name. */
export class PhaseClock {
  private wall = performance.now();
  private cpu = cpuNow();
  readonly laps: Partial<Record<ResolvePhase, PhaseTime>> = {};

  /** Record the time since the previous lap (or creation) as `phase` (added to any earlier time of it). */
  lap(phase: ResolvePhase): void {
    const wall = performance.now();
    const cpu = cpuNow();
    const before = this.laps[phase];
    this.laps[phase] = { wallMs: (before?.wallMs ?? 0) + wall - this.wall, cpuMs: (before?.cpuMs ?? 0) + cpu - this.cpu };
    this.wall = wall;
    this.cpu = cpu;
  }
}
