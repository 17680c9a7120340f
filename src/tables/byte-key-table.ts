// A table from texts to small integers, keyed by the texts' UTF-8 bytes: ticket ids seen
// (→ first row), and caches in front of the staff and team lookups. A key can be given as
// a range of a byte buffer — a field of a CSV line, with no string made — or as a string,
// which is encoded the same way, so both kinds of caller share one key space. Keys are
// copied into one growing byte buffer with an open-addressing hash table over it: exact
// (a hash is never trusted without comparing the bytes), about 1 byte per ASCII character
// plus 24–48 per key, and it never holds a reference to a reader's buffer or text.

/** FNV-1a offset basis and prime. */
const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export class ByteKeyTable {
  private bytes = new Uint8Array(1 << 12);
  private used = 0;
  /**
   * Two numbers per slot: the key's hash and its entry + 1 (0: empty). The hash sits next
   * to the entry so that a probe touches one place in memory: with a million ids the
   * table is far larger than the processor's caches, and each miss costs more than hashing.
   */
  private slots = new Int32Array(1 << 11);
  /** Where each entry's key starts in `bytes`; starts[count] is `used`. */
  private starts = new Int32Array(1 << 9);
  private values = new Int32Array(1 << 9);
  private count = 0;
  /** A string key encoded, reused. */
  private scratch = new Uint8Array(256);

  get size(): number {
    return this.count;
  }

  /** The entry whose key is `source[start, end)`, or -1. */
  find(source: Uint8Array, start: number, end: number): number {
    const hash = hashOf(source, start, end);
    const slots = this.slots;
    const mask = slots.length / 2 - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot * 2 + 1]! - 1;
      if (entry === -1) return -1;
      if (slots[slot * 2] === hash && this.equals(entry, source, start, end)) return entry;
    }
  }

  /** Adds the key `source[start, end)` (not in the table: find it first) with a value; returns its entry. */
  insert(source: Uint8Array, start: number, end: number, value: number): number {
    const length = end - start;
    if (this.used + length > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.used + length));
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    // Keys are short: a loop costs less than making a subarray to copy from.
    const bytes = this.bytes;
    for (let i = start, j = this.used; i < end; i++, j++) bytes[j] = source[i]!;
    if (this.count + 1 >= this.starts.length) {
      this.starts = grow(this.starts);
      this.values = grow(this.values);
    }
    const entry = this.count++;
    const hash = hashOf(source, start, end);
    this.starts[entry] = this.used;
    this.used += length;
    this.starts[entry + 1] = this.used;
    this.values[entry] = value;
    if (this.count * 4 > this.slots.length) this.rehash();
    this.place(this.slots, entry, hash);
    return entry;
  }

  findText(text: string): number {
    const length = this.encode(text);
    return this.find(this.scratch, 0, length);
  }

  insertText(text: string, value: number): number {
    const length = this.encode(text);
    return this.insert(this.scratch, 0, length, value);
  }

  private encode(text: string): number {
    if (this.scratch.length < text.length * 3) this.scratch = new Uint8Array(text.length * 3);
    return encodeKey(text, this.scratch);
  }

  value(entry: number): number {
    return this.values[entry]!;
  }

  private equals(entry: number, source: Uint8Array, start: number, end: number): boolean {
    const from = this.starts[entry]!;
    if (this.starts[entry + 1]! - from !== end - start) return false;
    const bytes = this.bytes;
    for (let i = start, j = from; i < end; i++, j++) if (bytes[j] !== source[i]) return false;
    return true;
  }

  private place(slots: Int32Array, entry: number, hash: number): void {
    const mask = slots.length / 2 - 1;
    let slot = hash & mask;
    while (slots[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
    slots[slot * 2] = hash;
    slots[slot * 2 + 1] = entry + 1;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.place(slots, old[i + 1]! - 1, old[i]!);
    this.slots = slots;
  }
}

/**
 * A string as UTF-8 into `out` (room for 3 bytes per UTF-16 unit); returns the length. A
 * lone surrogate (which no decoded file holds, but a string from elsewhere may) gets its
 * own three bytes, as in WTF-8, so that distinct strings never share a key.
 */
export function encodeKey(text: string, out: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
    } else if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 0x3f);
    } else {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          i++;
          out[n++] = 0xf0 | (c >> 18);
          out[n++] = 0x80 | ((c >> 12) & 0x3f);
          out[n++] = 0x80 | ((c >> 6) & 0x3f);
          out[n++] = 0x80 | (c & 0x3f);
          continue;
        }
      }
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 0x3f);
      out[n++] = 0x80 | (c & 0x3f);
    }
  }
  return n;
}

function hashOf(source: Uint8Array, start: number, end: number): number {
  let h = FNV_BASIS;
  for (let i = start; i < end; i++) h = Math.imul(h ^ source[i]!, FNV_PRIME);
  return h >>> 1;
}

/** The array in one twice as long (the key tables' and the id run's offsets and values). */
export function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
