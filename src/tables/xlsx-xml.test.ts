// The sheet scanner against the cells a sheet was written from: every cell type, with and
// without references, attributes in any order and spacing, empty and self-closing cells,
// the XML cut anywhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from './parse-value.js';
import { ELAPSED, NUMBER, TIME } from './xlsx-number-format.js';
import { MAX_CELL_STYLES, MAX_NUMBER_FORMATS, MAX_ROW_CHARS, MAX_STRING_CHARS, SharedStringsParser, SheetScanner, StylesParser, XlsxPartError } from './xlsx-xml.js';

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

/** styles.xml with these `<numFmts>` and `<cellXfs>`, with what Excel writes around them. */
function stylesXml(numFmts: string, xfs: string, prefix = ''): string {
  const p = prefix ? `${prefix}:` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}styleSheet xmlns${prefix ? `:${prefix}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    (numFmts ? `<${p}numFmts count="9">${numFmts}</${p}numFmts>` : '') +
    `<${p}fonts count="1"><${p}font><${p}sz val="11"/></${p}font></${p}fonts>` +
    // Cell style formats (named styles): a time here is no cell's format.
    `<${p}cellStyleXfs count="2"><${p}xf numFmtId="0"/><${p}xf numFmtId="21"/></${p}cellStyleXfs>` +
    `<${p}cellXfs count="9">${xfs}</${p}cellXfs>` +
    // A conditional format's <numFmt> (inside <dxf>) redefines no format of a cell.
    `<${p}dxfs count="1"><${p}dxf><${p}numFmt numFmtId="165" formatCode="h:mm"/></${p}dxf></${p}dxfs>` +
    `</${p}styleSheet>`
  );
}

function timeStylesOf(xml: string, piece = 1 << 20): Uint8Array | undefined {
  const parser = new StylesParser();
  for (let at = 0; at < xml.length; at += piece) parser.push(xml.slice(at, at + piece));
  parser.end();
  return parser.timeStyles();
}

describe('StylesParser', () => {
  const NUM_FMTS =
    '<numFmt numFmtId="164" formatCode="[h]:mm:ss"/>' +
    '<numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd"/>' +
    '<numFmt numFmtId="166" formatCode="&quot;h&quot;0"/>' +
    // A condition written with a bare ">" (legal in an attribute), then minutes and seconds.
    "<numFmt formatCode='[>=0]mm:ss' numFmtId='167'/>" +
    // A custom format may take a built-in id: its code decides.
    '<numFmt numFmtId="20" formatCode="0.00"/>';
  const XFS = [0, 21, 164, 165, 166, 14, 45, 167, 20, 46].map((id) => `<xf numFmtId="${id}" fontId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="left"/></xf>`).join('');
  //                  General, h:mm:ss, [h]:mm:ss, a date, "h"0, a date, mm:ss, [>=0]mm:ss, 0.00, [h]:mm:ss
  const EXPECTED = [NUMBER, TIME, ELAPSED, NUMBER, NUMBER, NUMBER, TIME, TIME, NUMBER, ELAPSED];

  it('classifies each cell style by its number format, built-in or declared, however the text is cut', () => {
    const xml = stylesXml(NUM_FMTS, XFS);
    expect([...timeStylesOf(xml)!]).toEqual(EXPECTED);
    for (const piece of [1, 2, 3, 7, 64]) expect([...timeStylesOf(xml, piece)!]).toEqual(EXPECTED);
  });

  it('reads prefixed elements (x:xf) and a cell style without a number format as General', () => {
    expect([...timeStylesOf(stylesXml(NUM_FMTS.replaceAll('<numFmt ', '<x:numFmt '), XFS.replaceAll('<xf ', '<x:xf ').replaceAll('</xf>', '</x:xf>').replaceAll('<alignment', '<x:alignment'), 'x'))!]).toEqual(EXPECTED);
    expect([...timeStylesOf(stylesXml('', '<xf fontId="0"/><xf numFmtId="x"/><xf numFmtId="46"/>'))!]).toEqual([NUMBER, NUMBER, ELAPSED]);
  });

  it('no time among the styles: nothing for the sheet to look up', () => {
    expect(timeStylesOf(stylesXml('<numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/>', '<xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/>'))).toBeUndefined();
    expect(timeStylesOf('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')).toBeUndefined();
  });

  it('holds no more cell styles or number formats than its limits; a tag that never ends and a cut part are refused', () => {
    const manyStyles = stylesXml('', '<xf numFmtId="21"/>'.repeat(MAX_CELL_STYLES + 1));
    expect(problemOf(new StylesParser(), manyStyles)).toEqual({ kind: 'styles', limit: MAX_CELL_STYLES });
    // Exactly the limit is read.
    expect(timeStylesOf(stylesXml('', '<xf numFmtId="21"/>'.repeat(MAX_CELL_STYLES)))!.length).toBe(MAX_CELL_STYLES);
    const manyFormats = stylesXml(Array.from({ length: MAX_NUMBER_FORMATS + 1 }, (_, i) => `<numFmt numFmtId="${164 + i}" formatCode="h:mm"/>`).join(''), '<xf numFmtId="0"/>');
    expect(problemOf(new StylesParser(), manyFormats)).toEqual({ kind: 'styles', limit: MAX_NUMBER_FORMATS });
    expect(problemOf(new StylesParser(), `<styleSheet><numFmts><numFmt formatCode="${'h'.repeat(MAX_STRING_CHARS + 10)}`, 1 << 16)).toEqual({ kind: 'string-size', limit: MAX_STRING_CHARS });
    expect(problemOf(new StylesParser(), stylesXml(NUM_FMTS, XFS).replace('</styleSheet>', ''))).toEqual({ kind: 'xml' });
  });
});

describe('SheetScanner with time styles', () => {
  // Styles 0 General, 1 h:mm:ss, 2 [h]:mm:ss.
  const styles = Uint8Array.from([NUMBER, TIME, ELAPSED]);
  const read = (cells: string, timeStyles: Uint8Array | 'none' = styles) => {
    const rows: Cell[][] = [];
    new SheetScanner(['共享'], (got) => rows.push(got), undefined, timeStyles === 'none' ? undefined : timeStyles).push(`<row r="2">${cells}</row>`);
    return rows[0];
  };

  it('a number in a time style is its clock text; others are as written', () => {
    const day = 86_400;
    expect(
      read(
        `<c r="A2" s="1"><v>${220 / day}</v></c>` + // 0:03:40
          `<c r="B2" s="2" t="n"><v>${(26 * 3600 + 220) / day}</v></c>` + // 26:03:40
          `<c r="C2" s="0"><v>${220 / day}</v></c>` + // General: the fraction
          `<c r="D2" s="9"><v>0.5</v></c>` + // a style the part does not have: as written
          `<c r="E2" s="1" t="s"><v>0</v></c>` + // a string stays a string
          `<c r="F2" s="1" t="str"><v>0.5</v></c>` + // formula text too
          `<c r="G2" s="1"><v>46000.25</v></c>` + // a date and time shown by its time: its serial
          `<c r="H2" s="2"><f>B2*2</f><v>0.25</v></c>`, // a formula's number: 6:00:00
      ),
    ).toEqual(['0:03:40', '26:03:40', 220 / day, 0.5, '共享', '0.5', 46000.25, '6:00:00']);
  });

  it('without time styles, s is not read: the number as written', () => {
    expect(read('<c r="A2" s="1"><v>0.25</v></c>', 'none')).toEqual([0.25]);
  });
});
