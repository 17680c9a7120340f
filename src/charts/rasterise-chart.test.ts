// The PNG of a chart: labels drawn as outlines set once per run must look as resvg sets the
// same text itself (same place, same anchor, same glyphs), the second drawing of
// a label reuses the first, and the picture has the size asked for.
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { findChartFonts, loadChartRasteriser } from './rasterise-chart.js';

const fonts = findChartFonts();

/** A PNG's RGBA pixels (resvg decodes it as an image of an SVG of its size). */
function pixels(png: Uint8Array, width: number, height: number): Buffer {
  const wrapper = `<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><image width="${width}" height="${height}" href="data:image/png;base64,${Buffer.from(png).toString('base64')}"/></svg>`;
  return Buffer.from(new Resvg(wrapper, { font: { loadSystemFonts: false } }).render().pixels);
}

/** The part of the pixels where the two pictures differ visibly (a channel by more than a quarter). */
function differing(a: Buffer, b: Buffer): number {
  let count = 0;
  for (let i = 0; i < a.length; i += 4) if ([0, 1, 2].some((c) => Math.abs(a[i + c]! - b[i + c]!) > 64)) count++;
  return count / (a.length / 4);
}
const CJK_FONT = "'Noto Sans CJK SC', sans-serif";
const LATIN_FONT = "Arial, 'DejaVu Sans', sans-serif";
const svg = (label: string, x: number, family: string) =>
  '<svg width="200" height="60" xmlns="http://www.w3.org/2000/svg"><rect width="200" height="60" fill="#fff"/>' +
  `<text dominant-baseline="central" text-anchor="end" style="font-size:13px;font-family:${family};" y="6" transform="translate(${x} 20)" fill="#333">${label}</text></svg>`;

describe('loadChartRasteriser', () => {
  it.skipIf(fonts.cjk === null || fonts.latin === null)('draws outlined labels as resvg sets the text itself, at the scale asked', async () => {
    const rasteriser = await loadChartRasteriser(fonts);
    // Chinese labels in the CJK face, numbers in the Latin one: as resvg sets them with only that face's file.
    for (const [label, family, font] of [
      ['客户满意度（班组）', CJK_FONT, fonts.cjk!],
      ['+12.50', LATIN_FONT, fonts.latin!],
    ] as const) {
      for (const x of [150, 120]) {
        // The second one reuses the outlines of the first, moved.
        const drawn = rasteriser.png(svg(label, x, family), 2);
        expect([drawn.width, drawn.height]).toEqual([400, 120]);
        const direct = new Resvg(svg(label, x, family), { fitTo: { mode: 'zoom', value: 2 }, background: '#ffffff', font: { fontFiles: [font.file], loadSystemFonts: false, defaultFontFamily: font.family, sansSerifFamily: font.family } })
          .render()
          .asPng();
        // Paths written out and read back round their coordinates: edges may differ by a shade, never a glyph.
        expect(differing(pixels(drawn.png, 400, 120), pixels(direct, 400, 120))).toBeLessThan(0.002);
      }
    }
    // The comparison sees a label: without it, the pictures differ.
    expect(differing(pixels(rasteriser.png(svg('', 150, CJK_FONT), 2).png, 400, 120), pixels(rasteriser.png(svg('客户满意度（班组）', 150, CJK_FONT), 2).png, 400, 120))).toBeGreaterThan(0.01);
  });
});
