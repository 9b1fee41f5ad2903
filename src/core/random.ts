/**
 * Mulberry32 (Tommy Ettinger, public domain): a small seeded PRNG returning doubles in [0, 1)
 * with 32 bits of randomness. Same seed → same sequence on every machine (32-bit integer
 * arithmetic only). For reproducible sampling in engines, demo sets and benchmarks; not for
 * secrets (use node:crypto). The demo generator's richer sfc32 `Rng` lives in src/demo/prng.ts.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
