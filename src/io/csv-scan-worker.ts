// The second thread of a large UTF-8 CSV read (scan-csv-in-worker.ts): reads the file,
// hashes it, checks it is UTF-8 and splits it into record batches (csv-bytes.ts), handing
// each batch over without copying. It only finds where records and fields are; every
// reading of a value, and everything that depends on the order of rows, stays in the
// thread that evaluates them, which takes the batches in file order. It never runs ahead
// by more than a few batches, so memory does not grow with the file.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { CsvByteScanner, Utf8Error, type RecordBatch } from '../evaluate/csv-bytes.js';
import { CsvUnclosedQuoteError } from '../evaluate/csv-parser.js';
import type { ScanFailure, ScanMessage, ScanRequest } from './scan-csv-in-worker.js';

/** A batch in arrays of its own (the scanner reuses its arrays), and the buffers to hand over. */
function detachBatch(batch: RecordBatch): { batch: RecordBatch; transfer: ArrayBuffer[] } {
  const fields = batch.firstField[batch.records]!;
  const bytes = new Uint8Array(batch.bytes.length);
  bytes.set(batch.bytes);
  const own: RecordBatch = {
    bytes,
    starts: batch.starts.slice(0, fields),
    ends: batch.ends.slice(0, fields),
    kinds: batch.kinds.slice(0, fields),
    firstField: batch.firstField.slice(0, batch.records + 1),
    records: batch.records,
    firstRecord: batch.firstRecord,
  };
  const transfer = [own.bytes, own.starts, own.ends, own.kinds, own.firstField].map((a) => a.buffer as ArrayBuffer);
  return { batch: own, transfer };
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
  port.on('message', () => {
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
  const scanner = new CsvByteScanner((batch) => ready.push(detachBatch(batch)));
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
