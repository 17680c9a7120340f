// Result notices (绩效考核结果通知书): one per person, made exactly like the policy document —
// a view of the result → the `notice` template of the policy's language → Markdown → Word —
// so that a company that adapts its templates (`--templates`) adapts both. The notice is in
// the policy's language, like the policy it refers to. Returns the files; writing them is
// the caller's job.
import { join } from 'node:path';
import type { EvaluationPlan } from '../evaluate/kpi-plan.js';
import type { TicketDetail } from '../evaluate/ticket-details.js';
import { t } from '../i18n/catalogue.js';
import { MAX_NAME_BYTES, type OutputFile } from '../io/write-output.js';
import type { Policy } from '../policy/policy.generated.js';
import type { DocumentOptions } from '../render/document-options.js';
import { escapeMarkdown } from '../render/escape-markdown.js';
import { markdownToDocx, type DocxImage } from '../render/markdown-to-docx.js';
import { loadChartRenderer } from '../charts/render-chart.js';
import { loadChartRasteriser, type ChartRasteriser } from '../charts/rasterise-chart.js';
import { noticeChartAlt, profileChart, totalChart, type NoticeChart } from './notice-charts.js';
import { policyDocumentOptions } from '../render/render-policy.js';
import { renderTemplate, type TemplateSet } from '../render/templates.js';
import { buildNoticeView, type NoticeChartFile, type NoticeView } from './notice-view.js';
import type { ReportPerson, ScoredReport } from '../scoring/scored-report.js';
import { renderTicketList } from './ticket-list.js';
import { truncateUtf8 } from '../text/utf8-bytes.js';

/** The notice's main template in templates/<language>/. */
export const NOTICE_TEMPLATE = 'notice';

export function renderNoticeMarkdown(view: NoticeView, templates: TemplateSet): string {
  const markdown = renderTemplate(templates, NOTICE_TEMPLATE, view);
  // A company's own template (--templates) may predate the trial mark: a trial notice is
  // never without it, so it goes first when the template left it out.
  if (view.trial && !markdown.includes(view.trial.mark)) return `**${escapeMarkdown(view.trial.mark)}**\n\n${markdown}`;
  return markdown;
}

/** The policy's fonts and sizes, with the notice's own title and header, dated the day the results are published (YYYY-MM-DD). */
export function noticeDocumentOptions(policy: Policy, view: NoticeView, resultDate: string): DocumentOptions {
  const language = policy.meta.language;
  const title = t(language, 'notice-title');
  return {
    ...policyDocumentOptions(policy),
    title: `${title} ${view.person.id} ${view.person.name}`.trim(),
    subject: `${title} ${view.period}${view.trial ? ` ${view.trial.mark}` : ''}`,
    // On every page of a trial run's notice, not only above its first line.
    header: t(language, 'notice-header', { company: policy.meta.company }) + (view.trial ? ` · ${view.trial.mark}` : ''),
    description: view.period,
    date: resultDate,
  };
}

/** The longest extension a notice's files get (the ticket list's). */
const LONGEST_EXTENSION = '.tickets.csv';

/** Bytes of a notice's base name: with `-N` (a namesake) and the extension it fits in 255. */
export const NOTICE_BASE_BYTES = MAX_NAME_BYTES - LONGEST_EXTENSION.length - 8;

/**
 * `E0007-张伟`: the staff id first (unique), then the name, without characters file
 * systems refuse, shortened to whole characters within NOTICE_BASE_BYTES of UTF-8.
 */
export function noticeFileName(person: Pick<ReportPerson, 'id' | 'name'>): string {
  // eslint-disable-next-line no-control-regex
  const clean = (s: string) => s.replace(/[\\/:*?"<>|\x00-\x1f\x7f]/g, '_').replace(/^\.+/, '_').trim();
  return truncateUtf8([clean(person.id), clean(person.name)].filter(Boolean).join('-'), NOTICE_BASE_BYTES).trim() || 'notice';
}

/** What each person's ticket list is made from: the evaluation's details, per person of the report. */
export interface TicketLists {
  readonly plan: EvaluationPlan;
  /** The tickets that counted for report.staff[i]. */
  readonly detailsOf: (index: number) => readonly TicketDetail[];
}

/** How a notice's charts are drawn as pictures for Word. */
export interface NoticeChartOptions {
  /** Default: resvg with the fonts found on this machine, loaded with the first chart. */
  readonly rasteriser?: ChartRasteriser;
  /**
   * Called once when a chart has Chinese text and no CJK font was found: the Word notices
   * then show each chart's description in its place (the SVG files are whole).
   */
  readonly onFontMissing?: () => void;
  /**
   * Called with a person's file paths, in the order they are returned, before their charts
   * and Word file are made: a check that throws (an existing notice without --force) stops
   * the run before the seconds the rest would take.
   */
  readonly beforeDrawing?: (paths: readonly string[]) => Promise<void>;
}

/** PNG pixels per SVG unit: a chart shown 420 pt wide is 1,120 pixels, about 190 dpi on paper, and 30–60 KB. */
const PNG_SCALE = 2;

/** Text a Latin face cannot set. */
const NEEDS_CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

/**
 * `DIR/<id-name>.md` and `.docx` for every person of the report; with `lists`, also
 * `DIR/<id-name>.tickets.csv`, the tickets that counted for the person, which the notice
 * then names. An assessed person's notice has two charts (notice-charts.ts): SVG files
 * beside the Markdown (`<id-name>.kpis.svg`, `.total.svg`), which it links, and the same
 * charts as pictures inside the Word file. A template that links no chart gets none.
 */
export async function buildNotices(report: ScoredReport, policy: Policy, templates: TemplateSet, dir: string, lists?: TicketLists, chartOptions: NoticeChartOptions = {}): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  const used = new Set<string>();
  const language = policy.meta.language;
  let rasteriser: ChartRasteriser | undefined = chartOptions.rasteriser;
  let fontMissingSaid = false;
  /** The chart as SVG (for the file) and, when its text can be set, as a PNG (for Word). */
  const draw = async (chart: NoticeChart, labels: readonly string[]): Promise<{ svg: string; image: DocxImage | undefined }> => {
    const svg = (await loadChartRenderer()).svg(chart.option, { width: chart.width, height: chart.height });
    rasteriser ??= await loadChartRasteriser();
    if (rasteriser.fonts.cjk === null && labels.some((l) => NEEDS_CJK.test(l))) {
      if (!fontMissingSaid) chartOptions.onFontMissing?.();
      fontMissingSaid = true;
      return { svg, image: undefined };
    }
    const raster = rasteriser.png(svg, PNG_SCALE);
    // Shown at ¾ pt per SVG unit: the chart's text at about 9–10 pt, like the notice's tables.
    return { svg, image: { png: raster.png, width: (chart.width * 3) / 4, height: (chart.height * 3) / 4 } };
  };
  for (const [index, person] of report.staff.entries()) {
    let base = noticeFileName(person);
    for (let n = 2; used.has(base.toLowerCase()); n++) base = `${noticeFileName(person)}-${n}`;
    used.add(base.toLowerCase());
    const list = lists ? renderTicketList(person, lists.detailsOf(index), lists.plan, policy, policy.meta.language) : undefined;
    const listFile = `${base}.tickets.csv`;
    const built = buildNoticeView(report, person, policy);
    const alt = built.chart ? noticeChartAlt(language, built.chart) : undefined;
    const charts = alt ? { profile: { file: `${base}.kpis.svg`, alt: alt.profile }, total: { file: `${base}.total.svg`, alt: alt.total } } : null;
    const view: NoticeView = { ...built, charts, ticketList: list === undefined ? null : t(language, 'notice-ticket-list', { file: listFile }) };
    const markdown = renderNoticeMarkdown(view, templates);
    // Only the charts the template links: a company's own template may have none.
    const linked = view.chart && charts ? [charts.profile, charts.total].filter((file) => markdown.includes(file.file)) : [];
    await chartOptions.beforeDrawing?.([`${base}.md`, `${base}.docx`, ...linked.map((file) => file.file), ...(list === undefined ? [] : [listFile])].map((name) => join(dir, name)));
    const images = new Map<string, DocxImage>();
    const svgs: OutputFile[] = [];
    if (view.chart && charts) {
      const data = view.chart;
      const drawn: [NoticeChartFile, NoticeChart, readonly string[]][] = [
        [charts.profile, profileChart(language, data), data.profile.map((p) => p.label)],
        [charts.total, totalChart(data), [...data.steps.map((s) => s.label), data.total.label, data.veto ?? '']],
      ];
      for (const [file, chart, labels] of drawn) {
        if (!linked.includes(file)) continue;
        const { svg, image } = await draw(chart, labels);
        svgs.push({ path: join(dir, file.file), data: svg });
        if (image) images.set(file.file, image);
      }
    }
    files.push({ path: join(dir, `${base}.md`), data: markdown });
    files.push({ path: join(dir, `${base}.docx`), data: await markdownToDocx(markdown, noticeDocumentOptions(policy, view, report.result_date), images) });
    files.push(...svgs);
    if (list !== undefined) files.push({ path: join(dir, listFile), data: list });
  }
  return files;
}
