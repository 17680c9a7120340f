// The words of the dashboard page (src/dashboard/): section titles, chart labels, table
// headers and the sentences that explain each figure. Names from the data (people, teams,
// KPIs) are parameters and are escaped where the page is built, never here.
import { defineMessages, plural, type Params } from '../translate.js';

export const dashboardMessages = defineMessages({
  'dash-title': { 'zh-CN': '{company}　{period} 绩效看板', en: '{company} — performance dashboard, {period}' },
  'dash-subtitle': {
    'zh-CN': '《{title}》（{revision}）　结果日期 {date}　考核期 {periods} 个',
    en: '{title} ({revision}) · result date {date} · {periods} period(s)',
  },
  'dash-trial': {
    'zh-CN': '试算：本考核期在制度生效日之前结束，结果不作为考核依据。',
    en: 'Trial run: this period ended before the policy took effect; the results are not a basis for assessment.',
  },
  'dash-left-out': {
    'zh-CN': (p: Params<'period' | 'reason'>) => `未纳入趋势：${String(p.period)}（${p.reason === 'other-policy' ? '其他制度的报告' : p.reason === 'other-cycle' ? '考核周期不同' : p.reason === 'later-period' ? '晚于本期' : '同一考核期有另一份报告'}）`,
    en: (p: Params<'period' | 'reason'>) => `Not in the trends: ${String(p.period)} (${p.reason === 'other-policy' ? 'a report of another policy' : p.reason === 'other-cycle' ? 'another cycle' : p.reason === 'later-period' ? 'after this period' : 'another report of the same period stands'})`,
  },
  'dash-contents': { 'zh-CN': '目录', en: 'Contents' },
  'dash-section-number': { 'zh-CN': '第 {n} 部分', en: 'Section {n}' },
  'dash-print-note': {
    'zh-CN': '打印：A4 横向，每部分另起一页；每部分标题前的编号与目录对应。',
    en: 'Printing: A4 landscape, each section on a new page; the number before each title matches the contents.',
  },

  // ── department ────────────────────────────────────────────────────────────
  'dash-department': { 'zh-CN': '部门概况与指标目标', en: 'The department against its targets' },
  'dash-department-intro': {
    'zh-CN': '每项指标：本期全体人员实际值的中位数、目标值，以及各考核期中位数的走势。数值均取自各期报告中每个人的指标值。',
    en: "Each KPI: this period's median of the people's values, the target, and the median in each period. Every value is a person's KPI value as the period's report holds it.",
  },
  'dash-people': { 'zh-CN': '人数', en: 'People' },
  'dash-assessed': { 'zh-CN': '已评定', en: 'Assessed' },
  'dash-not-assessed-count': { 'zh-CN': '未评定', en: 'Not assessed' },
  'dash-bonus-total': { 'zh-CN': '奖金合计（元）', en: 'Bonus total (CNY)' },
  'dash-total-median': { 'zh-CN': '总分中位数', en: 'Median total' },
  'dash-warnings': { 'zh-CN': '数据警告', en: 'Data warnings' },
  'dash-kpi': { 'zh-CN': '指标', en: 'KPI' },
  'dash-median': { 'zh-CN': '中位数', en: 'Median' },
  'dash-target': { 'zh-CN': '目标值', en: 'Target' },
  'dash-floor': { 'zh-CN': '底线值', en: 'Floor' },
  'dash-reached': { 'zh-CN': '达标人数', en: 'At target' },
  'dash-reached-of': { 'zh-CN': '{reached} / {n}', en: '{reached} of {n}' },
  'dash-trend': { 'zh-CN': '走势', en: 'Trend' },
  'dash-basis-teams': { 'zh-CN': '（按班组）', en: ' (per team)' },
  'dash-direction-higher': { 'zh-CN': '越高越好', en: 'higher is better' },
  'dash-direction-lower': { 'zh-CN': '越低越好', en: 'lower is better' },
  'dash-no-value': { 'zh-CN': '—', en: '—' },
  'dash-total-trend': { 'zh-CN': '总分中位数走势', en: 'Median total by period' },

  // ── grades ────────────────────────────────────────────────────────────────
  'dash-grades': { 'zh-CN': '等级分布', en: 'Grade distribution' },
  'dash-grades-intro-quota': {
    'zh-CN': '各分布组的最终等级人数与强制分布名额（虚框）。否决项限定的等级可低于名额。',
    en: 'Final grades per distribution group against the forced-distribution quotas (outlined). A veto may put a grade below the quota.',
  },
  'dash-grades-intro-role': {
    'zh-CN': '各岗位的最终等级人数（本制度未设强制分布）。',
    en: 'Final grades per role (the policy has no forced distribution).',
  },
  'dash-grades-all': { 'zh-CN': '全部门本期', en: 'Whole department, this period' },
  'dash-grades-trend': { 'zh-CN': '各考核期等级人数', en: 'Grades by period' },
  'dash-count': { 'zh-CN': '人数', en: 'People' },
  'dash-quota': { 'zh-CN': '名额', en: 'Quota' },
  'dash-group-role': { 'zh-CN': '岗位 {id}（{size} 人）', en: 'Role {id} ({size})' },
  'dash-group-team': { 'zh-CN': '班组 {id}（{size} 人）', en: 'Team {id} ({size})' },
  'dash-group-no-quota': { 'zh-CN': '（人数不足，未实行强制分布）', en: ' (too few people: no forced distribution)' },
  'dash-grade-label': { 'zh-CN': '{grade} {label}', en: '{grade} {label}' },

  // ── teams ─────────────────────────────────────────────────────────────────
  'dash-teams': { 'zh-CN': '班组对比与个人分布', en: 'Teams side by side, and the spread across people' },
  'dash-teams-intro': {
    'zh-CN': '每项指标：各班组人员实际值的分布（箱体为四分位，中线为中位数，须为最小值和最大值）与全部门每个人的值（点），绿线为目标值，红线为底线值。偏离四分位 1.5 倍四分位距以外的人员列为离群。',
    en: "Each KPI: the spread of each team's values (box: quartiles, line: median, whiskers: least and greatest) and every person's value (dots); green: target, red: floor. People beyond 1.5 interquartile ranges of the quartiles are listed as outliers.",
  },
  'dash-all-people': { 'zh-CN': '全部门', en: 'All' },
  'dash-outliers': { 'zh-CN': '离群：', en: 'Outliers: ' },
  'dash-no-outliers': { 'zh-CN': '无离群值。', en: 'No outliers.' },
  'dash-no-values': { 'zh-CN': '本期没有可用的实际值。', en: 'No values this period.' },

  // ── people ────────────────────────────────────────────────────────────────
  'dash-people-section': { 'zh-CN': '个人结果', en: 'Each person' },
  'dash-people-index': { 'zh-CN': '人员索引（按姓名或工号查找）', en: 'Index of people (find by name or id)' },
  'dash-person-heading': { 'zh-CN': '{name}（{id}）', en: '{name} ({id})' },
  'dash-person-line': {
    'zh-CN': '岗位 {role}　班组 {team}',
    en: 'Role {role} · team {team}',
  },
  'dash-person-result': {
    'zh-CN': '总分 {total}　等级 {grade}',
    en: 'Total {total} · grade {grade}',
  },
  'dash-person-rank': {
    'zh-CN': (p: Params<'rank' | 'size' | 'by'>) => `${p.by === 'team' ? '班组' : '岗位'}内第 ${String(p.rank)} 名（共 ${String(p.size)} 人）`,
    en: (p: Params<'rank' | 'size' | 'by'>) => `rank ${String(p.rank)} of ${String(p.size)} in the ${p.by === 'team' ? 'team' : 'role'}`,
  },
  'dash-not-assessed': { 'zh-CN': '未评定', en: 'not assessed' },
  'dash-separator': { 'zh-CN': '　', en: ' · ' },
  'dash-profile': { 'zh-CN': '指标得分（100 = 达到目标值）', en: 'KPI scores (100 = target reached)' },
  'dash-waterfall': { 'zh-CN': '总分构成', en: 'How the total was built' },
  'dash-history': { 'zh-CN': '历次等级', en: 'Grades by period' },
  'dash-step-qualitative': { 'zh-CN': '定性评价', en: 'Ratings' },
  'dash-step-subtotal': { 'zh-CN': '小计', en: 'Subtotal' },
  'dash-step-floor': { 'zh-CN': '不低于 0', en: 'Floor at 0' },
  'dash-step-total': { 'zh-CN': '总分', en: 'Total' },
  'dash-veto': {
    'zh-CN': '一票否决：{name}，等级最高为 {grade}',
    en: 'Veto: {name}; the grade is at most {grade}',
  },
  'dash-value': { 'zh-CN': '实际值', en: 'Value' },
  'dash-score': { 'zh-CN': '得分', en: 'Score' },
  'dash-weight': { 'zh-CN': '权重', en: 'Weight' },
  'dash-contribution': { 'zh-CN': '加权得分', en: 'Contribution' },
  'dash-kpi-status-no_data': { 'zh-CN': '无数据', en: 'no data' },
  'dash-kpi-status-insufficient': { 'zh-CN': '样本不足', en: 'too few samples' },
  'dash-team-scope': { 'zh-CN': '（班组）', en: ' (team)' },
  'dash-back-to-index': { 'zh-CN': '返回索引', en: 'Back to the index' },

  // ── data quality ──────────────────────────────────────────────────────────
  'dash-quality': { 'zh-CN': '数据质量', en: 'Data quality' },
  'dash-inputs': { 'zh-CN': '读取的数据文件（本期）', en: 'Files read (this period)' },
  'dash-input-kind': {
    'zh-CN': (p: Params<'kind'>) => ({ tickets: '工单', roster: '人员名单', ratings: '定性评价', metrics: '事件记录' } as Record<string, string>)[String(p.kind)] ?? String(p.kind),
    en: (p: Params<'kind'>) => ({ tickets: 'tickets', roster: 'roster', ratings: 'ratings', metrics: 'events' } as Record<string, string>)[String(p.kind)] ?? String(p.kind),
  },
  'dash-file': { 'zh-CN': '文件', en: 'File' },
  'dash-kind': { 'zh-CN': '类型', en: 'Kind' },
  'dash-rows': { 'zh-CN': '数据行', en: 'Rows' },
  'dash-used': { 'zh-CN': '采用', en: 'Used' },
  'dash-skipped': { 'zh-CN': '剔除（有警告）', en: 'Left out (warned)' },
  'dash-outside-period': { 'zh-CN': '不在本期', en: 'Outside the period' },
  'dash-not-counted': { 'zh-CN': '本期未计入', en: 'Not counted' },
  'dash-superseded': { 'zh-CN': '被后续行取代', en: 'Superseded' },
  'dash-excluded': { 'zh-CN': '申诉剔除', en: 'Excluded on appeal' },
  'dash-warnings-by-kind': { 'zh-CN': '数据警告（按类型）', en: 'Data warnings by kind' },
  'dash-warning-code': { 'zh-CN': '代码', en: 'Code' },
  'dash-warning-first': { 'zh-CN': '首次出现', en: 'First seen' },
  'dash-warning-where': {
    'zh-CN': (p: Params<'file', 'row' | 'column'>) => `${String(p.file)}${p.row != null ? `：第 ${String(p.row)} 行` : ''}${p.column != null ? `，${String(p.column)} 列` : ''}`,
    en: (p: Params<'file', 'row' | 'column'>) => `${String(p.file)}${p.row != null ? `: row ${String(p.row)}` : ''}${p.column != null ? `, column ${String(p.column)}` : ''}`,
  },
  'dash-no-warnings': { 'zh-CN': '本期数据没有警告。', en: 'No data warnings this period.' },
  'dash-warnings-truncated': {
    'zh-CN': (p: Params<'total' | 'kept'>) => `共 ${String(p.total)} 条警告，报告保留前 ${String(p.kept)} 条；上表按保留的警告计数。`,
    en: (p: Params<'total' | 'kept'>) => `${plural(p.total, 'warning')} in all; the report keeps the first ${String(p.kept)}, which the table counts.`,
  },
  'dash-not-assessed-title': { 'zh-CN': '未评定人员及原因', en: 'People not assessed, and why' },
  'dash-everyone-assessed': { 'zh-CN': '本期所有人员均已评定。', en: 'Everyone was assessed this period.' },
  'dash-report-notes': { 'zh-CN': '报告说明', en: 'Notes on the report' },
  'dash-reasons': { 'zh-CN': '原因', en: 'Why' },
  'dash-id': { 'zh-CN': '工号', en: 'Id' },
  'dash-name': { 'zh-CN': '姓名', en: 'Name' },
  'dash-role': { 'zh-CN': '岗位', en: 'Role' },
  'dash-team': { 'zh-CN': '班组', en: 'Team' },
  'dash-grade': { 'zh-CN': '等级', en: 'Grade' },
  'dash-total': { 'zh-CN': '总分', en: 'Total' },
  'dash-period': { 'zh-CN': '考核期', en: 'Period' },
});
