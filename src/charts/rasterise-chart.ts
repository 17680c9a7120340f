// SVG charts → PNG, for formats that cannot show SVG everywhere (a Word notice: WPS and older
// Word show only a bitmap). resvg draws the same SVG ECharts wrote, with fonts loaded from
// files this module finds, never the machine's whole font list: a chart looks the same
// wherever it is drawn from the same fonts, and Chinese text needs a CJK face that resvg
// would otherwise pick at random or not at all. resvg is a native module, loaded on the
// first drawing only. Reads font files; never writes.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A font face for charts: its file and the family name the SVG asks for. */
export interface ChartFont {
  readonly file: string;
  readonly family: string;
}

/** The faces a chart is drawn with. */
export interface ChartFonts {
  /** Chinese (and Latin) text; null when the machine has no CJK font. */
  readonly cjk: ChartFont | null;
  /**
   * Numbers and Latin-only text. resvg reads a font file again for every piece of text it
   * sets, and a CJK collection is 20 MB: a label of digits set in a small Latin face costs
   * a hundredth of one set in the CJK face. Null: the CJK face sets everything.
   */
  readonly latin: ChartFont | null;
}

/** A PNG and its size in pixels. */
export interface Raster {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export interface ChartRasteriser {
  readonly fonts: ChartFonts;
  /** The SVG drawn at `scale` pixels per SVG unit (2: sharp when printed at the SVG's size in points). */
  png(svg: string, scale: number): Raster;
}

/**
 * Where CJK fonts are found without fontconfig (Windows, macOS) or when it is not
 * installed: the fonts those systems ship, with their family names.
 */
const KNOWN_CJK: readonly ChartFont[] = [
  { file: 'C:\\Windows\\Fonts\\msyh.ttc', family: 'Microsoft YaHei' },
  { file: 'C:\\Windows\\Fonts\\simhei.ttf', family: 'SimHei' },
  { file: '/System/Library/Fonts/PingFang.ttc', family: 'PingFang SC' },
  { file: '/System/Library/Fonts/STHeiti Light.ttc', family: 'Heiti SC' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
];
const KNOWN_LATIN: readonly ChartFont[] = [
  { file: 'C:\\Windows\\Fonts\\arial.ttf', family: 'Arial' },
  { file: '/System/Library/Fonts/Supplemental/Arial.ttf', family: 'Arial' },
  { file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', family: 'DejaVu Sans' },
  { file: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', family: 'Liberation Sans' },
];

/** fontconfig's regular faces for a pattern, as file and first family name; none without fontconfig. */
function fontconfig(pattern: string): ChartFont[] {
  let out: string;
  try {
    out = execFileSync('fc-list', ['-f', '%{file}\\t%{family[0]}\\t%{style[0]}\\n', pattern], { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return [];
  }
  return out
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((f) => f.length === 3 && /^(Regular|Book|Normal|Medium)$/i.test(f[2]!))
    .map(([file, family]) => ({ file: file!, family: family! }));
}

/** Simplified Chinese sans faces first (a chart's labels read best in 黑体-like type), then any other CJK face. */
function rankCjk(font: ChartFont): number {
  const f = font.family;
  if (/mono/i.test(f)) return 9;
  if (/Sans CJK SC|YaHei|PingFang SC|Hei SC|Micro Hei/i.test(f)) return 0;
  if (/Sans.*(SC|GB)|黑/i.test(f)) return 1;
  if (/SC|GB|CN/.test(f)) return 2;
  return 3;
}

/** The fonts charts are drawn with on this machine: fontconfig's when it has it, else the systems' own. */
export function findChartFonts(): ChartFonts {
  const cjk = [...fontconfig(':lang=zh-cn')].sort((a, b) => rankCjk(a) - rankCjk(b) || (a.family < b.family ? -1 : a.family > b.family ? 1 : 0))[0] ?? KNOWN_CJK.find((f) => existsSync(f.file)) ?? null;
  const latin =
    fontconfig(':lang=en').find((f) => /^(DejaVu Sans|Liberation Sans|Arial|Helvetica|Noto Sans)$/.test(f.family)) ?? KNOWN_LATIN.find((f) => existsSync(f.file)) ?? null;
  return { cjk, latin };
}

let loading: Promise<ChartRasteriser> | undefined;

/** Loads resvg and finds the fonts on first use (later calls share them). */
export function loadChartRasteriser(fonts?: ChartFonts): Promise<ChartRasteriser> {
  if (fonts) return load(fonts);
  loading ??= load(findChartFonts());
  return loading;
}

/** A text element of an ECharts SVG: its opening tag's attributes and its content (escaped as written). */
const TEXT_ELEMENT = /<text\b([^>]*)>([^<]*)<\/text>/g;
const TRANSFORM = /\stransform="([^"]*)"/;
/** Text a Latin face cannot set (CJK ideographs, kana, hangul, full-width forms and punctuation). */
const NEEDS_CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|&#x?[0-9a-f]+;/i;

/** The `<g id=…>` element's content in usvg's output, by balancing its groups. */
function groupContent(svg: string, id: string): string | undefined {
  const open = `<g id="${id}">`;
  const start = svg.indexOf(open);
  if (start < 0) return undefined;
  const tag = /<g\b[^>]*?(\/?)>|<\/g>/g;
  tag.lastIndex = start + open.length;
  let depth = 1;
  for (let m = tag.exec(svg); m; m = tag.exec(svg)) {
    if (m[0] === '</g>') depth--;
    else if (m[1] !== '/') depth++;
    if (depth === 0) return svg.slice(start + open.length, m.index);
  }
  return undefined;
}

async function load(fonts: ChartFonts): Promise<ChartRasteriser> {
  const { Resvg } = await import('@resvg/resvg-js');
  const files = [fonts.cjk, fonts.latin].filter((f): f is ChartFont => f !== null).map((f) => f.file);
  const family = (fonts.cjk ?? fonts.latin)?.family;
  const fontOptions = (fontFiles: readonly string[], main: string | undefined) => ({
    fontFiles: [...fontFiles],
    // The system's fonts only when none was found: then Latin text still shows.
    loadSystemFonts: fontFiles.length === 0,
    ...(main ? { defaultFontFamily: main, sansSerifFamily: main } : {}),
  });
  /**
   * Outlines of text, by the text element without its position. resvg reads its font file
   * again for every piece of text it sets (a CJK collection is 20 MB: about 20 ms a label),
   * and a notice's labels repeat from person to person (the KPI names, 综合得分, the axis
   * numbers): each is set once per run, in one pass per face, and drawn as paths after.
   * Labels without CJK are set in the Latin face, which is cheap to read.
   */
  const outlines = new Map<string, string>();
  const setAsPaths = (keys: readonly string[], font: ChartFont, width: string, height: string) => {
    if (keys.length === 0) return;
    const sheet = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${keys.map((k, i) => `<g id="t${i}">${k}</g>`).join('')}</svg>`;
    const converted = new Resvg(sheet, { font: fontOptions([font.file], font.family) }).toString();
    keys.forEach((key, i) => outlines.set(key, groupContent(converted, `t${i}`) ?? ''));
  };
  const outline = (svg: string, width: string, height: string): string => {
    const cjk = new Set<string>();
    const latin = new Set<string>();
    for (const m of svg.matchAll(TEXT_ELEMENT)) {
      const key = m[0].replace(TRANSFORM, '');
      if (outlines.has(key)) continue;
      // With one face only, it sets every label; with none, resvg's own fonts draw what they can.
      if (fonts.latin !== null && (fonts.cjk === null || !NEEDS_CJK.test(m[2]!))) latin.add(key);
      else if (fonts.cjk !== null) cjk.add(key);
    }
    if (fonts.cjk) setAsPaths([...cjk], fonts.cjk, width, height);
    if (fonts.latin) setAsPaths([...latin], fonts.latin, width, height);
    return svg.replace(TEXT_ELEMENT, (element) => {
      const paths = outlines.get(element.replace(TRANSFORM, ''));
      if (paths === undefined) return element;
      const transform = TRANSFORM.exec(element)?.[1];
      return transform === undefined ? `<g>${paths}</g>` : `<g transform="${transform}">${paths}</g>`;
    });
  };
  return {
    fonts,
    png(svg, scale) {
      const size = /<svg\b[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"/.exec(svg);
      const drawn = outline(svg, size?.[1] ?? '100', size?.[2] ?? '100');
      // Every label is paths now, unless no font was found: then resvg's own fonts set them.
      const left = TEXT_ELEMENT.test(drawn);
      TEXT_ELEMENT.lastIndex = 0;
      const resvg = new Resvg(drawn, { fitTo: { mode: 'zoom', value: scale }, background: '#ffffff', font: left ? fontOptions(files, family) : { loadSystemFonts: false } });
      const image = resvg.render();
      return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
    },
  };
}
