import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, CsvUnclosedQuoteError, detectDelimiter } from './csv-parser.js';
import { joinWithEnds } from '../../test/helpers/line-endings.js';

function parse(text: string, chunks: number[] = []): string[][] {
  const rows: string[][] = [];
  const parser = new CsvParser((fields) => rows.push([...fields]));
  let at = 0;
  for (const size of chunks) {
    parser.push(text.slice(at, at + size));
    at += size;
  }
  parser.push(text.slice(at));
  parser.end();
  return rows;
}

describe('CsvParser', () => {
  it.each<[string, string, string[][]]>([
    ['plain, LF', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['CRLF, no final newline', 'a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['CR only (old Mac)', 'a,b\r1,2\r', [['a', 'b'], ['1', '2']]],
    ['semicolons', 'a;b\n1;2\n', [['a', 'b'], ['1', '2']]],
    ['tabs', 'a\tb\n1,5\t2\n', [['a', 'b'], ['1,5', '2']]],
    ['quoted delimiter, doubled quote, line break', 'a,b\n"x, ""y""\nz",2\n', [['a', 'b'], ['x, "y"\nz', '2']]],
    ['empty fields', 'a,b,c\n,,\n', [['a', 'b', 'c'], ['', '', '']]],
    ['blank line kept as a row', 'a\n\nb\n', [['a'], [''], ['b']]],
    ['title line above a semicolon header', '报表\na;b\n1;2\n', [['报表'], ['a', 'b'], ['1', '2']]],
    // Issue 17, 5: a file that mixes line ends reads as one that does not.
    ['CR, LF and CRLF in one file, each one line end; inside quotes, data', 'a,b\r1,2\n3,"x\ry\r\nz\n"\r\n5,6\r7,8', [['a', 'b'], ['1', '2'], ['3', 'x\ry\r\nz\n'], ['5', '6'], ['7', '8']]],
    ['a lone CR in a file of LFs ends a record', 'a,b\n1,2\n3\r4,5\n', [['a', 'b'], ['1', '2'], ['3'], ['4', '5']]],
    ['blank lines in every ending (CR LF CR LF, CR CR, LF CR)', 'a\r\n\r\nb\r\rc\n\rd\n\ne', [['a'], [''], ['b'], [''], ['c'], [''], ['d'], [''], ['e']]],
  ])('%s', (_name, text, rows) => {
    expect(parse(text)).toEqual(rows);
    // Cut anywhere, also between the CR and the LF of a CRLF.
    for (let at = 1; at < text.length; at++) expect(parse(text, [at])).toEqual(rows);
  });

  it('rows ended by CR, LF or CRLF at random read as the same rows ended by LF (property)', () => {
    const cell = fc.oneof(fc.constantFrom('', 'x', '工单', ' ', '"', '\r', '\n', '\r\n', ','), fc.string({ maxLength: 4 }));
    const quote = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(cell, { minLength: 1, maxLength: 4 }), fc.constantFrom('\n', '\r', '\r\n')), { maxLength: 15 }), fc.array(fc.integer({ min: 1, max: 9 })), (rows, cuts) => {
        const lines = ['h1,h2', ...rows.map(([cells]) => cells.map(quote).join(','))];
        const ends = ['\n', ...rows.map(([, end]) => end)];
        const mixed = joinWithEnds(lines, ends);
        expect(parse(mixed, cuts)).toEqual(parse(lines.join('\n') + '\n'));
      }),
      { numRuns: 500 },
    );
  });

  it('reports an unclosed quote with its record', () => {
    expect(() => parse('a\n"b\n')).toThrow(CsvUnclosedQuoteError);
  });

  it('detects the delimiter from the line with the most', () => {
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(detectDelimiter('a\tb')).toBe('\t');
    expect(detectDelimiter('"a;b",c')).toBe(',');
  });

  it('gives the same records however the text is cut (property)', () => {
    const field = fc.oneof(fc.constantFrom('', '"', ',', '\n', '\r\n', '""', ' '), fc.string({ maxLength: 6 }), fc.constantFrom('工单', '满意'));
    const table = fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(table, fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 30 }), (rows, cuts) => {
        const quote = (f: string) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f);
        const text = ['h1,h2', ...rows.map((r) => r.map(quote).join(','))].join('\r\n') + '\r\n';
        expect(parse(text, cuts)).toEqual([['h1', 'h2'], ...rows]);
      }),
      { numRuns: 300 },
    );
  });
});
