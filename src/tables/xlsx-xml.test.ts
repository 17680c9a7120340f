// The sheet scanner against the cells a sheet was written from: every cell type, with and
// without references, attributes in any order and spacing, empty and self-closing cells,
// the XML cut anywhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from './parse-value.js';
import { MAX_ROW_CHARS, MAX_STRING_CHARS, SharedStringsParser, SheetScanner, XlsxPartError } from './xlsx-xml.js';

const SHARED = ['工单号', 'T00000001', '是', '', 'a&b'];

type Written = { xml: string; value: Cell | undefined };

/** Column letters of a 0-based index (0 → A, 27 → AB), in either case. */
function letters(index: number, lower: boolean): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode((lower ? 97 : 65) + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const space = fc.constantFrom(' ', '  ', '\t', '\n ');

/** One cell as XML and the value the scanner must give (undefined: no value). */
const cell = (column: number, row: number): fc.Arbitrary<Written & { withRef: boolean }> =>
  fc
    .tuple(
      fc.oneof(
        fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('', ' t="n"')).map(([n, t]) => ({ t, v: `<v>${n}</v>`, value: Number(String(n)) as Cell | undefined })),
        fc.nat({ max: SHARED.length - 1 }).map((i) => ({ t: ' t="s"', v: `<v>${i}</v>`, value: SHARED[i] as Cell | undefined })),
        fc.constant({ t: ' t="s"', v: '<v>0004</v>', value: SHARED[4] as Cell | undefined }),
        fc.boolean().map((b) => ({ t: ' t="b"', v: `<v>${b ? 1 : 0}</v>`, value: b as Cell | undefined })),
        fc.constantFrom('x', '工&amp;单', '').map((text) => ({ t: ' t="inlineStr"', v: `<is><t>${text}</t></is>`, value: text.replace('&amp;', '&') as Cell | undefined })),
        fc.constant({ t: ' t="str"', v: '<v>1 &lt; 2</v>', value: '1 < 2' as Cell | undefined }),
        fc.constant({ t: '', v: '<v/>', value: undefined as Cell | undefined }),
      ),
      fc.boolean(),
      fc.boolean(),
      fc.boolean(),
      space,
      fc.constantFrom([0, 1, 2], [2, 1, 0], [1, 0, 2], [2, 0, 1]),
    )
    .map(([c, withRef, lower, styled, gap, order]) => {
      const parts = [withRef ? `${gap}r="${letters(column, lower)}${row}"` : '', styled ? `${gap}s="1"` : '', c.t];
      // A space right after `<c`, as every writer puts it (the scanner wants one there).
      return { xml: `<c ${order.map((i) => parts[i]).join('')}>${c.v}</c>`, value: c.value, withRef };
    });

describe('SheetScanner', () => {
  it('reads each cell as written, at its column, however the XML is cut (property)', () => {
    const row = fc
      .array(fc.tuple(fc.nat({ max: 3 }), fc.boolean()), { minLength: 1, maxLength: 8 })
      .chain((gaps) => {
        // Columns with gaps; a gap is only possible where the cell says its reference.
        let column = -1;
        const columns = gaps.map(([gap]) => (column += 1 + gap));
        return fc.tuple(...columns.map((c) => cell(c, 2)), fc.constant(columns));
      });
    fc.assert(
      fc.property(row, fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 20 }), (written, cuts) => {
        const columns = written[written.length - 1] as number[];
        const cells = written.slice(0, -1) as (Written & { withRef: boolean })[];
        // Without a reference a cell takes the column after the one before.
        const expected: Cell[] = [];
        let next = 0;
        cells.forEach((c, i) => {
          const column = c.withRef ? columns[i]! : next;
          next = column + 1;
          if (c.value === undefined) return;
          while (expected.length < column) expected.push(null);
          expected[column] = c.value;
        });
        const xml = `<sheetData><row r="2">${cells.map((c) => c.xml).join('')}</row></sheetData>`;
        const rows: [Cell[], number][] = [];
        const scanner = new SheetScanner(SHARED, (got, n) => rows.push([got, n]));
        let at = 0;
        for (const size of cuts) {
          scanner.push(xml.slice(at, at + size));
          at += size;
        }
        scanner.push(xml.slice(at));
        expect(rows).toEqual([[expected, 2]]);
      }),
      { numRuns: 500 },
    );
  });

  it('a self-closing cell sets nothing; a shared-string index written oddly is read as Number() reads it', () => {
    const rows: Cell[][] = [];
    const scanner = new SheetScanner(SHARED, (got) => rows.push(got));
    scanner.push('<row r="1"><c r="B1"/><c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v> 2 </v></c><c t="s"><v>1e0</v></c><c r="aa1" t="s"><v>4</v></c></row>');
    expect(rows).toEqual([[null, null, 'T00000001', '是', 'T00000001', ...Array(21).fill(null), 'a&b']]);
  });
});

/** The problem a part's text ends in, pushed in pieces of `piece` characters. */
function problemOf(parser: { push(text: string): void; end(): void }, text: string, piece = 1 << 20): unknown {
  try {
    for (let at = 0; at < text.length; at += piece) parser.push(text.slice(at, at + piece));
    parser.end();
  } catch (cause) {
    if (cause instanceof XlsxPartError) return cause.problem;
    throw cause;
  }
  return undefined;
}

describe('bounds on what a part may make the reader hold', () => {
  it('a row that never closes stops at MAX_ROW_CHARS, not when V8 cannot make the string', () => {
    const text = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(MAX_ROW_CHARS + 10)}`;
    expect(problemOf(new SheetScanner([], () => {}), text)).toEqual({ kind: 'row-size', limit: MAX_ROW_CHARS });
  });

  it('a shared string that never closes stops at MAX_STRING_CHARS', () => {
    const text = `<sst><si><t>${'y'.repeat(MAX_STRING_CHARS + 10)}`;
    expect(problemOf(new SharedStringsParser(), text, 1 << 16)).toEqual({ kind: 'string-size', limit: MAX_STRING_CHARS });
  });

  it('a sheet of gaps (a cell at XFD on every row) stops at its budget of cells', () => {
    const rows: number[] = [];
    const scanner = new SheetScanner([], (cells) => rows.push(cells.length), 3 * 16_384);
    const row = (n: number) => `<row r="${n}"><c r="XFD${n}"><v>1</v></c></row>`;
    const text = `<worksheet><sheetData>${[1, 2, 3, 4].map(row).join('')}</sheetData></worksheet>`;
    expect(problemOf(scanner, text)).toEqual({ kind: 'cells', limit: 3 * 16_384 });
    expect(rows).toEqual([16_384, 16_384, 16_384]);
  });

  it('parts that end whole are read; cut ones (no closing root) are not', () => {
    const sheet = (rows: number[]) => new SheetScanner([], (cells) => rows.push(cells.length));
    expect(problemOf(sheet([]), '<x:worksheet><x:sheetData><row r="1"><c><v>1</v></c></row></x:sheetData></x:worksheet>\n')).toBeUndefined();
    expect(problemOf(sheet([]), '<worksheet><sheetData><row r="1"><c><v>1</v></c></row></sheetData>')).toEqual({ kind: 'xml' });
    expect(problemOf(new SharedStringsParser(), '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>')).toBeUndefined();
    expect(problemOf(new SharedStringsParser(), '<sst><si><t>a</t></si>')).toEqual({ kind: 'xml' });
  });
});
