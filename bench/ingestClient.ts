/**
 * Load generator for bench/ingest.ts, run as a separate process so that clients and server do
 * not share one event loop: `node --import tsx bench/ingestClient.ts URL COOKIE MODE CONCURRENCY
 * RECORDS SEED [RATE]` with MODE 'batch' (100 records per POST /api/parcels/batch) or 'single' (one
 * POST /api/parcels per record). Without RATE the clients are closed-loop (each sends its next
 * request when the last one is answered). With RATE (records per second) the load is
 * open-loop: request i is due at i × per / RATE seconds whatever the answers, at most
 * CONCURRENCY in flight, and its latency counts from when it was due (no coordinated omission). Prints one JSON line: requests, records, ok, seconds, latency
 * percentiles in ms. Requests go through node:http with a keep-alive agent (one socket per
 * client), not fetch: undici's fetch costs the client several times the CPU, and client and
 * server share this machine's two cores.
 */
import http from 'node:http';
import { generateParcels } from '../src/demo/parcels.ts';

const [url, cookie, mode, concurrencyText, recordsText, seedText, rateText] = process.argv.slice(2);
const rate = rateText ? Number(rateText) : 0;
const concurrency = Number(concurrencyText);
const total = Number(recordsText);
const per = mode === 'batch' ? 100 : 1;
const records = [...generateParcels({ count: total, seed: Number(seedText) })];
const bodies: string[] = [];
for (let i = 0; i < records.length; i += per) {
  bodies.push(per === 1 ? JSON.stringify(records[i]) : JSON.stringify({ records: records.slice(i, i + per) }));
}
const target = new URL(`${url}${mode === 'batch' ? '/api/parcels/batch' : '/api/parcels'}`);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

/** POST one JSON body; resolves with the status and the parsed answer. */
function post(body: string): Promise<{ status: number; json: { accepted?: number; ok?: boolean } }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie: cookie! } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
const latencies: number[] = [];
let next = 0;
let ok = 0;
let failed = 0;

async function worker(): Promise<void> {
  while (next < bodies.length) {
    const body = bodies[next++]!;
    const t = performance.now();
    const { status, json } = await post(body);
    latencies.push(performance.now() - t);
    if (status >= 500) failed += 1;
    ok += per === 1 ? (json.ok ? 1 : 0) : (json.accepted ?? 0);
  }
}

/** Open-loop: request i is due at started + i × interval; latency from the due time. */
async function openLoop(started: number): Promise<void> {
  const interval = (per / rate) * 1000;
  let inFlight = 0;
  const done: Promise<void>[] = [];
  let wake: (() => void) | null = null;
  for (let i = 0; i < bodies.length; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    while (inFlight >= concurrency) await new Promise<void>((r) => (wake = r));
    inFlight += 1;
    done.push(
      post(bodies[i]!).then(({ status, json }) => {
        latencies.push(performance.now() - due);
        if (status >= 500) failed += 1;
        ok += per === 1 ? (json.ok ? 1 : 0) : (json.accepted ?? 0);
        inFlight -= 1;
        const w = wake;
        wake = null;
        w?.();
      }),
    );
  }
  await Promise.all(done);
}

const started = performance.now();
if (rate > 0) await openLoop(started);
else await Promise.all(Array.from({ length: concurrency }, () => worker()));
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! * 10) / 10;
agent.destroy();
process.stdout.write(JSON.stringify({ mode, rate, requests: bodies.length, records: total, ok, failed, seconds, p50: pct(50), p99: pct(99), max: pct(100) }) + '\n');
