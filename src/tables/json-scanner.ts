// Incremental readers for JSON exports: a JSON array of objects, read one object at a time
// so that memory does not grow with the file, and JSON Lines (one object per line). Each
// object becomes a row; the keys of all the objects are the header (read-table.ts reads the
// file twice to know them). Pure.
import type { JsonProblem } from '../i18n/messages/evaluate.js';
import type { Cell } from './parse-value.js';


export class JsonFormatError extends Error {
  constructor(
    readonly record: number,
    readonly problem: JsonProblem,
    /** The JSON parser's own words (syntax errors only). */
    readonly detail = '',
  ) {
    super(detail || problem);
  }
}

export type ObjectHandler = (value: Record<string, unknown>, record: number) => void;

function asObject(value: unknown, record: number): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new JsonFormatError(record, 'not-object');
  return value as Record<string, unknown>;
}

/** `[ {...}, {...} ]` → objects, as the text arrives. */
export class JsonArrayScanner {
  private buffer = '';
  private started = false;
  private finished = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private objectStart = -1;
  private scanned = 0;
  private record = 0;

  constructor(private readonly onObject: ObjectHandler) {}

  push(chunk: string): void {
    this.buffer += chunk;
    const buf = this.buffer;
    let i = this.scanned;
    for (; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) this.inString = false;
        continue;
      }
      if (c === 32 || c === 10 || c === 13 || c === 9) continue;
      if (!this.started) {
        if (c === 0xfeff) continue;
        if (c !== 91) throw new JsonFormatError(0, 'expected-array');
        this.started = true;
        continue;
      }
      if (this.finished) throw new JsonFormatError(this.record, 'text-after-end');
      if (c === 34) {
        this.inString = true;
        if (this.depth === 0) throw new JsonFormatError(this.record + 1, 'not-object');
      } else if (c === 123 || c === 91) {
        if (this.depth === 0) {
          if (c !== 123) throw new JsonFormatError(this.record + 1, 'not-object');
          this.objectStart = i;
        }
        this.depth++;
      } else if (c === 125 || c === 93) {
        if (this.depth === 0) {
          if (c !== 93) throw new JsonFormatError(this.record, 'unexpected-brace');
          this.finished = true;
          continue;
        }
        this.depth--;
        if (this.depth === 0) {
          const text = buf.slice(this.objectStart, i + 1);
          this.record++;
          let value: unknown;
          try {
            value = JSON.parse(text);
          } catch (cause) {
            throw new JsonFormatError(this.record, 'syntax', (cause as Error).message);
          }
          this.onObject(asObject(value, this.record), this.record);
          this.objectStart = -1;
        }
      } else if (this.depth === 0 && c !== 44) {
        throw new JsonFormatError(this.record + 1, 'not-object');
      }
    }
    // Keep only the unfinished object.
    if (this.objectStart === -1) {
      this.buffer = '';
      this.scanned = 0;
    } else {
      this.buffer = buf.slice(this.objectStart);
      this.scanned = i - this.objectStart;
      this.objectStart = 0;
    }
  }

  end(): void {
    if (!this.started) throw new JsonFormatError(0, 'expected-array');
    if (!this.finished) throw new JsonFormatError(this.record + 1, 'not-closed');
  }
}

/** One JSON object per line; blank lines are allowed. */
export class JsonLinesScanner {
  private buffer = '';
  private line = 0;

  constructor(private readonly onObject: ObjectHandler) {}

  push(chunk: string): void {
    const buf = this.buffer + chunk;
    let pos = 0;
    for (;;) {
      const nl = buf.indexOf('\n', pos);
      if (nl === -1) break;
      this.take(buf.slice(pos, nl));
      pos = nl + 1;
    }
    this.buffer = buf.slice(pos);
  }

  end(): void {
    if (this.buffer.length > 0) this.take(this.buffer);
    this.buffer = '';
  }

  private take(text: string): void {
    this.line++;
    const trimmed = text.trim().replace(/^\uFEFF/, '');
    if (trimmed === '') return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (cause) {
      throw new JsonFormatError(this.line, 'syntax', (cause as Error).message);
    }
    this.onObject(asObject(value, this.line), this.line);
  }
}

/** A JSON value as a cell: primitives as they are; nested values as JSON text. */
export function jsonCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}
