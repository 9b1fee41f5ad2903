/**
 * The parcel network of the leads application (issue 3 item 4), built with the graph engine from
 * the `parcels` table and cached per database until parcels change.
 *
 * Nodes are persons as the parcel data identifies them: one phone number = one node, keyed
 * `ph:<blind index>` (the HMAC index stored in `parcels`, never the number). Relations:
 * - `parcel`: sender phone → receiver phone, directed, one record per parcel (weight = parcels,
 *   first/last time, evidence = parcel ids; flagged parcels are known per id);
 * - `shared_id`: two phones used by senders with one ID number (one ID number behind several
 *   phones or names), undirected, evidence = the first parcel of each phone under that ID;
 * - `shared_address`: two phones registered at one address (sender or receiver side, exact text
 *   after whitespace folding), undirected; an address used by more than SHARED_ADDRESS_MAX
 *   phones (a company building, a parcel locker) links nobody.
 * A phone used by senders with several ID numbers (a shared phone) is one node by construction;
 * `idsBehind` counts the ID numbers seen behind it.
 */
import { sql } from 'kysely';
import type { PlatformContext } from '../../platform/module.ts';
import type { Database } from '../../store/database.ts';
import { GraphBuilder, type Graph } from '../../engines/graph/index.ts';

/** An address shared by more phones than this is not a relation between persons. */
export const SHARED_ADDRESS_MAX = 8;
const BATCH = 20_000;

/** The built network with what the app keeps beside the engine's graph. */
export interface ParcelNetwork {
  readonly graph: Graph;
  /** Parcel ids whose item description was flagged by the prohibited-item screening. */
  readonly flagged: ReadonlySet<number>;
  /** Per node: a parcel that shows the node (for its masked name and phone) and on which side. */
  readonly sampleParcel: Uint32Array;
  readonly sampleSide: Uint8Array;
  /** Per node: distinct sender ID numbers seen with this phone. */
  readonly idsBehind: Uint16Array;
  /** Phone nodes used with a sender ID key (`id:<blind index>`) and the first parcel of each; undefined when unknown. */
  phonesOf(personKey: string): { readonly nodes: readonly number[]; readonly parcels: readonly number[] } | undefined;
  /** Parcels read and skipped (no valid phone on one side). */
  readonly parcels: number;
  readonly skipped: number;
  /** `${count}:${maxId}` of parcels when built. */
  readonly signature: string;
  readonly builtAt: string;
  readonly buildMs: number;
}

interface Row { id: number | string; at: string | Date; sp: string | null; rp: string | null; sid: string | null; spr: string | null; rpr: string | null; sa: string; ra: string; fl: number | string }

const cache = new WeakMap<Database, ParcelNetwork>();
const pending = new WeakMap<Database, Promise<ParcelNetwork>>();

async function signatureOf(d: Database): Promise<string> {
  const r = (await sql<{ n: number | string; m: number | string | null }>`select count(*) as n, max(id) as m from parcels`.execute(d.db)).rows[0]!;
  return `${Number(r.n)}:${Number(r.m ?? 0)}`;
}

/**
 * 53-bit hash of an address with whitespace removed: two 32-bit FNV-1a variants (offset bases
 * 2166136261 and 0x01000193 ^ 0x5bd1e995), 32 + 21 bits. Numbers as keys keep the per-address map
 * free of string allocations; two distinct addresses collide with probability ≈ 2⁻⁵³ per pair.
 */
function addressHash(a: string): number {
  let h1 = 0x811c9dc5, h2 = 0x5ad0f8a6;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000) continue;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 15);
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

class Growing {
  a: Uint32Array = new Uint32Array(1024);
  set(i: number, v: number): void {
    if (i >= this.a.length) { const b = new Uint32Array(Math.max(i + 1, this.a.length * 2)); b.set(this.a); this.a = b; }
    this.a[i] = v;
  }
  get(i: number): number { return i < this.a.length ? this.a[i]! : 0; }
}

/** Read every parcel once (keyset pages of BATCH rows by id) and build the network. */
async function build(d: Database, signature: string, now: Date): Promise<ParcelNetwork> {
  const t0 = performance.now();
  const b = new GraphBuilder(Number(signature.split(':')[0]) || 1024);
  const flagged = new Set<number>();
  const sample = new Growing();
  const side = new Growing();
  const idCount = new Growing();
  /** Phone node → its first sender ID key (the idsBehind count needs a second one to differ). */
  const firstIdOfPhone = new Map<number, string>();
  const idsOfShared = new Map<number, Set<string>>();
  const firstPhone = new Map<string, number>();
  const firstPhoneParcel = new Map<string, number>();
  const morePhones = new Map<string, { nodes: number[]; parcels: number[] }>();
  const firstAtAddress = new Map<number, number>();
  const moreAtAddress = new Map<number, number[]>();
  const parcelAtAddress = new Map<number, number>();
  let last = 0, parcels = 0, skipped = 0;
  const seen = (n: number, parcel: number, s: number) => { if (sample.get(n) === 0) { sample.set(n, parcel); side.set(n, s); } };
  const atAddress = (address: string, n: number, parcel: number) => {
    const k = addressHash(address);
    const first = firstAtAddress.get(k);
    if (first === undefined) { firstAtAddress.set(k, n); parcelAtAddress.set(k, parcel); return; }
    if (first === n) return;
    let list = moreAtAddress.get(k);
    if (!list) moreAtAddress.set(k, (list = [first, parcelAtAddress.get(k)!]));
    if (list.length > 2 * SHARED_ADDRESS_MAX) return;
    for (let i = 0; i < list.length; i += 2) if (list[i] === n) return;
    list.push(n, parcel);
  };
  for (;;) {
    const rows = (await sql<Row>`select id, accepted_at as at, cast(sender_phone_bidx as text) as sp, cast(receiver_phone_bidx as text) as rp,
        cast(sender_id_bidx as text) as sid, sender_province as spr, receiver_province as rpr, sender_address as sa, receiver_address as ra,
        case when flagged_terms is null then 0 else 1 end as fl
      from parcels where id > ${last} order by id limit ${BATCH}`.execute(d.db)).rows;
    if (rows.length === 0) break;
    for (const r of rows) {
      const id = Number(r.id);
      last = id;
      parcels++;
      if (!r.sp || !r.rp) { skipped++; continue; }
      const s = b.addNode(`ph:${r.sp}`, { province: r.spr ?? undefined });
      const t = b.addNode(`ph:${r.rp}`, { province: r.rpr ?? undefined });
      seen(s, id, 0);
      seen(t, id, 1);
      if (Number(r.fl) === 1) flagged.add(id);
      b.addEdgeByIndex(s, t, { kind: 'parcel', time: Math.floor(new Date(r.at).getTime() / 1000), evidence: id });
      atAddress(r.sa, s, id);
      atAddress(r.ra, t, id);
      if (r.sid) {
        const idKey = r.sid;
        const phone = firstPhone.get(idKey);
        if (phone === undefined) { firstPhone.set(idKey, s); firstPhoneParcel.set(idKey, id); }
        else if (phone !== s) {
          let p = morePhones.get(idKey);
          if (!p) morePhones.set(idKey, (p = { nodes: [phone], parcels: [firstPhoneParcel.get(idKey)!] }));
          if (!p.nodes.includes(s)) { p.nodes.push(s); p.parcels.push(id); }
        }
        const first = firstIdOfPhone.get(s);
        if (first === undefined) { firstIdOfPhone.set(s, idKey); idCount.set(s, 1); }
        else if (first !== idKey) {
          let ids = idsOfShared.get(s);
          if (!ids) idsOfShared.set(s, (ids = new Set([first])));
          ids.add(idKey);
          idCount.set(s, Math.min(ids.size, 65_535));
        }
      }
    }
  }
  for (const p of morePhones.values()) {
    for (let i = 1; i < p.nodes.length; i++) b.addEdgeByIndex(p.nodes[0]!, p.nodes[i]!, { kind: 'shared_id', directed: false, evidence: [p.parcels[0]!, p.parcels[i]!] });
  }
  for (const list of moreAtAddress.values()) {
    if (list.length < 4 || list.length > 2 * SHARED_ADDRESS_MAX) continue;
    for (let i = 2; i < list.length; i += 2) b.addEdgeByIndex(list[0]!, list[i]!, { kind: 'shared_address', directed: false, evidence: [list[1]!, list[i + 1]!] });
  }
  const graph = b.build();
  const N = graph.nodeCount;
  const idsBehind = new Uint16Array(N);
  for (let n = 0; n < N; n++) idsBehind[n] = idCount.get(n);
  return {
    graph, flagged, sampleParcel: sample.a.slice(0, N), sampleSide: Uint8Array.from(side.a.slice(0, N)), idsBehind,
    phonesOf(personKey) {
      const k = personKey.startsWith('id:') ? personKey.slice(3) : personKey;
      const more = morePhones.get(k);
      if (more) return more;
      const n = firstPhone.get(k);
      return n === undefined ? undefined : { nodes: [n], parcels: [firstPhoneParcel.get(k)!] };
    },
    parcels, skipped, signature, builtAt: now.toISOString(), buildMs: performance.now() - t0,
  };
}

/**
 * The network of the platform's parcels: built on first use and again whenever the parcels'
 * count or highest id changed; concurrent callers share one build. Memory: the engine's typed
 * arrays plus one map entry per sender ID number and per distinct address.
 */
export async function parcelNetwork(ctx: PlatformContext): Promise<ParcelNetwork> {
  const d = ctx.database;
  const signature = await signatureOf(d);
  const cached = cache.get(d);
  if (cached && cached.signature === signature) return cached;
  const running = pending.get(d);
  if (running) return running;
  const job = build(d, signature, ctx.now()).then((n) => { cache.set(d, n); return n; }).finally(() => pending.delete(d));
  pending.set(d, job);
  return job;
}
