/**
 * Load generator for bench/ingest.ts, run as a separate process so that clients and server do
 * not share one event loop: `node --import tsx bench/ingestClient.ts URL COOKIE MODE CONCURRENCY
 * RECORDS SEED [RATE] [LIVE_AT]` with MODE 'batch' (100 records per POST /api/parcels/batch) or 'single' (one
 * POST /api/parcels per record). Without RATE the clients are closed-loop (each sends its next
 * request when the last one is answered). With RATE (records per second) the load is
 * open-loop: request i is due at i × per / RATE seconds whatever the answers, at most
 * CONCURRENCY in flight, and its latency counts from when it was due (no coordinated omission).
 * With LIVE_AT (an ISO instant: the server's clock) the records are a live stream (bench/liveStream.ts).
 * Prints one JSON line: requests, records, ok, seconds, latency percentiles in ms (open-loop: also
 * the p99 of the requests due after the first second), and the
 * client's own CPU µs per request.
 *
 * The client must cost little CPU: it shares this machine's two cores with the server it
 * measures (a load generator like wrk runs on its own machine). So each client is one
 * keep-alive TCP connection (node:net) that writes requests built in advance — request line,
 * headers and body in one buffer — and reads answers with a minimal HTTP/1.1 response reader
 * (status line, Content-Length, body). Measured on this machine: node:http's client took
 * about 110 µs of CPU per request, undici's fetch several times that; this one about 15 µs.
 */
import net from 'node:net';
import { generateParcels } from '../src/demo/parcels.ts';
import { live } from './liveStream.ts';

const [url, cookie, mode, concurrencyText, recordsText, seedText, rateText, liveText] = process.argv.slice(2);
const rate = rateText ? Number(rateText) : 0;
const concurrency = Number(concurrencyText);
const total = Number(recordsText);
const per = mode === 'batch' ? 100 : 1;
const target = new URL(`${url}${mode === 'batch' ? '/api/parcels/batch' : '/api/parcels'}`);
const requests: Buffer[] = [];
{
  const records = [...generateParcels({ count: total, seed: Number(seedText) })];
  if (liveText) live(records, new Date(liveText));
  for (let i = 0; i < records.length; i += per) {
    const body = Buffer.from(per === 1 ? JSON.stringify(records[i]) : JSON.stringify({ records: records.slice(i, i + per) }), 'utf8');
    const head = `POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nCookie: ${cookie}\r\n\r\n`;
    requests.push(Buffer.concat([Buffer.from(head, 'latin1'), body]));
  }
}

interface Answer { status: number; body: Buffer }
const HEADER_END = Buffer.from('\r\n\r\n');

/** One keep-alive HTTP/1.1 connection with one request in flight at a time. */
class Connection {
  private readonly socket: net.Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (a: Answer) => void; reject: (e: Error) => void } | null = null;
  readonly ready: Promise<void>;

  constructor(host: string, port: number) {
    this.socket = net.connect({ host, port });
    this.socket.setNoDelay(true);
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('error', reject);
    });
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    this.socket.on('error', (e) => this.waiting?.reject(e));
    this.socket.on('close', () => this.waiting?.reject(new Error('connection closed by the server')));
  }

  send(request: Buffer): Promise<Answer> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(request);
    });
  }

  /** Parse as many complete responses as the buffer holds (Content-Length framing only). */
  private read(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const end = this.buffer.indexOf(HEADER_END);
    if (end < 0) return;
    const head = this.buffer.toString('latin1', 0, end);
    const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!m) throw new Error(`response without Content-Length: ${head.slice(0, 200)}`);
    const size = end + 4 + Number(m[1]);
    if (this.buffer.length < size) return;
    const answer = { status: Number(head.slice(9, 12)), body: this.buffer.subarray(end + 4, size) };
    this.buffer = this.buffer.subarray(size);
    const w = this.waiting;
    this.waiting = null;
    w?.resolve(answer);
  }

  close(): void {
    this.socket.destroy();
  }
}

const connections = Array.from({ length: concurrency }, () => new Connection(target.hostname, Number(target.port)));
await Promise.all(connections.map((c) => c.ready));
const latencies: number[] = [];
/** Open-loop latencies of the requests due after the first second (printed beside the whole leg's). */
const afterFirstSecond: number[] = [];
/** GONGZHI_BENCH_TRACE=FILE: write [due ms, latency ms] of every open-loop request to FILE. */
const trace: Array<[number, number]> | null = process.env.GONGZHI_BENCH_TRACE ? [] : null;
let ok = 0;
let failed = 0;

function count(a: Answer): void {
  if (a.status >= 500) failed += 1;
  if (per === 1) ok += a.status === 201 ? 1 : 0;
  else if (a.status === 200) ok += (JSON.parse(a.body.toString('utf8')) as { accepted: number }).accepted;
}

/** Closed-loop: each connection sends its next request when the last one is answered. */
async function closedLoop(): Promise<void> {
  let next = 0;
  await Promise.all(
    connections.map(async (c) => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const t = performance.now();
        const a = await c.send(request);
        latencies.push(performance.now() - t);
        count(a);
      }
    }),
  );
}

/** Open-loop: request i is due at started + i × interval; latency from the due time. */
async function openLoop(started: number): Promise<void> {
  const interval = (per / rate) * 1000;
  const idle = [...connections];
  const done: Promise<void>[] = [];
  let wake: (() => void) | null = null;
  for (let i = 0; i < requests.length; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    while (idle.length === 0) await new Promise<void>((r) => (wake = r));
    const c = idle.pop()!;
    done.push(
      c.send(requests[i]!).then((a) => {
        latencies.push(performance.now() - due);
        if (due - started >= 1000) afterFirstSecond.push(performance.now() - due);
        trace?.push([Math.round(due - started), Math.round(performance.now() - due)]);
        count(a);
        idle.push(c);
        const w = wake;
        wake = null;
        w?.();
      }),
    );
  }
  await Promise.all(done);
}

const cpu0 = process.cpuUsage();
const started = performance.now();
if (rate > 0) await openLoop(started);
else await closedLoop();
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpu0);
for (const c of connections) c.close();
if (trace) (await import('node:fs')).writeFileSync(process.env.GONGZHI_BENCH_TRACE!, JSON.stringify(trace));
latencies.sort((a, b) => a - b);
afterFirstSecond.sort((a, b) => a - b);
const pctOf = (xs: number[], p: number) => (xs.length === 0 ? null : Math.round(xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! * 10) / 10);
const pct = (p: number) => pctOf(latencies, p);
const clientCpuUs = Math.round((cpu.user + cpu.system) / requests.length);
process.stdout.write(JSON.stringify({ mode, rate, requests: requests.length, records: total, ok, failed, seconds, p50: pct(50), p99: pct(99), max: pct(100), p99AfterFirstSecond: pctOf(afterFirstSecond, 99), clientCpuUs }) + '\n');
