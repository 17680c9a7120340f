// The small charts of each person, drawn by hand as SVG: a page of 500 people holds 1,500
// of them, and ECharts takes about 7 ms and 4 KB a chart — ten seconds and six megabytes —
// where these take microseconds and a few hundred bytes (colours come from the page's
// style sheet by class, not repeated on every shape). Pure; every text from the data is
// escaped here, because this SVG sits inside the HTML page as it is.
import { escapeXml } from '../text/escape-xml.js';
import type { WaterfallStep } from './dashboard-data.js';

const ROW = 16;
const LABEL = 118;
const WIDTH = 390;

/** One decimal at most: enough for a chart, and short. */
function n(x: number): string {
  return String(Math.round(x * 10) / 10);
}

function text(x: number, y: number, body: string, cls = ''): string {
  return `<text x="${n(x)}" y="${n(y)}"${cls ? ` class="${cls}"` : ''}>${escapeXml(body)}</text>`;
}

/** A label cut to fit its column (CJK counts double), the whole in a tooltip. */
function label(x: number, y: number, body: string): string {
  let width = 0;
  let cut = '';
  for (const ch of body) {
    width += /[\u2E80-\uFFFF]/u.test(ch) ? 2 : 1;
    if (width > 20) {
      cut += '…';
      break;
    }
    cut += ch;
  }
  return `<text x="${n(x)}" y="${n(y)}" class="l"><title>${escapeXml(body)}</title>${escapeXml(cut)}</text>`;
}

function svg(height: number, body: string, title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="pc" width="${WIDTH}" height="${n(height)}" viewBox="0 0 ${WIDTH} ${n(height)}" role="img"><title>${escapeXml(title)}</title>${body}</svg>`;
}

export interface ProfileBar {
  readonly label: string;
  /** The KPI score (null: not scored — no bar). */
  readonly score: number | null;
  /** What is written at the bar's end (the value against the target). */
  readonly note: string;
}

/** KPI scores as bars from 0, with the line where the target is reached (100). */
export function profileSvg(bars: readonly ProfileBar[], title: string): string {
  const max = Math.max(120, ...bars.map((b) => b.score ?? 0));
  const plot = WIDTH - LABEL - 112;
  const x = (v: number) => LABEL + (v / max) * plot;
  // The value against the target in a column of its own, clear of the bars and the line.
  const noteAt = LABEL + plot + 6;
  const height = bars.length * ROW + 6;
  let body = '';
  bars.forEach((b, i) => {
    const y = 3 + i * ROW;
    body += label(LABEL - 4, y + 11, b.label);
    if (b.score !== null) body += `<rect x="${LABEL}" y="${y + 2}" width="${n(x(b.score) - LABEL)}" height="${ROW - 5}" class="${b.score >= 100 ? 'ok' : b.score > 0 ? 'mid' : 'bad'}"/>`;
    body += text(noteAt, y + 11, b.note, 'v');
  });
  body += `<line x1="${n(x(100))}" x2="${n(x(100))}" y1="0" y2="${n(height)}" class="tl"/>`;
  return svg(height, body, title);
}

export interface WaterfallRow {
  readonly label: string;
  readonly step: WaterfallStep;
}

/** The total's steps as floating bars, one row each; subtotal and total as bars from 0. */
export function waterfallSvg(rows: readonly WaterfallRow[], title: string): string {
  const max = Math.max(100, ...rows.flatMap((r) => [r.step.from, r.step.to]));
  const plot = WIDTH - LABEL - 50;
  const x = (v: number) => LABEL + (Math.max(0, v) / max) * plot;
  const height = rows.length * ROW + 4;
  let body = '';
  rows.forEach((r, i) => {
    const y = 2 + i * ROW;
    const { kind, from, to } = r.step;
    const level = kind === 'subtotal' || kind === 'total';
    const a = level ? 0 : Math.min(from, to);
    const b = level ? to : Math.max(from, to);
    const delta = to - from;
    const cls = level ? 'lv' : kind === 'points' || kind === 'floor' ? (delta < 0 ? 'bad' : 'ok') : kind === 'qualitative' ? 'ql' : 'kp';
    body += label(LABEL - 4, y + 11, r.label);
    body += `<rect x="${n(x(a))}" y="${y + 2}" width="${n(Math.max(1, x(b) - x(a)))}" height="${ROW - 5}" class="${cls}"/>`;
    const shown = level ? to.toFixed(2) : `${delta < 0 ? '−' : '+'}${Math.abs(delta).toFixed(2)}`;
    body += text(x(b) + 3, y + 11, shown, 'v');
  });
  return svg(height, body, title);
}

export interface HistoryPoint {
  readonly period: string;
  readonly total: number | null;
  readonly grade: string | null;
}

/** The shown total in each period as a line, the grade above each point, the period below. */
export function historySvg(points: readonly HistoryPoint[], title: string): string {
  const height = 74;
  const left = 22;
  const step = points.length > 1 ? Math.min(60, (WIDTH - 2 * left) / (points.length - 1)) : 0;
  // A month is shown without its century when twelve of them share the width.
  const short = step < 44;
  const y = (v: number) => 52 - (Math.min(100, Math.max(0, v)) / 100) * 36;
  let body = '';
  let path = '';
  points.forEach((p, i) => {
    const x = left + i * step;
    if (p.total !== null) {
      path += `${path === '' || points[i - 1]?.total === null ? 'M' : 'L'}${n(x)} ${n(y(p.total))}`;
      body += `<circle cx="${n(x)}" cy="${n(y(p.total))}" r="2.5"/>`;
      body += text(x, y(p.total) - 5, p.grade ?? '', 'g');
    } else body += text(x, 40, '—', 'g');
    body += text(x, height - 4, short ? p.period.slice(2) : p.period, 'p');
  });
  return svg(height, `${path ? `<path d="${path}" class="hl"/>` : ''}${body}`, title);
}
