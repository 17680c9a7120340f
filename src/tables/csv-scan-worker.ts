// The second thread of a large UTF-8 CSV read (scan-csv-in-worker.ts): reads the file,
// hashes it, checks it is UTF-8 and splits it into record batches (csv-bytes.ts), handing
// each batch over without copying. It only finds where records and fields are; every
// reading of a value, and everything that depends on the order of rows, stays in the
// thread that evaluates them, which takes the batches in file order — apart from values
// read ahead (read-ahead.ts), which may spare that thread some work but never change a
// result. It never runs ahead by more than a few batches, so memory does not grow with
// the file; the arrays of a batch come back when it has been used and are filled again,
// so that neither thread makes garbage of a hundred megabytes.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { CsvByteScanner, Utf8Error, type ReadAheadPlan, type RecordBatch } from './csv-bytes.js';
import { CsvUnclosedQuoteError } from './csv-parser.js';
import { readAhead } from './read-ahead.js';
import { transferList, type BatchArrays, type ScanFailure, type ScanMessage, type ScanReply, type ScanRequest } from './scan-csv-in-worker.js';

/** Arrays returned by the other thread, to be filled again. */
const pool: BatchArrays[] = [];

/** `array` when it holds `size` items, else a new one with room to spare. */
function fit<T extends Uint8Array | Int32Array | Float64Array>(array: T | undefined, size: number, make: (n: number) => T): T {
  return array !== undefined && array.length >= size ? array : make(Math.ceil(size * 1.25) + 16);
}

/**
 * A batch copied into arrays of its own (the scanner reuses its arrays) — returned ones
 * when there are — with the values to read ahead, and the buffers to hand over.
 */
function detachBatch(batch: RecordBatch, plan: ReadAheadPlan | undefined): { batch: RecordBatch; transfer: ArrayBuffer[] } {
  const old = pool.pop();
  const fields = batch.firstField[batch.records]!;
  const arrays: BatchArrays = {
    bytes: fit(old?.bytes, batch.bytes.length, (n) => new Uint8Array(n)),
    starts: fit(old?.starts, fields, (n) => new Int32Array(n)),
    ends: fit(old?.ends, fields, (n) => new Int32Array(n)),
    kinds: fit(old?.kinds, fields, (n) => new Uint8Array(n)),
    firstField: fit(old?.firstField, batch.records + 1, (n) => new Int32Array(n)),
    ...(plan ? { values: fit(old?.values, batch.records * plan.columns.length, (n) => new Float64Array(n)) } : {}),
  };
  arrays.bytes.set(batch.bytes);
  arrays.starts.set(batch.starts.subarray(0, fields));
  arrays.ends.set(batch.ends.subarray(0, fields));
  arrays.kinds.set(batch.kinds.subarray(0, fields));
  arrays.firstField.set(batch.firstField.subarray(0, batch.records + 1));
  const own: RecordBatch = {
    bytes: arrays.bytes,
    starts: arrays.starts,
    ends: arrays.ends,
    kinds: arrays.kinds,
    firstField: arrays.firstField,
    records: batch.records,
    firstRecord: batch.firstRecord,
    ...(plan && arrays.values ? { ahead: readAhead(batch, plan, arrays.values) } : {}),
  };
  return { batch: own, transfer: transferList(arrays) };
}

function failureOf(error: unknown): ScanFailure {
  if (error instanceof Utf8Error) return { kind: 'utf8', offset: error.offset };
  if (error instanceof CsvUnclosedQuoteError) return { kind: 'unclosed', record: error.record };
  const e = error as NodeJS.ErrnoException;
  return { kind: 'io', ...(e.code ? { code: e.code } : {}), message: String(e.message ?? e) };
}

async function scan(request: ScanRequest, port: NonNullable<typeof parentPort>): Promise<void> {
  let credits = request.window;
  let wake: (() => void) | undefined;
  let plan: ReadAheadPlan | undefined;
  port.on('message', (reply: ScanReply) => {
    if (reply.type === 'plan') {
      plan = reply.plan;
      return;
    }
    pool.push(reply.arrays);
    credits++;
    wake?.();
    wake = undefined;
  });
  const post = (message: ScanMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  const ready: { batch: RecordBatch; transfer: ArrayBuffer[] }[] = [];
  let done = 0;
  const flush = async () => {
    for (const item of ready.splice(0)) {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits--;
      post({ type: 'batch', batch: item.batch, done }, item.transfer);
    }
  };
  const hash = createHash('sha256');
  const scanner = new CsvByteScanner((batch) => ready.push(detachBatch(batch, plan)));
  const chunk = Buffer.allocUnsafe(request.chunkSize);
  let fd: number | undefined;
  try {
    fd = openSync(request.path, 'r');
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      const piece = chunk.subarray(0, n);
      hash.update(piece);
      scanner.push(piece);
      done += n;
      await flush();
    }
    scanner.end();
    await flush();
    post({ type: 'end', sha256: hash.digest('hex') });
  } catch (error) {
    // Records before the error are handed over first, as a read in one thread would use them.
    await flush();
    post({ type: 'error', failure: failureOf(error) });
  } finally {
    if (fd !== undefined) closeSync(fd);
    port.removeAllListeners('message');
  }
}

if (parentPort) await scan(workerData as ScanRequest, parentPort);
