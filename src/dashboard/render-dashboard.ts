// The dashboard as one HTML document: the figures of dashboard-data.ts with their charts
// drawn ahead of time as inline SVG — no script, no network, no file beside it, so it opens
// from disk or from a mail, offline. Every text from the data (names, teams, KPI names,
// file paths, notes) is escaped where it enters the markup; message texts are escaped too,
// since their parameters are data. Pure apart from loading the chart library.
//
// Each chart sits in a `<figure data-chart="…">`: `grades` is this period's grade
// distribution (one bar per grade band, in band order, zero bars included, each an ECharts
// path with `ecmeta_series_index="0"` and its `ecmeta_data_index`), `grade-group` one per
// role or distribution group (series 1: the quotas), `kpi-trend-<id>`, `kpi-teams-<id>`,
// `total-trend`, `grades-trend`; per person `profile`, `waterfall`, `history` (drawn by
// person-charts.ts). A browser test can count what each one draws against report.json.
import { loadChartRenderer, type ChartOption, type ChartRenderer, type ChartSize } from '../charts/render-chart.js';
import { t } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import type { ScoredReport } from '../scoring/scored-report.js';
import { escapeXml } from '../text/escape-xml.js';
import { dashboardData, type DashboardData, type DashboardGoal, type DashboardKpi, type DashboardPerson, type PersonKpi } from './dashboard-data.js';
import { gradeColour, gradeGroupChart, gradesChart, gradesTrendChart, kpiTeamsChart, trendChart } from './dashboard-charts.js';
import { DASHBOARD_CSS } from './dashboard-style.js';
import { historySvg, profileSvg, waterfallSvg } from './person-charts.js';

export interface RenderDashboardOptions {
  /** Default: the language of the latest report's policy. */
  readonly language?: Language;
  /** The policy's goals chapter, when the caller has the policy: shown first, against the KPIs' medians. */
  readonly goals?: readonly DashboardGoal[];
}

/** The dashboard of `reports` (oldest period first; the last is this period) as one HTML document. */
export async function renderDashboard(reports: readonly ScoredReport[], options: RenderDashboardOptions = {}): Promise<string> {
  const data = dashboardData(reports, { ...(options.language ? { language: options.language } : {}), ...(options.goals ? { goals: options.goals } : {}) });
  const charts = await loadChartRenderer();
  return dashboardHtml(data, charts);
}

const e = (text: string) => escapeXml(text);

/** A total as the report shows it: always two decimals (80.20, not 80.2). */
function total(x: number | null): string {
  return x === null ? '—' : x.toFixed(2);
}

/** Up to two decimals, without trailing zeros. */
function num(x: number | null | undefined, decimals = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return String(Number(x.toFixed(decimals)));
}

function unitText(language: Language, unit: string): string {
  switch (unit) {
    case 'minutes':
      return t(language, 'unit-minutes');
    case 'hours':
      return t(language, 'unit-hours');
    case 'days':
      return t(language, 'unit-days');
    case 'percent':
      return t(language, 'unit-percent');
    case 'currency':
      return t(language, 'unit-currency');
    case 'count':
      return t(language, 'unit-count');
    case 'score':
      return t(language, 'unit-score');
    default:
      return '';
  }
}

function withUnit(language: Language, x: number | null, unit: string): string {
  if (x === null) return '—';
  const u = unitText(language, unit);
  return unit === 'percent' ? `${num(x)}%` : u ? `${num(x)} ${u}` : num(x);
}

interface Page {
  readonly data: DashboardData;
  readonly language: Language;
  readonly charts: ChartRenderer;
  /** Person key → name, team (for chart labels and links). */
  readonly names: ReadonlyMap<string, string>;
  readonly teams: ReadonlyMap<string, string>;
  readonly anchors: ReadonlyMap<string, string>;
}

function chart(page: Page, name: string, option: ChartOption, size: ChartSize): string {
  return `<figure class="chart" data-chart="${e(name)}">${page.charts.svg(option, size)}</figure>`;
}

/** The page of `data`, its department charts drawn by `charts`. */
export function dashboardHtml(data: DashboardData, charts: ChartRenderer): string {
  const language = data.language;
  const page: Page = {
    data,
    language,
    charts,
    names: new Map(data.people.map((p) => [p.key, p.name])),
    teams: new Map(data.people.map((p) => [p.key, p.team])),
    anchors: new Map(data.people.map((p) => [p.key, p.anchor])),
  };
  const sections = [
    { id: 'department', title: t(language, 'dash-department'), body: departmentSection },
    { id: 'grades', title: t(language, 'dash-grades'), body: gradesSection },
    { id: 'teams', title: t(language, 'dash-teams'), body: teamsSection },
    { id: 'people', title: t(language, 'dash-people-section'), body: peopleSection },
    { id: 'quality', title: t(language, 'dash-quality'), body: qualitySection },
  ];
  const title = t(language, 'dash-title', { company: data.policy.company, period: data.period.id });
  const out: string[] = [];
  out.push(`<!DOCTYPE html>\n<html lang="${language}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${e(title)}</title>\n<style>${DASHBOARD_CSS}</style>\n</head>\n<body>\n<main>\n`);
  out.push(`<header class="top"><h1>${e(title)}</h1><p class="muted">${e(t(language, 'dash-subtitle', { title: data.policy.title, revision: data.policy.revision, date: data.result_date, periods: data.periods.length }))}</p>`);
  if (data.trial) out.push(`<p class="trial">${e(t(language, 'dash-trial'))}</p>`);
  out.push(`<nav class="toc"><h3>${e(t(language, 'dash-contents'))}</h3><ol>`);
  for (const s of sections) out.push(`<li><a href="#${s.id}">${e(s.title)}</a></li>`);
  out.push(`</ol><p class="muted">${e(t(language, 'dash-print-note'))}</p></nav></header>\n`);
  sections.forEach((s, i) => {
    out.push(`<section class="page" id="${s.id}"><h2><span class="no">${e(t(language, 'dash-section-number', { n: i + 1 }))}</span>${e(s.title)}</h2>\n`);
    out.push(s.body(page));
    out.push('</section>\n');
  });
  out.push('</main>\n</body>\n</html>\n');
  return out.join('');
}

function departmentSection(page: Page): string {
  const { data, language } = page;
  const now = data.overview[data.overview.length - 1];
  const out: string[] = [];
  if (now) {
    const money = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    const tiles: [string, string][] = [
      [t(language, 'dash-people'), String(now.people)],
      [t(language, 'dash-assessed'), String(now.assessed)],
      [t(language, 'dash-not-assessed-count'), String(now.people - now.assessed)],
      [t(language, 'dash-total-median'), num(now.total_median)],
      [t(language, 'dash-bonus-total'), now.bonus_total === null ? '—' : money.format(now.bonus_total)],
      [t(language, 'dash-warnings'), String(data.quality.warnings_total)],
    ];
    out.push(`<div class="tiles">${tiles.map(([k, v]) => `<div class="tile">${e(k)}<b>${e(v)}</b></div>`).join('')}</div>`);
  }
  out.push(`<p class="muted">${e(t(language, 'dash-department-intro'))}</p>`);
  if (data.goals.length > 0) out.push(goalsTable(page));
  for (const l of data.left_out) out.push(`<p class="muted">${e(t(language, 'dash-left-out', { period: l.period, reason: l.reason }))}</p>`);
  out.push('<div class="grid">');
  for (const k of data.kpis) out.push(kpiCard(page, k));
  out.push(
    `<div class="card"><h3>${e(t(language, 'dash-total-trend'))}</h3>${chart(page, 'total-trend', trendChart(data.periods, data.overview.map((o) => o.total_median), { targets: [], floors: [] }), { width: 370, height: 150 })}</div>`,
  );
  out.push('</div>\n');
  return out.join('');
}

/**
 * The policy's goals against the department's value of their KPI: the goal's target, the
 * KPI's own target, whether this period met the goal, and the value in each period — the
 * median across people, said so in the cell, for a report without department values.
 */
function goalsTable(page: Page): string {
  const { data, language } = page;
  if (!data.kpis.some((k) => k.department.trend.some((p) => p.of === 'department'))) return goalsMedianTable(page);
  const head = [t(language, 'dash-goal'), t(language, 'dash-kpi')].map((h) => `<th>${e(h)}</th>`).join('') + [t(language, 'dash-goal-target'), t(language, 'dash-kpi-target'), t(language, 'dash-goal-now')].map((h) => `<th class="n">${e(h)}</th>`).join('');
  const out: string[] = [`<h3>${e(t(language, 'dash-goals'))}</h3><table class="goals"><thead><tr>${head}`];
  for (const p of data.periods) out.push(`<th class="n">${e(p)}</th>`);
  out.push('</tr></thead><tbody>');
  for (const g of data.goals) {
    const k = g.kpi === undefined ? undefined : data.kpis.find((x) => x.id === g.kpi);
    const unit = k?.unit ?? 'number';
    const kpiTarget = k?.department.target ?? (k && k.targets.length > 0 ? k.targets.map((x) => withUnit(language, x, unit)).join(' / ') : null);
    out.push(`<tr><td>${e(g.description)}</td><td>${k ? e(k.name) : e(g.kpi ?? '—')}</td><td class="n">${g.target === undefined ? '—' : e(withUnit(language, g.target, unit))}</td>`);
    out.push(`<td class="n">${e(typeof kpiTarget === 'number' ? withUnit(language, kpiTarget, unit) : (kpiTarget ?? '—'))}</td><td class="n">${e(goalStatus(language, g.target, k))}</td>`);
    for (const p of data.periods) {
      const point = k?.department.trend.find((x) => x.period === p);
      out.push(`<td class="n">${e(point ? departmentValue(language, point.value, unit, point.of) : '—')}</td>`);
    }
    out.push('</tr>');
  }
  out.push('</tbody></table>');
  return out.join('');
}

/** Reports without department values, every one: the goals against their KPI's median across people in each period. */
function goalsMedianTable(page: Page): string {
  const { data, language } = page;
  const out: string[] = [`<h3>${e(t(language, 'dash-goals'))}</h3><table><thead><tr><th>${e(t(language, 'dash-goal'))}</th><th>${e(t(language, 'dash-kpi'))}</th><th class="n">${e(t(language, 'dash-target'))}</th>`];
  for (const p of data.periods) out.push(`<th class="n">${e(t(language, 'dash-median-of', { period: p }))}</th>`);
  out.push('</tr></thead><tbody>');
  for (const g of data.goals) {
    const k = g.kpi === undefined ? undefined : data.kpis.find((x) => x.id === g.kpi);
    const unit = k?.unit ?? 'number';
    out.push(`<tr><td>${e(g.description)}</td><td>${k ? e(k.name) : e(g.kpi ?? '—')}</td><td class="n">${g.target === undefined ? '—' : e(withUnit(language, g.target, unit))}</td>`);
    for (const p of data.periods) out.push(`<td class="n">${e(withUnit(language, k?.trend.find((x) => x.period === p)?.median ?? null, unit))}</td>`);
    out.push('</tr>');
  }
  out.push('</tbody></table>');
  return out.join('');
}

/** A value of the department's, or the median across people (said so) where a report has none. */
function departmentValue(language: Language, value: number | null, unit: string, of: 'department' | 'median'): string {
  const text = withUnit(language, value, unit);
  return of === 'median' && value !== null ? t(language, 'dash-median-people', { value: text }) : text;
}

/** Whether this period's department value (or, without one, the median across people) met the goal's target. */
function goalStatus(language: Language, target: number | undefined, k: DashboardKpi | undefined): string {
  const now = k?.department.trend[k.department.trend.length - 1];
  if (target === undefined || !k || !now || now.value === null || (k.department.now && k.department.now.status !== 'ok')) return '—';
  const met = k.direction === 'lower' ? now.value <= target : now.value >= target;
  return t(language, met ? 'dash-goal-met' : 'dash-goal-missed');
}

/**
 * A KPI of the department: its own value this period (every ticket once) beside the
 * median across people, the target and how many reached it, and the trend of the department
 * value — of the median, said so, in periods whose report has no department value.
 */
function kpiCard(page: Page, k: DashboardKpi): string {
  const { language } = page;
  const median = k.spread?.median ?? null;
  const direction = t(language, k.direction === 'lower' ? 'dash-direction-lower' : 'dash-direction-higher');
  const basis = k.basis === 'teams' ? t(language, 'dash-basis-teams') : '';
  const dept = k.department.now;
  const deptText = dept === null ? '' : withUnit(language, dept.value, k.unit) + (dept.status === 'insufficient' ? t(language, 'dash-department-insufficient', { samples: dept.samples }) : '');
  // A count is the department's total: a person's target and a person's median are no line
  // or point beside it (1,505 tickets against 130 each), so its trend shows the totals alone.
  const total = dept !== null && k.unit === 'count';
  const targets = total ? [] : k.department.target !== null ? [k.department.target] : k.targets;
  const fallback = total ? [] : k.department.trend.filter((p) => p.of === 'median').map((p) => p.period);
  const points = k.department.trend.map((p) => (total && p.of === 'median' ? null : p.value));
  return (
    `<div class="card kpi" data-kpi="${e(k.id)}"><h3>${e(k.name)}${e(basis)} <span class="muted">(${e(direction)})</span></h3>` +
    '<div class="figures">' +
    (dept === null ? '' : `<span>${e(t(language, 'dash-department-value'))} <b data-department="${e(k.id)}">${e(deptText)}</b></span>`) +
    `<span>${e(t(language, dept === null ? 'dash-median' : 'dash-median-across'))} <b>${e(withUnit(language, median, k.unit))}</b></span>` +
    `<span>${e(t(language, total ? 'dash-target-each' : 'dash-target'))} <b>${e((total ? k.targets : targets).map((x) => withUnit(language, x, k.unit)).join(' / ') || '—')}</b></span>` +
    `<span>${e(t(language, 'dash-reached'))} <b>${e(t(language, 'dash-reached-of', { reached: k.reached, n: k.spread?.n ?? 0 }))}</b></span></div>` +
    `<p class="muted note">${e(t(language, fallback.length === k.department.trend.length ? 'dash-trend-median' : total ? 'dash-trend-department-total' : 'dash-trend-department'))}` +
    (fallback.length > 0 && fallback.length < k.department.trend.length ? e(t(language, 'dash-trend-median-periods', { periods: fallback.join(t(language, 'dash-separator')) })) : '') +
    '</p>' +
    chart(page, `kpi-trend-${k.id}`, trendChart(page.data.periods, points, { targets, floors: [] }), { width: 370, height: 130 }) +
    '</div>'
  );
}

/** A role's name as the report gives it (its id in a report written before reports carried names). */
function roleName(page: Page, id: string): string {
  return page.data.roles.get(id) ?? id;
}

function gradeCategories(data: DashboardData): string[] {
  return data.bands.map((b) => `${b.grade} ${b.label}`);
}

function gradesSection(page: Page): string {
  const { data, language } = page;
  const out: string[] = [];
  const now = data.overview[data.overview.length - 1];
  out.push(`<p class="muted">${e(t(language, data.forced_distribution ? 'dash-grades-intro-quota' : 'dash-grades-intro-role'))}</p>`);
  out.push('<div class="grid">');
  out.push(`<div class="card"><h3>${e(t(language, 'dash-grades-all'))}</h3>${chart(page, 'grades', gradesChart(gradeCategories(data), now?.grades ?? []), { width: 520, height: 260 })}</div>`);
  if (data.periods.length > 1) out.push(`<div class="card"><h3>${e(t(language, 'dash-grades-trend'))}</h3>${chart(page, 'grades-trend', gradesTrendChart(data), { width: 560, height: 260 })}</div>`);
  out.push('</div><div class="grid">');
  const grades = data.bands.map((b) => b.grade);
  for (const g of data.grade_groups) {
    const heading = t(language, g.by === 'team' ? 'dash-group-team' : 'dash-group-role', { id: g.by === 'team' ? g.id : roleName(page, g.id), size: g.size }) + (data.forced_distribution && !g.quotas ? t(language, 'dash-group-no-quota') : '');
    out.push(`<div class="card"><h3>${e(heading)}</h3>${chart(page, 'grade-group', gradeGroupChart(grades, g, { count: t(language, 'dash-count'), quota: t(language, 'dash-quota') }), { width: 300, height: 190 })}</div>`);
  }
  out.push('</div>\n');
  return out.join('');
}

function teamsSection(page: Page): string {
  const { data, language } = page;
  const out: string[] = [`<p class="muted">${e(t(language, 'dash-teams-intro'))}</p><div class="grid">`];
  const width = Math.min(1220, Math.max(370, 80 * (data.teams.length + 1) + 70));
  for (const k of data.kpis) {
    out.push(`<div class="card" data-kpi="${e(k.id)}"><h3>${e(k.name)} <span class="muted">${e(unitText(language, k.unit))}</span></h3>`);
    if (k.values.length === 0) out.push(`<p class="muted">${e(t(language, 'dash-no-values'))}</p>`);
    else out.push(chart(page, `kpi-teams-${k.id}`, kpiTeamsChart(k, page.teams, page.names, t(language, 'dash-all-people')), { width, height: 240 }));
    if (k.values.length > 0 && k.basis === 'people') {
      out.push(
        k.outliers.length === 0
          ? `<p class="muted">${e(t(language, 'dash-no-outliers'))}</p>`
          : `<p>${e(t(language, 'dash-outliers'))}${k.outliers.map((o) => `<a href="#${page.anchors.get(o.person) ?? ''}">${e(page.names.get(o.person) ?? o.person)}</a> ${e(withUnit(language, o.value, k.unit))}`).join('，')}</p>`,
      );
    }
    out.push('</div>');
  }
  out.push('</div>\n');
  return out.join('');
}

function gradeChip(data: DashboardData, grade: string | null): string {
  if (grade === null) return '—';
  const i = data.bands.findIndex((b) => b.grade === grade);
  return `<span class="grade" style="background:${gradeColour(Math.max(0, i), data.bands.length)}">${e(grade)}</span>`;
}

function peopleSection(page: Page): string {
  const { data, language } = page;
  const out: string[] = [`<h3 id="index">${e(t(language, 'dash-people-index'))}</h3><ul class="index">`];
  // One collator for all: localeCompare with a locale builds one per call.
  const collator = new Intl.Collator(language, { numeric: true });
  const sorted = [...data.people].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const p of sorted) {
    out.push(`<li><a href="#${p.anchor}">${e(p.name)}</a> <span class="muted">${e(p.id)}</span> ${p.status === 'assessed' ? `${e(total(p.total_rounded))} ${gradeChip(data, p.grade)}` : `<span class="muted">${e(t(language, 'dash-not-assessed'))}</span>`}</li>`);
  }
  out.push('</ul>\n');
  for (const p of data.people) out.push(personBlock(page, p));
  return out.join('');
}

function kpiNote(language: Language, k: PersonKpi): string {
  if (k.status !== 'ok') return t(language, k.status === 'no_data' ? 'dash-kpi-status-no_data' : 'dash-kpi-status-insufficient');
  return `${withUnit(language, k.value, k.unit)} / ${withUnit(language, k.target, k.unit)}`;
}

function personBlock(page: Page, p: DashboardPerson): string {
  const { data, language } = page;
  const out: string[] = [`<article class="person" id="${p.anchor}"><h3>${e(t(language, 'dash-person-heading', { name: p.name, id: p.id }))}</h3>`];
  const line = [t(language, 'dash-person-line', { role: roleName(page, p.role), team: p.team })];
  if (p.status === 'assessed') {
    line.push(t(language, 'dash-person-result', { total: total(p.total_rounded), grade: p.grade ?? '—' }));
    if (p.rank !== null && p.rank_group) line.push(t(language, 'dash-person-rank', { rank: p.rank, size: p.rank_group.size, by: p.rank_group.by }));
  } else line.push(t(language, 'dash-not-assessed'));
  out.push(`<p>${line.map(e).join(e(t(language, 'dash-separator')))} ${gradeChip(data, p.grade)} <a class="back" href="#index">${e(t(language, 'dash-back-to-index'))}</a></p>`);
  for (const v of p.vetoes) out.push(`<p class="veto">${e(t(language, 'dash-veto', { name: v.name, grade: v.max_grade ?? '—' }))}</p>`);
  for (const note of p.notes) out.push(`<p class="muted">${e(note)}</p>`);
  out.push('<div class="charts">');
  if (p.kpis.length > 0) {
    const title = t(language, 'dash-profile');
    const bars = p.kpis.map((k) => ({ label: k.name + (k.scope === 'team' ? t(language, 'dash-team-scope') : ''), score: k.status === 'ok' ? k.score : null, note: kpiNote(language, k) }));
    out.push(`<figure data-chart="profile"><h4>${e(title)}</h4>${profileSvg(bars, title)}</figure>`);
  }
  if (p.waterfall.length > 0) {
    const title = t(language, 'dash-waterfall');
    const rows = p.waterfall.map((step) => ({
      step,
      label:
        step.kind === 'qualitative'
          ? t(language, 'dash-step-qualitative')
          : step.kind === 'subtotal'
            ? t(language, 'dash-step-subtotal')
            : step.kind === 'floor'
              ? t(language, 'dash-step-floor')
              : step.kind === 'total'
                ? t(language, 'dash-step-total')
                : step.label,
    }));
    out.push(`<figure data-chart="waterfall"><h4>${e(title)}</h4>${waterfallSvg(rows, title)}</figure>`);
  }
  if (p.history.length > 1) {
    const title = t(language, 'dash-history');
    out.push(`<figure data-chart="history"><h4>${e(title)}</h4>${historySvg(p.history, title)}</figure>`);
  }
  out.push('</div></article>\n');
  return out.join('');
}

function qualitySection(page: Page): string {
  const { data, language } = page;
  const q = data.quality;
  const out: string[] = [`<h3>${e(t(language, 'dash-inputs'))}</h3><table><thead><tr>`];
  const cols: [string, (i: DashboardData['quality']['inputs'][number]) => number | null][] = [
    [t(language, 'dash-rows'), (i) => i.rows],
    [t(language, 'dash-used'), (i) => i.used],
    [t(language, 'dash-skipped'), (i) => i.skipped],
    [t(language, 'dash-outside-period'), (i) => i.outside_period],
    [t(language, 'dash-not-counted'), (i) => i.not_counted],
    [t(language, 'dash-superseded'), (i) => i.superseded],
    [t(language, 'dash-excluded'), (i) => i.excluded],
  ];
  out.push(`<th>${e(t(language, 'dash-kind'))}</th><th>${e(t(language, 'dash-file'))}</th>${cols.map(([h]) => `<th class="n">${e(h)}</th>`).join('')}</tr></thead><tbody>`);
  for (const i of q.inputs) {
    out.push(`<tr><td>${e(t(language, 'dash-input-kind', { kind: i.kind }))}</td><td>${e(i.path)}</td>${cols.map(([, f]) => `<td class="n">${f(i) === null ? '' : String(f(i))}</td>`).join('')}</tr>`);
  }
  out.push('</tbody></table>');
  out.push(`<h3>${e(t(language, 'dash-warnings-by-kind'))}</h3>`);
  if (q.warnings.length === 0) out.push(`<p class="muted">${e(t(language, 'dash-no-warnings'))}</p>`);
  else {
    out.push(`<table><thead><tr><th>${e(t(language, 'dash-warning-code'))}</th><th class="n">${e(t(language, 'dash-count'))}</th><th>${e(t(language, 'dash-warning-first'))}</th></tr></thead><tbody>`);
    for (const w of q.warnings) {
      const where = t(language, 'dash-warning-where', { file: w.first.file, row: w.first.row, column: w.first.column });
      out.push(`<tr><td>${e(w.code)}</td><td class="n">${w.count}</td><td>${e(where)}<br>${e(w.first.message)}</td></tr>`);
    }
    out.push('</tbody></table>');
    if (q.warnings_total > q.warnings_kept) out.push(`<p class="muted">${e(t(language, 'dash-warnings-truncated', { total: q.warnings_total, kept: q.warnings_kept }))}</p>`);
  }
  out.push(`<h3>${e(t(language, 'dash-not-assessed-title'))}</h3>`);
  if (q.not_assessed.length === 0) out.push(`<p class="muted">${e(t(language, 'dash-everyone-assessed'))}</p>`);
  else {
    out.push(`<table><thead><tr><th>${e(t(language, 'dash-id'))}</th><th>${e(t(language, 'dash-name'))}</th><th>${e(t(language, 'dash-role'))}</th><th>${e(t(language, 'dash-team'))}</th><th>${e(t(language, 'dash-reasons'))}</th></tr></thead><tbody>`);
    for (const p of q.not_assessed) {
      out.push(`<tr><td>${e(p.id)}</td><td><a href="#${p.anchor}">${e(p.name)}</a></td><td>${e(roleName(page, p.role))}</td><td>${e(p.team)}</td><td>${p.reasons.map(e).join('<br>')}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  if (q.notes.length > 0) out.push(`<h3>${e(t(language, 'dash-report-notes'))}</h3><ul>${q.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>`);
  return out.join('');
}
