// An incremental CSV parser: text goes in as chunks cut anywhere, records come out in
// order. Delimiter `,` `;` or tab, found from the header line; fields quoted with `"`
// may hold delimiters, doubled quotes and line breaks. Outside quotes a lone CR, a lone LF
// and CRLF each end a record, in one file as in another: exports pasted together or
// edited on two systems mix them, and taking one for data merged rows. Lines
// without a quote take a fast path (one native split), which is most lines of an export.
// Pure: it never touches files.

export type RecordHandler = (fields: string[], record: number) => void;

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * The delimiter of a file from its first lines: the one that occurs most often outside
 * quotes on the first line that has any (the header, or the line after a title), `,` on
 * a tie. Skipping delimiter-free lines copes with a title line above the header.
 */
export function detectDelimiter(sample: string): Delimiter {
  let counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  const decide = (): Delimiter | undefined => {
    let choice: Delimiter = ',';
    for (const d of DELIMITERS) if (counts.get(d)! > counts.get(choice)!) choice = d;
    return counts.get(choice)! > 0 ? choice : undefined;
  };
  for (const ch of sample) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      const choice = decide();
      if (choice) return choice;
      counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
    } else if (!quoted && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, counts.get(ch as Delimiter)! + 1);
  }
  return decide() ?? ',';
}

/** How much of the file's start decides the delimiter: ten lines (CRLF is one line end), or all there is. */
export function delimiterSample(buf: string, final: boolean): string | undefined {
  let lines = 0;
  for (let i = 0; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    if (++lines === 10) return buf.slice(0, i);
    if (c === 13 && buf.charCodeAt(i + 1) === 10) i++;
  }
  return final || buf.length > 1 << 16 ? buf : undefined;
}

export class CsvUnclosedQuoteError extends Error {
  constructor(readonly record: number) {
    super(`unclosed quote in record ${record}`);
  }
}

export class CsvParser {
  private buffer = '';
  private delimiter: Delimiter | undefined;
  private record = 0;

  constructor(
    private readonly onRecord: RecordHandler,
    delimiter?: Delimiter,
  ) {
    this.delimiter = delimiter;
  }

  get detectedDelimiter(): Delimiter | undefined {
    return this.delimiter;
  }

  push(chunk: string): void {
    this.buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk;
    this.parse(false);
  }

  end(): void {
    this.parse(true);
    if (this.buffer.length > 0) throw new CsvUnclosedQuoteError(this.record + 1);
  }

  private parse(final: boolean): void {
    const buf = this.buffer;
    if (this.delimiter === undefined) {
      const sample = delimiterSample(buf, final);
      if (sample === undefined) return;
      this.delimiter = detectDelimiter(sample);
    }
    const delim = this.delimiter;
    const length = buf.length;
    let pos = 0;
    let nextQuote = buf.indexOf('"');
    if (nextQuote === -1) nextQuote = length;
    // The next LF and CR at or after `pos`, each found again only once passed.
    let nextLf = -1;
    let nextCr = -1;
    while (pos < length) {
      if (nextLf !== length && nextLf < pos) nextLf = indexOrEnd(buf, '\n', pos);
      if (nextCr !== length && nextCr < pos) nextCr = indexOrEnd(buf, '\r', pos);
      const eol = Math.min(nextLf, nextCr);
      // A CR at the end may be the first half of CRLF: the next character decides.
      if (!final && (eol === length || (eol === nextCr && eol + 1 === length))) break;
      if (nextQuote >= eol) {
        // Fast path: no quote on this line.
        this.onRecord(buf.slice(pos, eol).split(delim), ++this.record);
        pos = eol + (eol === nextCr && nextLf === eol + 1 ? 2 : 1);
        continue;
      }
      const next = this.parseQuoted(buf, pos, delim, final);
      if (next === -1) break;
      pos = next;
      nextQuote = buf.indexOf('"', pos);
      if (nextQuote === -1) nextQuote = length;
    }
    this.buffer = pos >= length ? '' : buf.slice(pos);
  }

  /** Parses one record that contains a quote; returns where the next starts, or -1 if it is not complete yet. */
  private parseQuoted(buf: string, start: number, delim: string, final: boolean): number {
    const fields: string[] = [];
    const delimCode = delim.charCodeAt(0);
    const length = buf.length;
    let i = start;
    for (;;) {
      // At the start of a field.
      if (i < length && buf.charCodeAt(i) === 34) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = buf.indexOf('"', from);
          if (q === -1) return final ? this.unclosed() : -1;
          if (q + 1 >= length && !final) return -1; // the next char decides: wait
          value += buf.slice(from, q);
          if (buf.charCodeAt(q + 1) === 34) {
            value += '"';
            from = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
        const j = fieldEnd(buf, i, delimCode);
        if (j >= length && !final) return -1;
        value += buf.slice(i, j);
        i = j;
        fields.push(value);
      } else {
        const j = fieldEnd(buf, i, delimCode);
        if (j >= length && !final) return -1;
        fields.push(buf.slice(i, j));
        i = j;
      }
      if (i >= length) {
        this.onRecord(fields, ++this.record);
        return length;
      }
      const c = buf.charCodeAt(i);
      if (c === delimCode) {
        i++;
        continue;
      }
      if (c === 13) {
        if (i + 1 >= length && !final) return -1;
        i += buf.charCodeAt(i + 1) === 10 ? 2 : 1;
      } else {
        i++;
      }
      this.onRecord(fields, ++this.record);
      return i;
    }
  }

  private unclosed(): never {
    throw new CsvUnclosedQuoteError(this.record + 1);
  }
}

/** Where `search` next occurs from `from`, or the text's length. */
function indexOrEnd(buf: string, search: string, from: number): number {
  const at = buf.indexOf(search, from);
  return at === -1 ? buf.length : at;
}

/** Where an unquoted stretch of a field ends: at a delimiter, a line end, or the text's end. */
function fieldEnd(buf: string, from: number, delimCode: number): number {
  let j = from;
  while (j < buf.length) {
    const c = buf.charCodeAt(j);
    if (c === delimCode || c === 10 || c === 13) break;
    j++;
  }
  return j;
}
