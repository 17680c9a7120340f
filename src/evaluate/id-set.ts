// Ticket ids seen so far, to ignore a ticket's later rows. Ids are copied into one growing
// buffer of UTF-16 code units with an open-addressing hash table over it: exact (no hash
// is trusted without comparing the id), about 2 bytes per character plus 12 per id, and it
// never holds a reference to the reader's text chunks (a Set of sliced strings would keep
// every chunk of the file alive).

export class IdSet {
  private chars = new Uint16Array(1 << 16);
  private used = 0;
  private slots = new Int32Array(1 << 12).fill(-1);
  private starts = new Int32Array(1 << 11);
  private lengths = new Int32Array(1 << 11);
  private rows = new Int32Array(1 << 11);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds `id` first seen in `row`; returns 0 if new, else the row where it was first seen. */
  add(id: string, row: number): number {
    const hash = hashOf(id);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === -1) break;
      if (this.equals(entry, id)) return this.rows[entry]!;
      slot = (slot + 1) & mask;
    }
    const entry = this.store(id, row);
    this.slots[slot] = entry;
    if (this.count * 2 > this.slots.length) this.rehash();
    return 0;
  }

  private equals(entry: number, id: string): boolean {
    const length = this.lengths[entry]!;
    if (length !== id.length) return false;
    const start = this.starts[entry]!;
    for (let i = 0; i < length; i++) if (this.chars[start + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  private store(id: string, row: number): number {
    if (this.used + id.length > this.chars.length) {
      const grown = new Uint16Array(Math.max(this.chars.length * 2, this.used + id.length));
      grown.set(this.chars.subarray(0, this.used));
      this.chars = grown;
    }
    for (let i = 0; i < id.length; i++) this.chars[this.used + i] = id.charCodeAt(i);
    if (this.count === this.starts.length) {
      this.starts = grow(this.starts);
      this.lengths = grow(this.lengths);
      this.rows = grow(this.rows);
    }
    const entry = this.count++;
    this.starts[entry] = this.used;
    this.lengths[entry] = id.length;
    this.rows[entry] = row;
    this.used += id.length;
    return entry;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let h = 0x811c9dc5;
      const start = this.starts[entry]!;
      const end = start + this.lengths[entry]!;
      for (let i = start; i < end; i++) h = Math.imul(h ^ this.chars[i]!, 0x01000193);
      let slot = (h >>> 0) & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.slots = slots;
  }
}

/** FNV-1a over UTF-16 code units. */
function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

/** A copy of a string that does not keep the (large) string it was cut from alive. */
export function detach(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}
