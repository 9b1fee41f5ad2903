/**
 * What this machine costs right now, printed beside the bench figures that are absolute
 * (single registrations per second, latency) so that runs on a machine whose speed drifts can
 * be read side by side:
 * - `cpuNs`: nanoseconds per step of a fixed integer loop (median of 7 runs) — the CPU's pace;
 * - `freshPageUs`: microseconds for the first write to each 4 KiB page of newly allocated
 *   memory (64 MiB), i.e. one page fault with its zeroing — what every page a process newly
 *   touches costs (V8 heap growth, malloc arenas, SQLite's page cache);
 * - `residentPageUs`: the same writes again, to pages already present;
 * - `memoryNs`: nanoseconds per step of a pointer chase through 16 MiB in random order (each
 *   step a cache miss) — the pace of memory, which drifts with the neighbours' load on a shared
 *   host more than the integer loop does (the look-ups and statistics follow it).
 * Measured on the 2-core bench VM (BENCHMARKS.md): a fresh page costs 12–17 µs there against
 * about 0.2 µs on bare-metal Linux, which is why memory a process touches for the first time
 * shows in its latency.
 */
import fs from 'node:fs';

export interface MachineProbe {
  readonly cpuNs: number;
  readonly freshPageUs: number;
  readonly residentPageUs: number;
  readonly memoryNs: number;
}

const PAGE = 4096;

function loop(steps: number): number {
  let x = 0;
  for (let i = 0; i < steps; i++) x = (x * 31 + i) | 0;
  return x;
}

/** Measure now (about 0.5 s). */
export function probeMachine(): MachineProbe {
  const steps = 2_000_000;
  const runs: number[] = [];
  let sink = 0;
  for (let r = 0; r < 7; r++) {
    const t = performance.now();
    sink ^= loop(steps);
    runs.push(((performance.now() - t) * 1e6) / steps);
  }
  runs.sort((a, b) => a - b);
  // 64 MiB is above malloc's mmap threshold: the buffer is a fresh mapping, untouched until written.
  const size = 64 * 1024 * 1024;
  const bytes = new Uint8Array(new ArrayBuffer(size));
  const pages = size / PAGE;
  let t = performance.now();
  for (let i = 0; i < size; i += PAGE) bytes[i] = 1;
  const freshPageUs = ((performance.now() - t) * 1000) / pages;
  t = performance.now();
  for (let i = 0; i < size; i += PAGE) bytes[i] = (bytes[i]! + sink) & 0xff;
  const residentPageUs = ((performance.now() - t) * 1000) / pages;
  // One cycle through 4 Mi slots (Sattolo's algorithm, a fixed seed), followed step by step.
  const slots = 4 * 1024 * 1024;
  const next = new Int32Array(bytes.buffer, 0, slots);
  for (let i = 0; i < slots; i++) next[i] = i;
  let seed = 12345;
  for (let i = slots - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const j = seed % i;
    const x = next[i]!;
    next[i] = next[j]!;
    next[j] = x;
  }
  const chase = 2_000_000;
  let at = 0;
  t = performance.now();
  for (let i = 0; i < chase; i++) at = next[at]!;
  const memoryNs = ((performance.now() - t) * 1e6) / chase;
  // Use the chase's end so the compiler cannot drop the loop.
  if (at < 0) throw new Error('machine probe: pointer chase left the cycle');
  return { cpuNs: runs[3]!, freshPageUs, residentPageUs, memoryNs };
}

/** One line for the bench log. */
export function describeProbe(p: MachineProbe): string {
  return `machine now: ${p.cpuNs.toFixed(2)} ns per loop step, ${p.memoryNs.toFixed(1)} ns per random memory read, ${p.freshPageUs.toFixed(2)} µs per newly touched 4 KiB page (${p.residentPageUs.toFixed(3)} µs resident)`;
}

/** Page faults (minor + major) this process has taken so far, or null where /proc is not available. */
export function pageFaults(): number | null {
  try {
    // /proc/self/stat: fields after "(comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt …
    const f = fs.readFileSync('/proc/self/stat', 'latin1').split(') ')[1]!.split(' ');
    return Number(f[7]) + Number(f[9]);
  } catch {
    return null;
  }
}
