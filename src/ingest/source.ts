/**
 * Plumbing shared by the readers: opening an input as byte chunks, and turning a generator of
 * row arrays into a `RowSource`.
 */
import fs from 'node:fs';
import { AppError } from '../core/errors.ts';
import { IngestErrors } from './errors.ts';
import type { ReadProgress, RowSource, SourceMeta, SourceRow } from './types.ts';

/** What readers accept: a file path, the bytes themselves, or any stream/iterable of bytes. */
export type ByteInput = string | Uint8Array | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array>;

/**
 * Read size for files: 64 KiB. The text decoded from one piece (≤ 128 KiB even as UTF-16) then
 * stays in V8's young generation, where the cells sliced from it die cheaply; 1 MiB pieces
 * decode to large-object-space strings and made CSV reading 2-3× slower here (GC-bound).
 */
export const READ_CHUNK_BYTES = 1 << 16;

/**
 * Read a file in READ_CHUNK_BYTES pieces into ONE reused buffer: no allocation (and no page
 * faults) per piece. Each yielded view is valid only until the next piece is requested.
 */
async function* reusedFileChunks(file: string): AsyncGenerator<Buffer> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}

/**
 * Open an input as an async iterable of Buffers plus its total size when known.
 * @param reuse for a path: yield views of one reused buffer (the consumer must copy what it keeps).
 * @throws AppError INGEST_SOURCE_UNREADABLE when a path does not name a readable file.
 */
export function openBytes(input: ByteInput, reuse = false): { chunks: AsyncIterable<Buffer>; totalBytes: number | undefined } {
  if (typeof input === 'string') {
    let size: number;
    try {
      const st = fs.statSync(input);
      if (!st.isFile()) throw new Error('not a regular file');
      fs.accessSync(input, fs.constants.R_OK);
      size = st.size;
    } catch (e) {
      throw new AppError(IngestErrors.INGEST_SOURCE_UNREADABLE, { reason: `${input}: ${e instanceof Error ? e.message : String(e)}` });
    }
    return { chunks: reuse ? reusedFileChunks(input) : (fs.createReadStream(input, { highWaterMark: READ_CHUNK_BYTES }) as AsyncIterable<Buffer>), totalBytes: size };
  }
  if (input instanceof Uint8Array) {
    const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    return { chunks: (async function* () { yield buf; })(), totalBytes: buf.length };
  }
  const source = input;
  return {
    chunks: (async function* () {
      for await (const c of source as AsyncIterable<Uint8Array | string>) yield typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    })(),
    totalBytes: undefined,
  };
}

/**
 * Wrap a generator of row arrays as a `RowSource`.
 * @param produce called once, when iteration starts.
 */
export function makeRowSource(meta: SourceMeta, produce: () => AsyncIterable<readonly SourceRow[]>, progress: () => ReadProgress): RowSource {
  let started = false;
  const chunks = (): AsyncIterable<readonly SourceRow[]> => {
    if (started) throw new Error('a row source can be iterated only once');
    started = true;
    return produce();
  };
  return {
    meta,
    chunks,
    progress,
    async *[Symbol.asyncIterator]() {
      for await (const chunk of chunks()) yield* chunk;
    },
  };
}
