// Manual column page breaks (`<colBreaks>`) for sheets of an .xlsx file. exceljs writes row
// breaks but not column breaks, and without them a spreadsheet cuts a wide sheet wherever the
// paper ends — through a KPI's six columns and the merged header above them. This rewrites
// the zip (io/zip-archive.ts replaceZipEntries): the named sheets get the element, every
// other entry is copied byte for byte.
// Pure (bytes in, bytes out); never changes a cell.
import { replaceZipEntries } from '../io/zip-archive.js';

/** Elements that come after `<colBreaks>` in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER = /<(customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)[\s>/]|<\/worksheet>/;

/** The sheet XML with a `<colBreaks>` that starts a new page before each of `columns` (1-based, > 1). */
export function withColumnBreaks(xml: string, columns: readonly number[]): string {
  if (columns.length === 0 || xml.includes('<colBreaks')) return xml;
  // A break after column n (1-based) is written with id n.
  const breaks = columns.map((c) => `<brk id="${c - 1}" max="1048575" man="1"/>`).join('');
  const element = `<colBreaks count="${columns.length}" manualBreakCount="${columns.length}">${breaks}</colBreaks>`;
  const match = AFTER.exec(xml);
  if (!match) return xml;
  return xml.slice(0, match.index) + element + xml.slice(match.index);
}

/**
 * The workbook with column breaks: `breaks` maps a worksheet's file number (`sheet3.xml` →
 * 3, exceljs's worksheet id) to the columns (1-based) that start a new page.
 */
export function addColumnBreaks(xlsx: Uint8Array, breaks: ReadonlyMap<number, readonly number[]>): Uint8Array {
  if ([...breaks.values()].every((b) => b.length === 0)) return xlsx;
  return replaceZipEntries(xlsx, (name, content) => {
    const match = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name);
    const columns = match ? breaks.get(Number(match[1])) : undefined;
    if (!columns || columns.length === 0) return undefined;
    return Buffer.from(withColumnBreaks(content().toString('utf8'), columns), 'utf8');
  });
}
