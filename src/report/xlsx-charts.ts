// Native Excel charts (DrawingML `c:chartSpace` parts) on a sheet of an .xlsx file. exceljs
// writes no charts, so they are added to the zip it wrote (io/zip-archive.ts): a chart part
// per chart, one drawing that anchors them to the sheet's cells, the relationships between
// sheet, drawing and charts, and their content types. Each series points at cells of the
// sheet (`'图表'!$B$5:$B$9`) and carries a cache of their values, as Excel writes it: Excel
// and WPS redraw from the cells, LibreOffice and viewers that do not recalculate show the
// cache. The structure follows what Excel writes (c:chart → c:plotArea → c:barChart with
// c:barDir, c:grouping and c:ser with c:cat/c:val, then c:catAx/c:valAx crossing by
// c:axId), elements in the schema's order. Text carries a CJK typeface (a:ea) and a Latin
// one, with zh-CN as its language, so Chinese titles and labels render in every application.
// Pure (bytes in, bytes out).
import { replaceZipEntries } from '../io/zip-archive.js';
import { escapeXml } from '../text/escape-xml.js';

/** A range of one column or one row of the sheet, in A1 notation without the sheet (`$B$5:$B$9`). */
export interface CellRange {
  readonly ref: string;
}

export interface ChartSeries {
  /** Drawn as bars, or as a line across the categories (a target). */
  readonly kind: 'bar' | 'line';
  /** The cell holding the series' name, and the name. */
  readonly name: CellRange & { readonly text: string };
  readonly values: CellRange & { readonly numbers: readonly (number | null)[]; readonly format: string };
  /** RGB, e.g. 4F6FC4. */
  readonly colour: string;
  /** Show each value above its bar. */
  readonly labels?: boolean;
}

export interface XlsxChart {
  readonly title: string;
  /** The category labels' cells (e.g. the grades), shared by all series. */
  readonly categories: CellRange & { readonly texts: readonly string[] };
  readonly series: readonly ChartSeries[];
  /** Number format of the value axis. */
  readonly axisFormat: string;
  /** The value axis from 0 (a count or a share); otherwise Excel picks its range. */
  readonly fromZero: boolean;
  /** Cells the chart covers: top-left column and row, bottom-right column and row (0-based, exclusive). */
  readonly anchor: { readonly fromColumn: number; readonly fromRow: number; readonly toColumn: number; readonly toRow: number };
}

export interface ChartFonts {
  readonly latin: string;
  readonly eastAsian: string;
}

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const TYPE_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const TYPE_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

/** Text in an attribute (quotes escaped) and in an element (as Excel writes it: only & < >). */
const x = (text: string) => escapeXml(text, 'all');
const t = (text: string) => escapeXml(text, 'none');

/** A sheet-qualified reference: the sheet's name quoted, as formulas write it. */
export function sheetRef(sheet: string, ref: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${ref}`;
}

/** Run properties for chart text: size in points, both typefaces, Chinese as the East Asian language. */
function runProperties(fonts: ChartFonts, size: number, bold: boolean, tag: 'a:defRPr' | 'a:rPr', colour = '404040'): string {
  return (
    `<${tag} lang="zh-CN" altLang="en-US" sz="${Math.round(size * 100)}" b="${bold ? 1 : 0}">` +
    `<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>` +
    `<a:latin typeface="${x(fonts.latin)}"/><a:ea typeface="${x(fonts.eastAsian)}"/><a:cs typeface="${x(fonts.latin)}"/>` +
    `</${tag}>`
  );
}

/** `c:txPr`: the text style of an axis, a legend or the whole chart. */
function textProperties(fonts: ChartFonts, size: number): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${runProperties(fonts, size, false, 'a:defRPr')}</a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
}

function stringCache(texts: readonly string[]): string {
  return `<c:strCache><c:ptCount val="${texts.length}"/>${texts.map((text, i) => `<c:pt idx="${i}"><c:v>${t(text)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numberCache(numbers: readonly (number | null)[], format: string): string {
  // A blank cell has no point: the chart leaves a gap.
  const points = numbers.map((n, i) => (n === null || !Number.isFinite(n) ? '' : `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>`)).join('');
  return `<c:numCache><c:formatCode>${t(format)}</c:formatCode><c:ptCount val="${numbers.length}"/>${points}</c:numCache>`;
}

function series(chart: XlsxChart, s: ChartSeries, index: number, sheet: string, fonts: ChartFonts): string {
  const tx = `<c:tx><c:strRef><c:f>${t(sheetRef(sheet, s.name.ref))}</c:f>${stringCache([s.name.text])}</c:strRef></c:tx>`;
  const line = s.kind === 'line';
  const shape = line
    ? `<c:spPr><a:ln w="22225" cap="rnd"><a:solidFill><a:srgbClr val="${s.colour}"/></a:solidFill><a:prstDash val="dash"/><a:round/></a:ln></c:spPr><c:marker><c:symbol val="dash"/><c:size val="9"/><c:spPr><a:solidFill><a:srgbClr val="${s.colour}"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr></c:marker>`
    : `<c:spPr><a:solidFill><a:srgbClr val="${s.colour}"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr><c:invertIfNegative val="0"/>`;
  const labels = s.labels
    ? `<c:dLbls><c:numFmt formatCode="${x(s.values.format)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${textProperties(fonts, 9)}<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`
    : '';
  const cat = `<c:cat><c:strRef><c:f>${t(sheetRef(sheet, chart.categories.ref))}</c:f>${stringCache(chart.categories.texts)}</c:strRef></c:cat>`;
  const val = `<c:val><c:numRef><c:f>${t(sheetRef(sheet, s.values.ref))}</c:f>${numberCache(s.values.numbers, s.values.format)}</c:numRef></c:val>`;
  return `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>${tx}${shape}${labels}${cat}${val}${line ? '<c:smooth val="0"/>' : ''}</c:ser>`;
}

/** The chart part (`xl/charts/chartN.xml`) of one chart, its series pointing at cells of `sheet`. */
export function chartSpaceXml(chart: XlsxChart, sheet: string, fonts: ChartFonts): string {
  const CAT = 500000;
  const VAL = 500001;
  const axes = `<c:axId val="${CAT}"/><c:axId val="${VAL}"/>`;
  const indexed = chart.series.map((s, i) => ({ s, i }));
  const bars = indexed.filter(({ s }) => s.kind === 'bar');
  const lines = indexed.filter(({ s }) => s.kind === 'line');
  const barChart =
    bars.length === 0
      ? ''
      : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${bars.map(({ s, i }) => series(chart, s, i, sheet, fonts)).join('')}<c:gapWidth val="80"/><c:overlap val="-10"/>${axes}</c:barChart>`;
  const lineChart =
    lines.length === 0 ? '' : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lines.map(({ s, i }) => series(chart, s, i, sheet, fonts)).join('')}<c:marker val="1"/>${axes}</c:lineChart>`;
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${runProperties(fonts, 12, true, 'a:defRPr', '262626')}</a:pPr><a:r>${runProperties(fonts, 12, true, 'a:rPr', '262626')}<a:t>${t(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const gridline = '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="E4E6EB"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>';
  const axisLine = '<c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="A6A6A6"/></a:solidFill></a:ln></c:spPr>';
  const catAx = `<c:catAx><c:axId val="${CAT}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${axisLine}${textProperties(fonts, 9)}<c:crossAx val="${VAL}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx = `<c:valAx><c:axId val="${VAL}"/><c:scaling><c:orientation val="minMax"/>${chart.fromZero ? '<c:min val="0"/>' : ''}</c:scaling><c:delete val="0"/><c:axPos val="l"/>${gridline}<c:numFmt formatCode="${x(chart.axisFormat)}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:spPr><a:ln><a:noFill/></a:ln></c:spPr>${textProperties(fonts, 9)}<c:crossAx val="${CAT}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    '<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>' +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${barChart}${lineChart}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProperties(fonts, 9)}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>' +
    textProperties(fonts, 10) +
    '<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings>' +
    '</c:chartSpace>'
  );
}

/** The drawing part: one anchored frame per chart, each pointing at its chart by relationship rIdN. */
export function drawingXml(charts: readonly XlsxChart[]): string {
  const anchors = charts.map((chart, i) => {
    const { fromColumn, fromRow, toColumn, toRow } = chart.anchor;
    const at = (tag: string, column: number, row: number) => `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${at('from', fromColumn, fromRow)}${at('to', toColumn, toRow)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${x(`Chart ${i + 1}`)}" descr="${x(chart.title)}"/><xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join('')}</xdr:wsDr>`
  );
}

function relationships(items: readonly { id: string; type: string; target: string }[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    items.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join('') +
    '</Relationships>'
  );
}

/** Elements that come after `<drawing>` in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING = /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)[\s>/]|<\/worksheet>/;

/**
 * The workbook with `charts` drawn on the worksheet `sheet{number}.xml` (exceljs's
 * worksheet id), whose name is `sheetName` (the charts' references name it).
 */
export function addSheetCharts(xlsx: Uint8Array, number: number, sheetName: string, charts: readonly XlsxChart[], fonts: ChartFonts): Uint8Array {
  if (charts.length === 0) return xlsx;
  const sheetPart = `xl/worksheets/sheet${number}.xml`;
  const sheetRels = `xl/worksheets/_rels/sheet${number}.xml.rels`;
  // Named after the sheet: exceljs names its own drawings drawing1, drawing2….
  const drawing = `xl/drawings/aspmCharts${number}.xml`;
  const chartParts = charts.map((_, i) => `xl/charts/aspmChart${number}_${i + 1}.xml`);
  const drawingRel = 'rIdAspmCharts';
  let hasSheetRels = false;
  const out = replaceZipEntries(
    xlsx,
    (name, content) => {
      if (name === sheetPart) {
        const xml = content().toString('utf8');
        const at = AFTER_DRAWING.exec(xml);
        if (!at || xml.includes('<drawing ')) throw new Error(`${sheetPart}: no place for the charts' drawing`);
        const withNs = xml.includes(`xmlns:r="${NS_R}"`) ? xml : xml.replace('<worksheet ', `<worksheet xmlns:r="${NS_R}" `);
        const place = AFTER_DRAWING.exec(withNs)!.index;
        return Buffer.from(`${withNs.slice(0, place)}<drawing r:id="${drawingRel}"/>${withNs.slice(place)}`, 'utf8');
      }
      if (name === sheetRels) {
        hasSheetRels = true;
        const xml = content().toString('utf8');
        return Buffer.from(xml.replace('</Relationships>', `<Relationship Id="${drawingRel}" Type="${REL_DRAWING}" Target="../drawings/aspmCharts${number}.xml"/></Relationships>`), 'utf8');
      }
      if (name === '[Content_Types].xml') {
        const overrides = [`<Override PartName="/${drawing}" ContentType="${TYPE_DRAWING}"/>`, ...chartParts.map((p) => `<Override PartName="/${p}" ContentType="${TYPE_CHART}"/>`)].join('');
        return Buffer.from(content().toString('utf8').replace('</Types>', `${overrides}</Types>`), 'utf8');
      }
      return undefined;
    },
    new Map<string, Buffer>([
      [drawing, Buffer.from(drawingXml(charts), 'utf8')],
      [`xl/drawings/_rels/aspmCharts${number}.xml.rels`, Buffer.from(relationships(chartParts.map((p, i) => ({ id: `rId${i + 1}`, type: REL_CHART, target: `../charts/${p.slice('xl/charts/'.length)}` }))), 'utf8')],
      ...chartParts.map((p, i): [string, Buffer] => [p, Buffer.from(chartSpaceXml(charts[i]!, sheetName, fonts), 'utf8')]),
    ]),
  );
  if (hasSheetRels) return out;
  // The sheet had no relationships of its own: its file comes with the drawing's.
  return replaceZipEntries(out, () => undefined, new Map([[sheetRels, Buffer.from(relationships([{ id: drawingRel, type: REL_DRAWING, target: `../drawings/aspmCharts${number}.xml` }]), 'utf8')]]));
}
