// IdSet against a Map: the same first rows for ids in ticket order, in any order, and
// in files whose order breaks part way; ids given as strings and as bytes share one key
// space.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteKeyTable } from './byte-key-table.js';
import { IdSet } from './id-set.js';

/** Adds every id (as bytes when `bytes`, else as a string) and returns what add said for each. */
function replay(ids: readonly string[], bytes: (i: number) => boolean = () => true): { results: number[]; set: IdSet } {
  const set = new IdSet();
  const results = ids.map((id, i) => {
    if (!bytes(i)) return set.add(id, i + 2);
    const encoded = Buffer.from(`,${id},`);
    return set.addBytes(encoded, 1, encoded.length - 1, i + 2);
  });
  return { results, set };
}

function reference(ids: readonly string[]): number[] {
  const first = new Map<string, number>();
  return ids.map((id, i) => {
    const seen = first.get(id);
    if (seen !== undefined) return seen;
    first.set(id, i + 2);
    return 0;
  });
}

const id = (n: number) => `T${n}`;

describe('IdSet', () => {
  it('keeps ids in ticket order as a run (T9 before T10), and finds repeats in it', () => {
    const ids = [...Array.from({ length: 20_000 }, (_, i) => id(i + 1)), id(5), id(10), id(19_999), id(20_000)];
    const { results, set } = replay(ids);
    expect(results).toEqual(reference(ids));
    expect(results.slice(-4)).toEqual([6, 11, 20_000, 20_001]);
    expect(set.ordered).toBe(true);
    expect(set.size).toBe(20_000);
  });

  it('gives up the run for a file in another order, and still finds every repeat', () => {
    const ids = Array.from({ length: 12_000 }, (_, i) => id((i * 7919) % 10_007));
    const { results, set } = replay(ids);
    expect(results).toEqual(reference(ids));
    expect(set.ordered).toBe(false);
  });

  it('an order that breaks part way (two exports one after the other)', () => {
    const part = Array.from({ length: 6000 }, (_, i) => id(i * 2));
    const ids = [...part, ...part.map((x, i) => (i % 3 === 0 ? x : `${x}b`))];
    expect(replay(ids).results).toEqual(reference(ids));
  });

  it('ids as strings and as bytes are the same ids (Chinese, astral, a lone surrogate apart)', () => {
    const ids = ['工单1', 'T1', '工单1', '𠀀', '\ud800', '\ufffd', '𠀀', 'T1', '\ud800'];
    for (const split of [(i: number) => i % 2 === 0, (i: number) => i % 2 === 1]) {
      // A lone surrogate cannot come as UTF-8 bytes: strings only for it.
      expect(replay(ids, (i) => split(i) && ids[i] !== '\ud800').results).toEqual(reference(ids));
    }
  });

  it('equals a Map for any sequence, in any order, as strings or bytes (property)', () => {
    const few = fc.constantFrom('A', 'B', 'T10', 'T9', 'T09', '工', '');
    fc.assert(
      fc.property(fc.array(fc.oneof(few, fc.string({ maxLength: 4 })), { maxLength: 200 }), fc.boolean(), (ids, asBytes) => {
        expect(replay(ids, () => asBytes).results).toEqual(reference(ids));
      }),
      { numRuns: 500 },
    );
  });
});

describe('ByteKeyTable', () => {
  it('grows past many keys and finds each by bytes and by text', () => {
    const table = new ByteKeyTable();
    for (let i = 0; i < 50_000; i++) table.insertText(`组${i}`, i);
    expect(table.size).toBe(50_000);
    for (const i of [0, 1, 4095, 4096, 49_999]) {
      const bytes = Buffer.from(`x组${i}y`);
      const entry = table.find(bytes, 1, bytes.length - 1);
      expect(table.value(entry)).toBe(i);
      expect(table.findText(`组${i}`)).toBe(entry);
    }
    expect(table.findText('组50000')).toBe(-1);
    expect(table.findText('')).toBe(-1);
  });
});
