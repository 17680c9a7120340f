// Charts drawn ahead of time: an Apache ECharts option → an SVG string, in Node, without a
// DOM or a browser, so that a dashboard, a workbook or a notice shows its charts with no
// script. ECharts is large, so it is loaded only when the first chart is drawn: commands
// that draw nothing never pay for it. It is loaded as its one-file bundle (the package's
// `require` entry), not as the ES modules of its `import` entry: the same library, but
// the hundreds of modules of the latter cost about a second of CPU to load against a
// quarter of one for the bundle (measured for `aspm dashboard`, BENCHMARKS.md).
import { createRequire } from 'node:module';
import type * as ECharts from 'echarts';
import type { EChartsOption } from 'echarts';

export type { EChartsOption as ChartOption } from 'echarts';

export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/** Draws charts once ECharts is loaded; `loadChartRenderer` gives one. */
export interface ChartRenderer {
  /** The chart as a standalone SVG document (text from the data is escaped by ECharts). */
  svg(option: EChartsOption, size: ChartSize): string;
}

let loading: Promise<ChartRenderer> | undefined;

/** Loads ECharts on first use (later calls share it). */
export function loadChartRenderer(): Promise<ChartRenderer> {
  loading ??= Promise.resolve(createRequire(import.meta.url)('echarts') as typeof ECharts).then((echarts) => ({
    svg(option: EChartsOption, size: ChartSize): string {
      const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
      try {
        // No animation: an SVG drawn ahead of time is its final frame.
        chart.setOption({ animation: false, ...option });
        return chart.renderToSVGString();
      } finally {
        // Without it the chart keeps timers alive and the process does not exit.
        chart.dispose();
      }
    },
  }));
  return loading;
}
