// A large UTF-8 CSV is read with two threads (the machines aspm runs on have at least
// two cores): a worker thread (csv-scan-worker.ts) reads, hashes, checks and splits the
// file into record batches, while this thread evaluates the rows of the batches in file
// order. The result cannot differ from a read in one thread: the worker only says where
// fields are, by the same scanner; the rows are used in the same order; errors arrive
// after the records before them, as in one thread.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Utf8Error, type ReadAheadPlan, type RecordBatch } from './csv-bytes.js';
import { CsvUnclosedQuoteError } from './csv-parser.js';
import { packagePath } from '../package-root.js';

export interface ScanRequest {
  readonly path: string;
  readonly chunkSize: number;
  /** Batches the worker may hand over before this thread has used them. */
  readonly window: number;
}

export type ScanFailure = { kind: 'utf8'; offset: number } | { kind: 'unclosed'; record: number } | { kind: 'io'; code?: string; message: string };

/** The arrays of a batch, handed over and back. */
export interface BatchArrays {
  readonly bytes: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly kinds: Uint8Array;
  readonly firstField: Int32Array;
  readonly values?: Float64Array;
}

export function transferList(arrays: BatchArrays): ArrayBuffer[] {
  const { bytes, starts, ends, kinds, firstField, values } = arrays;
  return [bytes, starts, ends, kinds, firstField, ...(values ? [values] : [])].map((a) => a.buffer as ArrayBuffer);
}

/** From this thread to the worker: a batch used (its arrays back, to be filled again), or what to read ahead. */
export type ScanReply = { type: 'used'; arrays: BatchArrays } | { type: 'plan'; plan: ReadAheadPlan };

export type ScanMessage =
  | { type: 'batch'; batch: RecordBatch; done: number }
  | { type: 'end'; sha256: string }
  | { type: 'error'; failure: ScanFailure };

/**
 * The worker's script: beside this module once built; under the test runner (which runs
 * the TypeScript sources) the built copy in dist/, so tests of this path need `npm run
 * build` first, as `npm test` does. Undefined when there is none.
 */
export function scanWorkerScript(): URL | undefined {
  const beside = new URL('./csv-scan-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  const built = packagePath('dist', 'tables', 'csv-scan-worker.js');
  return existsSync(built) ? pathToFileURL(built) : undefined;
}

function errorOf(failure: ScanFailure): Error {
  switch (failure.kind) {
    case 'utf8':
      return new Utf8Error(failure.offset);
    case 'unclosed':
      return new CsvUnclosedQuoteError(failure.record);
    default:
      return Object.assign(new Error(failure.message), failure.code ? { code: failure.code } : {});
  }
}

/**
 * Reads `path` in a worker; calls `onBatch` for each batch in file order (with the bytes
 * read so far) and resolves to the file's SHA-256. An error of `onBatch` stops the worker
 * and rejects with that error. After each batch, `plan` is asked what the worker may read
 * ahead, until it knows (once the header has been read).
 */
export async function scanCsvInWorker(
  script: URL,
  path: string,
  chunkSize: number,
  onBatch: (batch: RecordBatch, done: number) => void,
  plan: () => ReadAheadPlan | undefined = () => undefined,
): Promise<string> {
  const request: ScanRequest = { path, chunkSize, window: 4 };
  const worker = new Worker(script, { workerData: request });
  let settled = false;
  let planned = false;
  const reply = (message: ScanReply, transfer: ArrayBuffer[] = []) => worker.postMessage(message, transfer);
  try {
    return await new Promise<string>((resolve, reject) => {
      const settle = (action: () => void) => {
        if (settled) return;
        settled = true;
        action();
      };
      worker.on('message', (message: ScanMessage) => {
        if (settled) return;
        try {
          if (message.type === 'batch') {
            onBatch(message.batch, message.done);
            if (!planned) {
              const ahead = plan();
              if (ahead) {
                planned = true;
                reply({ type: 'plan', plan: ahead });
              }
            }
            const { bytes, starts, ends, kinds, firstField } = message.batch;
            const arrays: BatchArrays = { bytes, starts, ends, kinds, firstField, ...(message.batch.ahead ? { values: message.batch.ahead.values } : {}) };
            reply({ type: 'used', arrays }, transferList(arrays));
          } else if (message.type === 'end') settle(() => resolve(message.sha256));
          else settle(() => reject(errorOf(message.failure)));
        } catch (error) {
          settle(() => reject(error));
        }
      });
      worker.on('error', (error) => settle(() => reject(error)));
      worker.on('exit', (code) => settle(() => reject(new Error(`the CSV reading thread stopped (exit code ${code})`))));
    });
  } finally {
    settled = true;
    await worker.terminate();
  }
}
