// Messages of `aspm evaluate` part 2: scoring notes that explain each result, approved
// appeal adjustments and their errors, history, the terminal summary and the labels of the
// Excel report. Each note says what happened and what it means for the person.
import { defineMessages, formatValue, holdConditions, plural, yearRanges, type MessageParams, type Params } from '../translate.js';

function list(value: unknown, separator: string): string {
  return Array.isArray(value) ? value.map(formatValue).join(separator) : formatValue(value);
}

/** Each item in quotes: “服务态度”、“学习成长”. */
function quoted(value: unknown, open: string, close: string, separator: string): string {
  return (Array.isArray(value) ? value : [value]).map((v) => `${open}${formatValue(v)}${close}`).join(separator);
}

const zhList = (p: MessageParams, key: string) => list(p[key], '、');

/** A share of weight as people read it: 45.5%, 50%. */
const pct = (value: unknown) => `${Math.round(Number(value) * 10) / 10}%`;
const enList = (p: MessageParams, key: string) => list(p[key], ', ');

/** "连续两个季度" / "2 consecutive quarters": a count of periods of a cycle (`monthly`…). */
function zhPeriods(count: unknown, cycle: unknown): string {
  const n = Number(count);
  const numeral = n === 2 ? '两' : n >= 1 && n <= 10 ? '一两三四五六七八九十'[n - 1]! : String(n);
  return `连续${numeral}${cycle === 'monthly' ? '个月' : cycle === 'quarterly' ? '个季度' : '年'}`;
}
function enPeriods(count: unknown, cycle: unknown): string {
  const noun = cycle === 'monthly' ? 'month' : cycle === 'quarterly' ? 'quarter' : 'year';
  return `${formatValue(count)} consecutive ${noun}s`;
}

export const scoringMessages = defineMessages({
  // ── command line ─────────────────────────────────────────────────────────
  'notices-not-a-folder': { 'zh-CN': '{path} 是文件，不是目录。--notices 需要一个目录（不存在时会创建）。', en: '{path} is a file, not a folder. --notices needs a folder (created when missing).' },
  'date-invalid': {
    'zh-CN': '无法识别日期“{value}”。请写为 YYYY-MM-DD，如 2026-11-05。',
    en: 'Cannot read the date "{value}". Write it as YYYY-MM-DD, e.g. 2026-11-05.',
  },
  'xlsx-same-as-report': {
    'zh-CN': 'Excel 报告 {path} 与 JSON 报告是同一个文件，请换一个文件名。',
    en: 'The Excel report {path} is the same file as the JSON report; choose another name.',
  },

  // ── adjustments ──────────────────────────────────────────────────────────
  'adjustments-invalid': {
    'zh-CN': '申诉调整文件 {file} 有 {count} 处错误，未写入任何结果。请按上面的提示修改后重试。',
    en: 'The adjustments file {file} has {count} problem(s); nothing was written. Fix them as shown above and run again.',
  },
  'adjustments-period-mismatch': {
    'zh-CN': '调整文件写明适用于 {value}，而本次考核期是 {period}。请确认用的是本期的调整文件。',
    en: 'The adjustments file says it is for {value}, but the period being evaluated is {period}. Check that this is the right file.',
  },
  'adjustment-duplicate': {
    'zh-CN': '这一项与第 {first} 行的调整重复（同一工单、同一指标或同一评分只能调整一次）。',
    en: 'This repeats the adjustment on line {first} (a ticket, KPI or rating can be adjusted once).',
  },
  'adjustment-unknown-kpi': {
    'zh-CN': '制度中没有指标“{kpi}”。可用的指标 id：{known}。',
    en: 'The policy has no KPI "{kpi}". KPI ids: {known}.',
  },
  'adjustment-month-required': {
    'zh-CN': '{period} 的结果取各月平均，更正指标值须写明 month（{months} 之一）。',
    en: 'The result for {period} is the average of its months, so a KPI correction must name its month (one of {months}).',
  },
  'adjustment-month-outside': {
    'zh-CN': 'month “{value}” 不在考核期 {period} 内（可用：{months}）。',
    en: 'The month "{value}" is not part of the period {period} (use one of {months}).',
  },
  'adjustment-value-not-percent': {
    'zh-CN': '“{kpi}”是百分比指标，更正值须在 0 到 100 之间，这里是 {value}。',
    en: '"{kpi}" is a percentage, so the corrected value must be between 0 and 100; here it is {value}.',
  },
  'adjustment-value-negative': {
    'zh-CN': '“{kpi}”的值不会是负数，更正值 {value} 有误。',
    en: 'A value of "{kpi}" cannot be negative; the corrected value {value} is wrong.',
  },
  'adjustment-unknown-item': {
    'zh-CN': '制度中没有定性项目“{item}”。可用的项目：{known}。',
    en: 'The policy has no qualitative item "{item}". Items: {known}.',
  },
  'adjustment-score-outside-scale': {
    'zh-CN': '评分 {value} 超出制度的评分量表 {min}–{max}。',
    en: 'The score {value} is outside the policy\'s rating scale {min}–{max}.',
  },
  'adjustment-unknown-staff': {
    'zh-CN': '人员名单中没有工号为“{staff}”的员工。',
    en: 'No one with staff id "{staff}" is on the roster.',
  },
  'adjustment-unknown-ticket': {
    'zh-CN': '工单文件中没有工单“{ticket}”。请核对工单号。',
    en: 'The ticket file has no ticket "{ticket}". Check the ticket id.',
  },
  'adjustment-no-ticket-ids': {
    'zh-CN': '工单文件没有工单号列，无法剔除工单“{ticket}”。',
    en: 'The ticket file has no ticket id column, so the ticket "{ticket}" cannot be left out.',
  },
  'adjustment-ticket-other-staff': {
    'zh-CN': '工单“{ticket}”的处理人是 {handler}，不是 {staff}。剔除工单的申诉须由处理人提出。',
    en: 'The ticket "{ticket}" was handled by {handler}, not {staff}. A ticket is left out on its handler\'s appeal.',
  },
  'adjustment-ticket-outside-period': {
    'zh-CN': (p: Params<'first' | 'last' | 'period' | 'ticket', 'created' | 'resolved'>) => {
      const when = [p.created ? `创建于 ${formatValue(p.created)}` : '', p.resolved ? `解决于 ${formatValue(p.resolved)}` : ''].filter(Boolean).join('、') || '没有可读的创建或解决时间';
      return `工单“${formatValue(p.ticket)}”${when}，不在考核期 ${formatValue(p.period)}（${formatValue(p.first)} 至 ${formatValue(p.last)}）内，剔除它不会改变本期结果。请核对工单号，或把这项调整放入该工单所属考核期的调整文件。`;
    },
    en: (p: Params<'first' | 'last' | 'period' | 'ticket', 'created' | 'resolved'>) => {
      const when = [p.created ? `created ${formatValue(p.created)}` : '', p.resolved ? `resolved ${formatValue(p.resolved)}` : ''].filter(Boolean).join(', ') || 'with no readable creation or resolution time';
      return `The ticket "${formatValue(p.ticket)}" (${when}) is outside the period ${formatValue(p.period)} (${formatValue(p.first)} to ${formatValue(p.last)}), so leaving it out would change nothing. Check the ticket id, or put this adjustment in the adjustments file of the ticket's own period.`;
    },
  },
  'adjustment-ticket-not-counted': {
    'zh-CN': '工单“{ticket}”在考核期 {period} 不计入 {staff} 的任何指标（例如到期末尚未解决），剔除它不会改变其本期结果。请核对工单号和工号。',
    en: 'The ticket "{ticket}" counts for none of the KPIs of {staff} in the period {period} (it was still open at the end of the period, for example), so leaving it out would change nothing in their result. Check the ticket id and the staff id.',
  },
  'adjustment-kpi-not-in-role': {
    'zh-CN': '{staff}（岗位 {roles}）不考核指标“{kpi}”。',
    en: '{staff} (role {roles}) is not assessed on the KPI "{kpi}".',
  },
  'adjustment-unknown-rating': {
    'zh-CN': (p: Params<'item' | 'staff' | 'type', 'rater'>) => `评价表中没有对 ${formatValue(p.staff)} 的这项评分（评价人类型 ${formatValue(p.type)}${p.rater ? `、评价人 ${formatValue(p.rater)}` : ''}、项目 ${formatValue(p.item)}）。`,
    en: (p: Params<'item' | 'staff' | 'type', 'rater'>) => `The ratings file has no such rating of ${formatValue(p.staff)} (rater type ${formatValue(p.type)}${p.rater ? `, rater ${formatValue(p.rater)}` : ''}, item ${formatValue(p.item)}).`,
  },
  'adjustment-rating-ambiguous': {
    'zh-CN': '该员工的“{item}”有 {count} 份 {type} 评分，请用 rater_id 写明更正哪一份。',
    en: 'There are {count} {type} ratings of "{item}" for this person; name the one to correct with rater_id.',
  },

  // ── history ──────────────────────────────────────────────────────────────
  'history-not-found': {
    'zh-CN': '历史报告目录 {path} 不存在。--history 应给出存放以往各期 report.json 的目录（如 history/），请检查路径。',
    en: 'The history folder {path} does not exist. Give --history the folder that holds the report.json files of earlier periods (e.g. history/), and check the path.',
  },
  'history-not-a-folder': {
    'zh-CN': '{path} 不是目录。--history 应给出存放以往各期 report.json 的目录，而不是某一个文件；请把报告放入一个目录后给出该目录。',
    en: '{path} is not a folder. Give --history the folder that holds the report.json files of earlier periods, not a single file; put the reports in a folder and give that.',
  },
  'history-unreadable': {
    'zh-CN': '无法读取历史报告目录 {path}（{reason}）。请检查该目录的读取权限。',
    en: 'Cannot read the history folder {path} ({reason}). Check that you may read it.',
  },
  'history-too-large': {
    'zh-CN': '{file} 过大（{size} 字节，上限 {limit} 字节），不像 aspm 考核报告。请把非报告文件移出历史目录。',
    en: '{file} is too large ({size} bytes; the limit is {limit}) to be an aspm report. Move files that are not reports out of the history folder.',
  },
  'history-not-json': {
    'zh-CN': '{file} 不是有效的 JSON，不能作为历史报告。请把非报告文件移出历史目录。',
    en: '{file} is not valid JSON, so it cannot be read as an earlier report. Move files that are not reports out of the history folder.',
  },
  'history-not-report': {
    'zh-CN': '{file} 不是 aspm 考核报告（缺少 period 或 staff）。',
    en: '{file} is not an aspm report (it has no period or staff).',
  },
  'history-unknown-grade': {
    'zh-CN': '{file} 中 {person} 的等级 {grade} 不是本制度的等级（{grades}），不能用于连续周期规则和奖金。请确认该报告属于本制度，或把它移出历史目录。',
    en: 'In {file}, {person} has the grade {grade}, which is not a grade of this policy ({grades}), so it cannot count for consecutive-cycle rules or a bonus. Check that the report belongs to this policy, or move it out of the history folder.',
  },
  'history-not-scored': {
    'zh-CN': (p: Params<'file' | 'count' | 'shown'>) =>
      `${String(p.file)} 不是本版本 aspm 能读取的已评分报告（如未评分的报告、被改动过的报告）：` +
      (Number(p.count) > Number(p.shown) ? `发现 ${String(p.count)} 处问题，上面列出前 ${String(p.shown)} 处。` : '问题见上。') +
      '不能用于连续周期规则。请用本版本重新生成该期报告，或把它移出历史目录。',
    en: (p: Params<'file' | 'count' | 'shown'>) =>
      `${String(p.file)} is not a scored report this aspm can read (a report without grades, or one that was edited): ` +
      (Number(p.count) > Number(p.shown) ? `${String(p.count)} problems, the first ${String(p.shown)} listed above. ` : 'see the problems above. ') +
      "Consecutive-cycle rules cannot use it. Regenerate that period's report with this version, or move it out of the history folder.",
  },
  'history-newer-format': {
    'zh-CN': '{file} 的报告格式版本为 {version}，本版本 aspm 只能读取版本 {supported} 及以下的报告。请升级 aspm 后再读取该历史目录，或把该报告移出历史目录。',
    en: '{file} is a report of format version {version}; this aspm reads format versions up to {supported}. Upgrade aspm to read this history folder, or move the report out of it.',
  },
  // ── the dashboard (aspm dashboard, evaluate --html) ─────────────────────
  'html-same-as-output': {
    'zh-CN': '看板 {path} 与其他输出文件同名。请为 --html 另给一个文件名。',
    en: 'The dashboard {path} has the name of another output. Give --html another file name.',
  },
  'dashboard-folder-not-found': {
    'zh-CN': '文件夹 {path} 不存在。请给出存放各期 report.json 的文件夹（如 reports/），并检查路径。',
    en: 'The folder {path} does not exist. Give the folder that holds the report.json files of the periods (e.g. reports/), and check the path.',
  },
  'dashboard-not-a-folder': {
    'zh-CN': '{path} 不是文件夹。aspm dashboard 读取一个文件夹中的全部报告；只有一份报告时也请把它放入文件夹。',
    en: '{path} is not a folder. aspm dashboard reads every report in a folder; put even a single report in a folder and give that.',
  },
  'dashboard-folder-unreadable': {
    'zh-CN': '无法读取文件夹 {path}（{reason}）。请检查该文件夹的读取权限。',
    en: 'Cannot read the folder {path} ({reason}). Check that you may read it.',
  },
  'dashboard-folder-empty': {
    'zh-CN': '文件夹 {path} 是空的，没有可显示的考核报告。请先用 aspm evaluate -o {path}/期间.json 生成报告。',
    en: 'The folder {path} is empty: there is no report to show. Write reports into it first with aspm evaluate -o {path}/PERIOD.json.',
  },
  'dashboard-no-reports': {
    'zh-CN': '文件夹 {path} 中有 {count} 项，但没有考核报告（*.json）。请给出存放 aspm evaluate 所写 report.json 的文件夹。',
    en: 'The folder {path} has no report (*.json), only {count} other item(s). Give the folder that holds the report.json files aspm evaluate wrote.',
  },
  'dashboard-no-reports-of-policy': {
    'zh-CN': '文件夹 {path} 中没有“{company} {title}”的考核报告。请检查 --policy 给出的制度是否就是评分所用的制度。',
    en: 'The folder {path} has no report of "{company} {title}". Check that --policy names the policy the reports were scored under.',
  },
  'dashboard-report-too-large': {
    'zh-CN': '{file} 过大（{size} 字节，上限 {limit} 字节），不像 aspm 考核报告。请把非报告文件移出该文件夹。',
    en: '{file} is too large ({size} bytes; the limit is {limit}) to be an aspm report. Move files that are not reports out of the folder.',
  },
  'dashboard-not-json': {
    'zh-CN': '{file} 不是有效的 JSON，看板无法显示。文件夹中只应存放 aspm 的考核报告，请把该文件移出。',
    en: '{file} is not valid JSON, so the dashboard cannot show it. Keep only aspm reports in the folder: move this file out.',
  },
  'dashboard-newer-format': {
    'zh-CN': '{file} 的报告格式版本为 {version}，本版本 aspm 只能显示版本 {supported} 及以下的报告。请升级 aspm，或把该报告移出文件夹。',
    en: '{file} is a report of format version {version}; this aspm shows format versions up to {supported}. Upgrade aspm, or move the report out of the folder.',
  },
  'dashboard-report-invalid': {
    'zh-CN': (p: Params<'file' | 'count' | 'shown'>) =>
      `${String(p.file)} 不是本版本 aspm 能完整读取的考核报告（如更早版本写出的报告、被改动过的报告）：` +
      (Number(p.count) > Number(p.shown) ? `发现 ${String(p.count)} 处问题，上面列出前 ${String(p.shown)} 处。` : '问题见上。') +
      '请用本版本重新生成该期报告，或把它移出文件夹。',
    en: (p: Params<'file' | 'count' | 'shown'>) =>
      `${String(p.file)} is not a report this aspm can read in full (one written by an earlier aspm, or one that was edited): ` +
      (Number(p.count) > Number(p.shown) ? `${String(p.count)} problems, the first ${String(p.shown)} listed above. ` : 'see the problems above. ') +
      "Regenerate that period's report with this version, or move it out of the folder.",
  },
  'dashboard-other-policies': {
    'zh-CN': '{files} 属于另一份制度（不是最新报告的“{company} {title}”），未在看板中显示。请把不同制度、不同团队的报告放在不同的文件夹。',
    en: '{files} belong to another policy (not "{company} {title}" of the latest report) and are not shown. Keep the reports of different policies or teams in different folders.',
  },
  'dashboard-written': {
    'zh-CN': '已写入看板 {path}（{count} 期：{periods}）。用浏览器打开即可，无需联网。',
    en: 'Dashboard written to {path} ({count} period(s): {periods}). Open it in a browser; it needs no network.',
  },

  // ── labels used inside notes ─────────────────────────────────────────────
  'score-cycle-monthly': { 'zh-CN': '月度', en: 'monthly' },
  'score-cycle-quarterly': { 'zh-CN': '季度', en: 'quarterly' },
  'score-cycle-annual': { 'zh-CN': '年度', en: 'annual' },
  'score-rater-supervisor': { 'zh-CN': '上级', en: 'supervisor' },
  'score-rater-peer': { 'zh-CN': '同事', en: 'peers' },
  'score-rater-subordinate': { 'zh-CN': '下属', en: 'subordinates' },
  'score-rater-customer': { 'zh-CN': '客户', en: 'customers' },
  'score-rater-self': { 'zh-CN': '本人', en: 'self' },
  'kpi-status-ok': { 'zh-CN': '有效', en: 'enough data' },
  'kpi-status-no-data': { 'zh-CN': '无数据', en: 'no data' },
  'kpi-status-insufficient': { 'zh-CN': '样本不足', en: 'too few samples' },

  // ── notes on one person's result ─────────────────────────────────────────
  'note-kpi-left-out': {
    'zh-CN': '“{kpi}”{status}（样本 {samples}），不计分，其权重按比例分给其他指标。',
    en: '"{kpi}" has {status} ({samples} samples), so it is not scored and its weight is shared among the other KPIs.',
  },
  'note-kpi-left-out-month': {
    'zh-CN': '{month}“{kpi}”{status}（样本 {samples}），当月不计分，其权重按比例分给其他指标。',
    en: 'In {month}, "{kpi}" has {status} ({samples} samples), so it is not scored that month and its weight is shared among the other KPIs.',
  },
  'note-kpi-unscored': {
    'zh-CN': '“{kpi}”{status}（样本 {samples}），不计分。',
    en: '"{kpi}" has {status} ({samples} samples), so it is not scored.',
  },
  'note-kpi-neutral': {
    'zh-CN': '“{kpi}”{status}，按制度以中性分 {score} 计。',
    en: '"{kpi}" has {status}, so it is scored at the neutral score of {score}, as the policy provides.',
  },
  'note-kpi-neutral-month': {
    'zh-CN': '{month}“{kpi}”{status}，当月按制度以中性分 {score} 计。',
    en: 'In {month}, "{kpi}" has {status}, so it is scored at the neutral score of {score} that month.',
  },
  'note-target-scaled': {
    'zh-CN': '“{kpi}”是计数指标，目标值和底线值按考核期长度折算为 {target} 和 {floor}（× {scale}）。',
    en: '"{kpi}" is a count, so its target and floor are scaled to the length of the period: {target} and {floor} (× {scale}).',
  },
  'note-too-little-weight': {
    'zh-CN': (p: Params<'min' | 'scored'>) => `有足够数据计分的指标权重合计为 ${pct(p.scored)}，低于制度规定的 ${pct(p.min)}，本期不评定量化得分和等级，须个别处理。`,
    en: (p: Params<'min' | 'scored'>) => `The KPIs with enough data to be scored weigh ${pct(p.scored)} in all, less than the ${pct(p.min)} the policy requires, so there is no KPI score or grade this period; the case is to be decided individually.`,
  },
  'note-too-little-weight-month': {
    'zh-CN': (p: Params<'min' | 'month' | 'scored'>) => `${String(p.month)} 有足够数据计分的指标权重合计为 ${pct(p.scored)}，低于制度规定的 ${pct(p.min)}，该月不参与平均。`,
    en: (p: Params<'min' | 'month' | 'scored'>) => `In ${String(p.month)} the KPIs with enough data weigh ${pct(p.scored)}, less than the ${pct(p.min)} the policy requires, so that month is left out of the average.`,
  },
  'note-month-not-assessed': {
    'zh-CN': '{month} 没有可计分的指标，该月不参与平均。',
    en: 'No KPI could be scored in {month}, so that month is left out of the average.',
  },
  'note-not-assessed': {
    'zh-CN': '没有任何指标有足够数据，本期不评定得分、等级和奖金，须个别处理。',
    en: 'No KPI had enough data, so no score, grade or bonus is given for this period; the case is to be decided individually.',
  },
  'note-no-ratings': {
    'zh-CN': '没有可用的定性评价，总分仅按量化指标计算。',
    en: 'There is no usable qualitative rating, so the total comes from the KPIs alone.',
  },
  'note-rater-missing': {
    'zh-CN': '没有{type}评价，其权重按比例分给其他评价人。',
    en: 'There is no rating by {type}; that weight is shared among the other raters.',
  },
  'note-rater-below-minimum': {
    'zh-CN': '{type}评价只有 {raters} 人，少于匿名要求的 {min} 人，不予采用，其权重按比例分给其他评价人。',
    en: 'Ratings by {type} came from {raters} rater(s), fewer than the {min} that keep raters anonymous, so they are not used and their weight is shared among the other raters.',
  },
  'note-rater-items-below-minimum': {
    'zh-CN': '{type}评价的每个项目都少于匿名要求的 {min} 人评价，不予采用，其权重按比例分给其他评价人。',
    en: 'Every item was rated by fewer {type} than the {min} that keep raters anonymous, so these ratings are not used and their weight is shared among the other raters.',
  },
  'note-items-below-minimum': {
    'zh-CN': (p: Params<'items' | 'min' | 'type'>) => `${formatValue(p.type)}评价中，${quoted(p.items, '“', '”', '、')}的评价人少于匿名要求的 ${formatValue(p.min)} 人，不予采用，也不显示其平均分；其权重按比例分给${formatValue(p.type)}评价的其他项目。`,
    en: (p: Params<'items' | 'min' | 'type'>) => `Fewer ${formatValue(p.type)} than the ${formatValue(p.min)} that keep raters anonymous rated ${quoted(p.items, '"', '"', ', ')}: not used, and no mean is shown; the weight goes to the other items rated by ${formatValue(p.type)}.`,
  },
  'note-ignored-rated-self': {
    'zh-CN': '{count} 份本人以“{type}”身份给自己的评分不予采用。',
    en: '{count} rating(s) of oneself given as {type} are ignored.',
  },
  'note-ignored-unknown-item': {
    'zh-CN': '{count} 份{type}评分的项目不是制度中的定性项目，不予采用。',
    en: '{count} rating(s) by {type} name an item the policy does not have and are ignored.',
  },
  'note-ignored-item-not-for-role': {
    'zh-CN': '{count} 份{type}评分的项目不适用于本岗位，不予采用。',
    en: '{count} rating(s) by {type} are for an item that does not apply to this role and are ignored.',
  },
  'note-ignored-rater-type-not-weighted': {
    'zh-CN': '制度未给{type}评价设权重，{count} 份评分不予采用。',
    en: 'The policy gives ratings by {type} no weight, so {count} rating(s) are ignored.',
  },
  'note-ignored-duplicate': {
    'zh-CN': '{count} 份{type}评分与同一评价人对同一项目的评分重复，只采用第一份。',
    en: '{count} rating(s) by {type} repeat the same rater on the same item; only the first counts.',
  },
  'note-veto': {
    'zh-CN': '触发一票否决项“{veto}”（{count} 次）。',
    en: 'The veto item "{veto}" applies ({count} time(s)).',
  },
  'note-grade-capped': {
    'zh-CN': (p: Params<'grade' | 'vetoes'>) => `因一票否决项（${zhList(p, 'vetoes')}），等级最高为 ${formatValue(p.grade)}。`,
    en: (p: Params<'grade' | 'vetoes'>) => `Because of the veto item(s) ${enList(p, 'vetoes')}, the grade is at most ${formatValue(p.grade)}.`,
  },
  'note-bonus-withheld': {
    'zh-CN': (p: Params<'vetoes'>) => `因一票否决项（${zhList(p, 'vetoes')}），取消本期绩效奖金。`,
    en: (p: Params<'vetoes'>) => `Because of the veto item(s) ${enList(p, 'vetoes')}, this period's bonus is cancelled.`,
  },
  'note-bonus-other-cycle': {
    'zh-CN': '绩效奖金按{paid}发放，本期不计算奖金。',
    en: 'The bonus is paid {paid}, so none is calculated for this period.',
  },
  'note-distribution-small-group': {
    'zh-CN': '“{group}”组只有 {size} 人，少于 {min} 人，不做强制分布，按分数段定级。',
    en: 'The group "{group}" has {size} people, fewer than {min}, so there is no forced distribution: the grade follows the score bands.',
  },
  'note-distribution-changed': {
    'zh-CN': '按分数段为 {bands} 级；按组内排名和强制分布比例为 {distributed} 级。',
    en: 'The score bands give {bands}; the rank in the group under the forced distribution gives {distributed}.',
  },
  'note-distribution-kept': {
    'zh-CN': '强制分布等级沿用已公布的 {grade} 级（申诉更正不调整同组其他员工已公布的等级）。',
    en: 'The forced-distribution grade {grade} already published stands (an appeal does not change the published grades of others in the group).',
  },
  'note-history-missing': {
    'zh-CN': (p: Params<'periods' | 'rule'>) => `“${formatValue(p.rule)}”要求连续多期的结果，但缺少 ${zhList(p, 'periods')} 的报告（用 --history 提供），未予判定。`,
    en: (p: Params<'periods' | 'rule'>) => `"${formatValue(p.rule)}" depends on consecutive periods, but the report for ${enList(p, 'periods')} is missing (give it with --history), so it was not decided.`,
  },
  'note-rule-not-yet': {
    'zh-CN': (p: Params<'consecutive' | 'cycle' | 'effective' | 'from' | 'rule'>) => `“${formatValue(p.rule)}”要求${zhPeriods(p.consecutive, p.cycle)}的结果；制度自 ${formatValue(p.effective)} 起生效，此前的期间不计入，该条件最早于 ${formatValue(p.from)} 可能成立，本期不适用。`,
    en: (p: Params<'consecutive' | 'cycle' | 'effective' | 'from' | 'rule'>) => `"${formatValue(p.rule)}" needs ${enPeriods(p.consecutive, p.cycle)}; the policy applies from ${formatValue(p.effective)} and no period before it counts, so it can first apply in ${formatValue(p.from)} and does not apply this period.`,
  },

  // ── notes on the whole report ────────────────────────────────────────────
  'report-partly-in-force': {
    'zh-CN': '制度自 {effective} 起生效，本考核期自 {first} 开始，部分在生效日之前；生效日之前的工单和记录也按本制度计入本期结果。',
    en: 'The policy applies from {effective}, but the period starts on {first}, before it: records from before that day are scored under this policy too.',
  },
  'report-monthly-average': {
    'zh-CN': (p: Params<'months'>) => `按制度，本期量化得分取各期（${zhList(p, 'months')}）得分的平均值。`,
    en: (p: Params<'months'>) => `As the policy provides, the quantitative score is the average of ${enList(p, 'months')}.`,
  },
  'report-metrics-each-month': {
    'zh-CN': (p: Params<'kpis'>) => `人员指标表中的指标（${zhList(p, 'kpis')}）是整个考核期的数值，按同一得分计入每个月。`,
    en: (p: Params<'kpis'>) => `KPIs from the metrics file (${enList(p, 'kpis')}) hold figures for the whole period and enter every month with the same score.`,
  },
  'report-recomputed': {
    'zh-CN': '按制度，本期用全部记录重新计算；计数类指标的目标值按期长折算。',
    en: 'As the policy provides, the period is recomputed over all its records; count targets are scaled to its length.',
  },
  'report-shorter-than-cycle': {
    'zh-CN': '本期短于制度的主要考核周期（{primary}），结果供辅导参考；计数类指标的目标值按期长折算。',
    en: 'This period is shorter than the policy\'s main cycle ({primary}): the result is for coaching; count targets are scaled to its length.',
  },
  'report-period-not-a-cycle': {
    'zh-CN': '考核期不是完整的月、季度或年度，不适用奖金和按周期触发的奖惩规则。',
    en: 'The period is not a whole month, quarter or year, so no bonus or cycle-based rules apply.',
  },
  'report-no-ratings-file': {
    'zh-CN': '未提供定性评价表（--ratings），总分仅按量化指标计算。',
    en: 'No ratings file (--ratings) was given, so totals come from the KPIs alone.',
  },
  'report-no-metrics-file': {
    'zh-CN': (p: Params<'items'>) => `未提供人员指标表（--metrics），以下一票否决项和加减分项按无发生计：${zhList(p, 'items')}。`,
    en: (p: Params<'items'>) => `No metrics file (--metrics) was given, so these veto and point items count as no events: ${enList(p, 'items')}.`,
  },
  'report-distribution-kept': {
    'zh-CN': '已按申诉调整重新排名；未申诉员工的强制分布等级沿用已公布的报告 {path}。',
    en: 'Ranks were recomputed after the adjustments; everyone who did not appeal keeps the forced-distribution grade published in {path}.',
  },
  'report-distribution-rerun': {
    'zh-CN': '申诉调整后重新做了强制分布，未申诉员工的等级也可能变化。如需沿用已公布的等级，请用 --history 提供本期已公布的报告。',
    en: 'The forced distribution was redone after the adjustments, so the grades of people who did not appeal may change. To keep published grades, give this period\'s published report with --history.',
  },
  'report-history-other-policy': {
    'zh-CN': '历史报告文件夹中的 {files} 属于另一份制度（不是“{company} {title}”），未作为历史使用。请把不同制度、不同团队的报告放在不同的文件夹。',
    en: 'In the history folder, {files} belong to another policy (not "{company} {title}") and were not used as history. Keep the reports of different policies or teams in different folders.',
  },
  'report-deadline-calendar': {
    'zh-CN': '节假日数据只覆盖 {first}–{last} 年，申诉截止日按周一至周五推算，请人工核对。',
    en: 'Holiday data covers {first}–{last} only, so the appeal deadline counts Monday to Friday; check it by hand.',
  },
  'report-deadline-holidays-file': {
    'zh-CN': (p: Params<'file' | 'years' | 'from' | 'deadline'>) =>
      `工作日历（节假日文件 ${String(p.file)}）只知道 ${yearRanges(p.years, '、')} 年的节假日；从 ${String(p.from)} 到申诉截止日 ${String(p.deadline)} 之间其他年份的日期按周一至周五推算，请人工核对，或在节假日文件中补上这些年份。`,
    en: (p: Params<'file' | 'years' | 'from' | 'deadline'>) =>
      `The working calendar (holidays file ${String(p.file)}) knows the holidays of ${yearRanges(p.years, ', ')} only; from ${String(p.from)} to the appeal deadline ${String(p.deadline)}, days in other years count Monday to Friday. Check the deadline by hand, or add those years to the holidays file.`,
  },
  // ── terminal summary ─────────────────────────────────────────────────────
  // The deadline day itself still counts: "截止 X" alone can be read as "before X".
  'result-summary-title': {
    'zh-CN': '绩效考核结果 {period}（{cycle}）　结果公布日 {date}，申诉截止 {deadline}（含当日）',
    en: 'Performance results {period} ({cycle})   published {date}, appeals by {deadline} (inclusive)',
  },
  // A trial run says so before any figure, in the words every notice and sheet carries.
  'result-summary-trial': {
    'zh-CN': (p: Params<'effective' | 'mark' | 'period'>) => `${formatValue(p.mark)}：考核期 ${formatValue(p.period)} 在制度生效日 ${formatValue(p.effective)} 之前结束，以下结果仅供试算参考。`,
    en: (p: Params<'effective' | 'mark' | 'period'>) => `${formatValue(p.mark)}: the period ${formatValue(p.period)} ends before the policy's effective date, ${formatValue(p.effective)}; these results only try the policy out.`,
  },
  'trial-mark': { 'zh-CN': '试算（制度生效前，不作为考核依据）', en: 'Trial run (before the policy takes effect; not a basis for assessment)' },
  'result-summary-people': {
    'zh-CN': (p: Params<'assessed' | 'not' | 'people'>) => `共 ${formatValue(p.people)} 人，已评定 ${formatValue(p.assessed)} 人${Number(p.not) > 0 ? `，未评定 ${formatValue(p.not)} 人（数据不足，须个别处理）：` : ''}`,
    en: (p: Params<'assessed' | 'not' | 'people'>) => `${formatValue(p.people)} people, ${formatValue(p.assessed)} assessed${Number(p.not) > 0 ? `, ${formatValue(p.not)} not assessed (too little data; to be decided individually):` : ''}`,
  },
  'result-summary-not-assessed': { 'zh-CN': '{id} {name}：{why}', en: '{id} {name}: {why}' },
  'result-summary-why-no-data': { 'zh-CN': '各项指标均无数据', en: 'no data for any KPI' },
  'result-summary-why-too-few': { 'zh-CN': '各项指标均无数据或样本不足', en: 'no KPI has enough samples' },
  'result-summary-why-little-weight': { 'zh-CN': '有数据的指标权重不足制度规定的比例', en: 'too little of the KPI weight had data' },
  'result-summary-why-months': { 'zh-CN': '每个月都没有可计分的指标', en: 'no KPI could be scored in any month' },
  'result-summary-not-assessed-more': {
    'zh-CN': '另有 {count} 人，见报告的“说明”', en: '{count} more: see the notes of the report',
  },
  'result-summary-grades': { 'zh-CN': '等级分布', en: 'Grade distribution' },
  'result-summary-roles': { 'zh-CN': '各岗位排名（前三名与后三名）', en: 'Each role: top three and bottom three' },
  'result-summary-teams': { 'zh-CN': '各班组排名（前三名与后三名）', en: 'Each team: top three and bottom three' },
  'result-summary-no-team': { 'zh-CN': '（未填班组）', en: '(no team)' },
  'result-summary-group': {
    'zh-CN': (p: Params<'count' | 'group' | 'missing'>) => `${formatValue(p.group)}（${formatValue(p.count)} 人${Number(p.missing) > 0 ? `，${formatValue(p.missing)} 人未评定` : ''}）`,
    en: (p: Params<'count' | 'group' | 'missing'>) => `${formatValue(p.group)} (${formatValue(p.count)}${Number(p.missing) > 0 ? `, ${formatValue(p.missing)} not assessed` : ''})`,
  },
  'result-summary-top': { 'zh-CN': '前', en: 'top' },
  'result-summary-bottom': { 'zh-CN': '后', en: 'bottom' },
  'result-summary-distributed-hint': {
    'zh-CN': '括号内为按分数段的等级：强制分布后的等级与之不同。',
    en: 'A grade in brackets is the one the score bands give; forced distribution changed it.',
  },
  'result-summary-vetoed-hint': {
    'zh-CN': '* 触发了一票否决项（等级受限或取消奖金，详见说明）。',
    en: '* A veto item applies (the grade is capped or the bonus cancelled; see the notes).',
  },
  'result-summary-footer': {
    'zh-CN': (p: Params<'adjustments' | 'noted' | 'notes' | 'personNotes' | 'warnings'>) =>
      `申诉调整 ${formatValue(p.adjustments)} 项；数据警告 ${formatValue(p.warnings)} 条；个人结果说明 ${formatValue(p.personNotes)} 条（涉及 ${formatValue(p.noted)} 人，见报告和通知书）；报告说明 ${formatValue(p.notes)} 条${Number(p.notes) > 0 ? '：' : '。'}`,
    en: (p: Params<'adjustments' | 'noted' | 'notes' | 'personNotes' | 'warnings'>) =>
      `${formatValue(p.adjustments)} adjustment(s); ${formatValue(p.warnings)} data warning(s); ${formatValue(p.personNotes)} note(s) on the results of ${formatValue(p.noted)} person(s), in the report and the notices; ${formatValue(p.notes)} report note(s)${Number(p.notes) > 0 ? ':' : '.'}`,
  },
  'result-written': {
    'zh-CN': '已写入：{paths}',
    en: 'Written: {paths}',
  },

  // ── Excel report ─────────────────────────────────────────────────────────
  'xlsx-sheet-summary': { 'zh-CN': '汇总', en: 'Summary' },
  'xlsx-trial-banner': {
    'zh-CN': '{mark}：考核期 {period} 在制度生效日 {effective} 之前结束，本表结果仅供试算参考。',
    en: '{mark}: the period {period} ends before the policy\'s effective date, {effective}; the results here only try the policy out.',
  },
  'xlsx-sheet-notes': { 'zh-CN': '说明', en: 'Notes' },
  'xlsx-sheet-adjustments': { 'zh-CN': '申诉调整', en: 'Adjustments' },
  // The charts sheet: its data tables and the titles of its charts (report/report-xlsx.ts).
  'xlsx-sheet-charts': { 'zh-CN': '图表', en: 'Charts' },
  'xlsx-charts-note': {
    'zh-CN': '各图表的数据即其左侧表格中的数字（与汇总表同一计算）。等级为最终等级（含一票否决封顶），占比按参评人数计算；班组数值为班组成员指标值的中位数。',
    en: 'Each chart draws the table on its left (the same figures as the summary). Grades are the final grades (after any veto cap), shares are of the people assessed; a team\'s value is the median of its members\' values.',
  },
  'xlsx-chart-grades-title': { 'zh-CN': '等级分布与强制分布配额', en: 'Grades against the forced-distribution quota' },
  'xlsx-chart-grades-title-plain': { 'zh-CN': '等级分布', en: 'Grade distribution' },
  'xlsx-chart-grade': { 'zh-CN': '等级', en: 'Grade' },
  'xlsx-chart-grade-label': { 'zh-CN': '等级名称', en: 'Meaning' },
  'xlsx-chart-count': { 'zh-CN': '人数', en: 'People' },
  'xlsx-chart-share': { 'zh-CN': '实际占比', en: 'Share' },
  'xlsx-chart-quota': { 'zh-CN': '配额', en: 'Quota' },
  'xlsx-chart-kpi-block': { 'zh-CN': '{kpi}（{unit}）', en: '{kpi} ({unit})' },
  'xlsx-chart-kpi-title': { 'zh-CN': '{kpi}：各班组中位数与目标值', en: '{kpi}: team medians against the target' },
  'xlsx-chart-median': { 'zh-CN': '中位数', en: 'Median' },
  'xlsx-chart-no-team': { 'zh-CN': '（无班组）', en: '(no team)' },

  'xlsx-sheet-warnings': { 'zh-CN': '数据警告', en: 'Data warnings' },
  // The ranking covers the role (or the team, under a forced distribution by team), and the header says which.
  'xlsx-rank': { 'zh-CN': (p: Params<'by'>) => (p.by === 'team' ? '班组内排名' : '岗位内排名'), en: (p: Params<'by'>) => (p.by === 'team' ? 'Rank in team' : 'Rank in role') },
  'xlsx-staff-id': { 'zh-CN': '工号', en: 'Staff id' },
  'xlsx-name': { 'zh-CN': '姓名', en: 'Name' },
  'xlsx-role': { 'zh-CN': '岗位', en: 'Role' },
  'xlsx-team': { 'zh-CN': '班组', en: 'Team' },
  'xlsx-person': { 'zh-CN': '员工', en: 'Employee' },
  'xlsx-result': { 'zh-CN': '考核结果', en: 'Result' },
  'xlsx-scores': { 'zh-CN': '得分构成', en: 'Scores' },
  'xlsx-team-scope': { 'zh-CN': '（班组）', en: ' (team)' },
  'xlsx-kpi-group': { 'zh-CN': '{kpi}{team}（{weight}%）', en: '{kpi}{team} ({weight}%)' },
  'xlsx-action-separator': { 'zh-CN': '；', en: '; ' },
  'xlsx-value-unit': { 'zh-CN': '实际值（{unit}）', en: 'Value ({unit})' },
  'xlsx-kpi-score': { 'zh-CN': '{kpi} 得分', en: '{kpi} score' },
  'xlsx-kpi-value': { 'zh-CN': '{kpi}（{unit}）', en: '{kpi} ({unit})' },
  'xlsx-value': { 'zh-CN': '实际值', en: 'Value' },
  'xlsx-target': { 'zh-CN': '目标值', en: 'Target' },
  'xlsx-floor': { 'zh-CN': '底线值', en: 'Floor' },
  'xlsx-score': { 'zh-CN': '得分', en: 'Score' },
  'xlsx-weight': { 'zh-CN': '权重', en: 'Weight' },
  'xlsx-contribution': { 'zh-CN': '加权得分', en: 'Contribution' },
  'xlsx-quantitative': { 'zh-CN': '量化得分', en: 'KPI score' },
  'xlsx-qualitative': { 'zh-CN': '定性得分', en: 'Rating score' },
  'xlsx-rater-score': { 'zh-CN': '{type}评价', en: 'Rating: {type}' },
  'xlsx-points': { 'zh-CN': '加减分', en: 'Points' },
  'xlsx-vetoes': { 'zh-CN': '一票否决', en: 'Vetoes' },
  'xlsx-total': { 'zh-CN': '总分', en: 'Total' },
  'xlsx-grade-bands': { 'zh-CN': '分数段等级', en: 'Grade by bands' },
  'xlsx-grade-distributed': { 'zh-CN': '强制分布等级', en: 'Distributed grade' },
  'xlsx-grade': { 'zh-CN': '最终等级', en: 'Grade' },
  'xlsx-bonus': { 'zh-CN': '绩效奖金', en: 'Bonus' },
  'xlsx-actions': { 'zh-CN': '结果应用', en: 'Actions' },
  'xlsx-notes': { 'zh-CN': '说明', en: 'Notes' },
  'xlsx-not-assessed': { 'zh-CN': '未评定', en: 'not assessed' },
  'xlsx-note-rounding': {
    'zh-CN': '单元格保存未舍入的数值，显示为两位小数；得分和总分按未舍入的数值计算，因此与显示的各项相加可能相差 0.01 左右。',
    en: 'Cells hold the unrounded values and show two decimals; scores and totals are computed from the unrounded values, so they may differ from the sum of the figures shown by about 0.01.',
  },
  'xlsx-note-deadline': {
    'zh-CN': '结果公布日 {date}；申诉截止 {deadline}（含当日），即结果公布后 {days} 个工作日内。',
    en: 'Results published {date}; appeals by {deadline} (inclusive), that is within {days} working days after publication.',
  },
  'xlsx-note-no-adjustments': { 'zh-CN': '本期没有申诉调整。', en: 'No adjustments on appeal this period.' },
  'xlsx-note-no-warnings': { 'zh-CN': '本期数据没有警告。', en: 'No data warnings this period.' },
  // The title row and print header of every sheet: who, what and when, on every printed page.
  'xlsx-title': { 'zh-CN': '{company}　{period}绩效考核结果', en: '{company} — performance results, {period}' },
  'xlsx-print-page': { 'zh-CN': '第 &P 页 共 &N 页', en: 'Page &P of &N' },
  // What each column group means, in words, on the notes sheet.
  'xlsx-explain-intro': { 'zh-CN': '各列含义：', en: 'What the columns mean:' },
  'xlsx-explain-value': {
    'zh-CN': '实际值：本期按制度口径统计的指标值，单位见列标题；百分比保存为小数并以百分数显示（94.85% 即 0.9485），可直接用于公式和图表。',
    en: 'Value: the KPI as measured this period under the policy, in the unit its header names; percentages are stored as fractions shown as percent (94.85% is 0.9485), so formulas and charts can use them.',
  },
  'xlsx-explain-target': { 'zh-CN': '目标值：达到即得 100 分的指标值。', en: 'Target: the value that scores 100.' },
  'xlsx-explain-floor': { 'zh-CN': '底线值：达不到即得 0 分的指标值；介于底线值和目标值之间的，按制度规定的计分方法折算。', en: 'Floor: the value at or beyond which the KPI scores 0; a value between the floor and the target scores as the policy\'s scoring rule says.' },
  'xlsx-explain-score': { 'zh-CN': '得分：实际值按制度规定的计分方法折算的分数。', en: 'Score: the value turned into points by the scoring rule of the policy.' },
  'xlsx-explain-weight': {
    'zh-CN': '权重：该指标在量化得分中所占的比例（分组标题中的百分比为制度规定的权重；样本不足的指标按制度处理时，本列为实际采用的权重）。',
    en: 'Weight: the share of the KPI score this KPI carries (the percentage in the group heading is the policy\'s weight; when a KPI lacks samples and the policy spreads its weight, this column holds the weight applied).',
  },
  'xlsx-explain-contribution': { 'zh-CN': '加权得分：得分 × 权重；各指标的加权得分之和即量化得分。', en: 'Contribution: score × weight; the contributions add up to the KPI score.' },
  'xlsx-explain-total': {
    'zh-CN': '量化得分、定性得分、加减分、总分：总分 = 量化得分和定性得分按岗位规定的比例合计，再加减分（不低于 0）；一票否决列出本期触发的否决事项，它们按制度限制等级。',
    en: 'KPI score, rating score, points, total: the total is the KPI score and the rating score in the shares the role sets, plus the points (never below 0); Vetoes lists the veto events of the period, which limit the grade as the policy says.',
  },
  'xlsx-explain-grades': {
    'zh-CN': '分数段等级：总分所在分数段的等级；强制分布等级：按强制分布比例调整后的等级（制度设有强制分布时才有）；最终等级：本期确定的等级，“未评定”的原因见下方说明。',
    en: 'Grade by bands: the grade of the band the total falls in; Distributed grade: the grade after the forced distribution (only when the policy has one); Grade: the grade decided for the period — where it says "not assessed", the notes below say why.',
  },
  'xlsx-explain-bonus': { 'zh-CN': '绩效奖金：奖金基数 × 最终等级的奖金系数，扣减后的金额（元）；不在本期发放或未评定的为空。', en: 'Bonus: the bonus base × the coefficient of the grade, less any deduction (CNY); empty when it is not paid this period or the person is not assessed.' },
  'xlsx-explain-actions': { 'zh-CN': '结果应用：本期结果触发的奖惩、培训、改进等措施，以及触发它的等级和制度条款。', en: 'Actions: what the result leads to (rewards, penalties, training, improvement plans), with the grades that led to it and the article of the policy.' },
  'xlsx-code': { 'zh-CN': '代码', en: 'Code' },
  'xlsx-message': { 'zh-CN': '内容', en: 'Message' },
  'xlsx-appeal': { 'zh-CN': '申诉编号', en: 'Appeal' },
  'xlsx-kind': { 'zh-CN': '调整类型', en: 'Kind' },
  'xlsx-subject': { 'zh-CN': '工单 / 指标 / 项目', en: 'Ticket / KPI / item' },
  'xlsx-month': { 'zh-CN': '月份', en: 'Month' },
  'xlsx-before': { 'zh-CN': '原值', en: 'Before' },
  'xlsx-after': { 'zh-CN': '更正为 / 剔除自', en: 'After / left out of' },
  'xlsx-reason': { 'zh-CN': '理由', en: 'Reason' },
  'xlsx-approved-by': { 'zh-CN': '批准人', en: 'Approved by' },
  'xlsx-approved-on': { 'zh-CN': '批准日期', en: 'Approved on' },
  'xlsx-file': { 'zh-CN': '文件', en: 'File' },
  'xlsx-row': { 'zh-CN': '行', en: 'Row' },
  'xlsx-column': { 'zh-CN': '列', en: 'Column' },
  'adjustment-kind-exclude-ticket': { 'zh-CN': '剔除工单', en: 'Ticket left out' },
  'adjustment-kind-override-kpi': { 'zh-CN': '更正指标值', en: 'KPI value corrected' },
  'adjustment-kind-override-rating': { 'zh-CN': '更正评分', en: 'Rating corrected' },
  'xlsx-unit-seconds': { 'zh-CN': '秒', en: 's' },
  'xlsx-unit-minutes': { 'zh-CN': '分钟', en: 'min' },
  'xlsx-unit-hours': { 'zh-CN': '小时', en: 'h' },
  'xlsx-unit-days': { 'zh-CN': '天', en: 'days' },
  'xlsx-unit-working-minutes': { 'zh-CN': '工作分钟', en: 'working min' },
  'xlsx-unit-working-hours': { 'zh-CN': '工作小时', en: 'working h' },
  // An SLA in days as the policy document and the ticket lists word it.
  'sla-limit-days': { 'zh-CN': (p: Params<'within'>) => `${formatValue(p.within)} 天`, en: (p: Params<'within'>) => plural(p.within, 'day') },
  'sla-limit-working-days': { 'zh-CN': (p: Params<'within'>) => `${formatValue(p.within)} 个工作日`, en: (p: Params<'within'>) => plural(p.within, 'working day') },
  'notice-business-hours': {
    'zh-CN': (p: Params<'count' | 'holidays' | 'hours' | 'kpis'>) => `${String(p.kpis)}按工作时间计算：工作日 ${String(p.hours)}，${String(p.holidays)}；非工作时间不计入，因此与按日历计算的时长不同。`,
    en: (p: Params<'count' | 'holidays' | 'hours' | 'kpis'>) =>
      `${String(p.kpis)} ${Number(p.count) === 1 ? 'counts' : 'count'} working time only: ${String(p.hours)} on working days (${String(p.holidays)}); time outside them does not count, so ${Number(p.count) === 1 ? 'it differs' : 'they differ'} from calendar time.`,
  },
  'notice-on-hold-events': {
    'zh-CN': (p: Params<'at' | 'count' | 'kpis' | 'states'>) =>
      `${String(p.kpis)}不计挂起时间：按“解决时间 − 创建时间 − 挂起时长”计算，最低为 0；挂起时长为工单在事件日志中处于挂起状态（${holdConditions(p.states, 'zh-CN')}）的时间之和，按“${String(p.at)}”列计时。`,
    en: (p: Params<'at' | 'count' | 'kpis' | 'states'>) =>
      `${String(p.kpis)} ${Number(p.count) === 1 ? 'excludes' : 'exclude'} time on hold: resolution time − creation time − time on hold, never below 0; the time on hold is the time the ticket's event log shows it on hold (${holdConditions(p.states, 'en')}), timed by the "${String(p.at)}" column.`,
  },
  'notice-on-hold': {
    'zh-CN': (p: Params<'column' | 'count' | 'kpis'>) => `${String(p.kpis)}不计挂起时间：按“解决时间 − 创建时间 − 挂起时长”计算（挂起时长取自工单导出的“${String(p.column)}”列），最低为 0。`,
    en: (p: Params<'column' | 'count' | 'kpis'>) =>
      `${String(p.kpis)} ${Number(p.count) === 1 ? 'excludes' : 'exclude'} time on hold: resolution time − creation time − time on hold (from the "${String(p.column)}" column of the ticket export), never below 0.`,
  },
  'ticket-list-ticket': { 'zh-CN': '工单号', en: 'Ticket' },
  'ticket-list-row': { 'zh-CN': '导出文件行号', en: 'Row in the export' },
  'ticket-list-note': { 'zh-CN': '备注', en: 'Note' },
  'ticket-list-created': { 'zh-CN': '创建时间', en: 'Created' },
  'ticket-list-resolved': { 'zh-CN': '解决时间', en: 'Resolved' },
  'ticket-list-share': { 'zh-CN': '本人份额（作业组均分）', en: 'Own share (crew shares)' },
  'ticket-list-kpi': { 'zh-CN': '{kpi}：{what}', en: '{kpi}: {what}' },
  'ticket-list-yes': { 'zh-CN': '是', en: 'yes' },
  'ticket-list-no': { 'zh-CN': '否', en: 'no' },
  'ticket-list-counted': { 'zh-CN': '计入', en: 'counted' },
  'ticket-list-not-counted': { 'zh-CN': '不计入', en: 'not counted' },
  'ticket-list-excluded': { 'zh-CN': '已按申诉 {appeal} 剔除，不计入任何指标', en: 'left out on appeal {appeal}; counts for no KPI' },
  'ticket-list-means-response-sla': { 'zh-CN': '按时响应（≤ {limit}）', en: 'responded in time (≤ {limit})' },
  'ticket-list-means-resolution-sla': { 'zh-CN': '按时解决（≤ {limit}）', en: 'resolved in time (≤ {limit})' },
  'ticket-list-means-fixed': { 'zh-CN': '一次修复', en: 'fixed first time' },
  'ticket-list-means-reopened': { 'zh-CN': '重开', en: 'reopened' },
  'ticket-list-means-complaint': { 'zh-CN': '投诉', en: 'complaint' },
  'ticket-list-means-punctual': { 'zh-CN': '准时上门', en: 'on site in time' },
  'ticket-list-means-satisfied': { 'zh-CN': '满意（评分 ≥ {min}）', en: 'satisfied (rating ≥ {min})' },
  'ticket-list-means-score': { 'zh-CN': '评分（{min}–{max} 分，指标值按量表换算为百分制）', en: 'rating ({min}–{max}; the KPI rescales their mean to 0–100)' },
  'ticket-list-means-cost': { 'zh-CN': '费用', en: 'cost' },
  'ticket-list-means-condition': { 'zh-CN': '符合条件', en: 'meets the condition' },
  'notice-ticket-list': {
    'zh-CN': '计入您各项个人指标的工单逐单列在《{file}》中（工单号、导出文件行号及每张工单的计入情况），可逐单核对；对某张工单有异议的，请在申诉表中写明工单号。',
    en: 'Every ticket counted in your own KPIs is listed in "{file}" (ticket, row in the export, and what it counted as), so that you can check them one by one; to appeal about a ticket, give its number on the appeal form.',
  },
  // Charts of a notice: the KPI profile and how the total is built (report/notice-charts.ts).
  'notice-chart-target': { 'zh-CN': '目标值 = 100 分', en: 'Target = 100' },
  'notice-chart-team-kpi': { 'zh-CN': '{kpi}（班组）', en: '{kpi} (team)' },
  'notice-chart-qualitative': { 'zh-CN': '定性考核', en: 'Qualitative' },
  'notice-chart-floor': { 'zh-CN': '综合得分不低于 0', en: 'Total not below 0' },
  'notice-chart-total': { 'zh-CN': '综合得分（{grade} 级）', en: 'Total (grade {grade})' },
  'notice-chart-veto': { 'zh-CN': '一票否决：等级最高 {grade} 级', en: 'Veto: grade at most {grade}' },
  'notice-chart-profile-alt': { 'zh-CN': '各项指标得分（100 分即达到目标值）：{items}', en: 'KPI scores (100 = target reached): {items}' },
  'notice-chart-total-alt': { 'zh-CN': '综合得分的构成：{items}', en: 'How the total is built: {items}' },
  'notice-chart-alt-item': { 'zh-CN': '{label} {value}', en: '{label} {value}' },
  'notice-charts-no-cjk-font': {
    'zh-CN': '本机没有找到中文字体（fontconfig 的 fc-list 未列出，常见位置也没有），通知书 Word 文件中的图表以文字说明代替；Markdown 通知书旁的 SVG 图表完整。安装中文字体（如 Debian/Ubuntu 的 fonts-noto-cjk）后重新生成即可在 Word 中显示图表。',
    en: 'No Chinese font was found (fontconfig\'s fc-list lists none, nor is one in the usual places), so the Word notices show the charts\' descriptions instead of the charts; the SVG charts beside the Markdown notices are complete. Install a CJK font (e.g. fonts-noto-cjk on Debian/Ubuntu) and write the notices again to have the charts in Word.',
  },
  'notice-month-cell': { 'zh-CN': '{value} → {score} × {weight}', en: '{value} → {score} × {weight}' },
  'notice-month-cell-scaled': { 'zh-CN': '{value}（目标 {target}，底线 {floor}）→ {score} × {weight}', en: '{value} (target {target}, floor {floor}) → {score} × {weight}' },
  'notice-no-fix-flags': {
    'zh-CN': '本期导出的工单数据中没有“是否重开”或“是否二次上门”列，“{kpi}”把每张已解决的工单都算作一次修复，不反映返修情况。',
    en: 'The ticket export of this period has no reopened or revisit column, so "{kpi}" counts every resolved ticket as fixed first time and shows nothing about repeat work.',
  },
  'notice-holidays-cn': { 'zh-CN': '不含周末和法定节假日，含调休上班日', en: 'Monday to Friday, without public holidays, with make-up working days' },
  'notice-holidays-none': { 'zh-CN': '周一至周五', en: 'Monday to Friday' },
  'notice-holidays-file': { 'zh-CN': '不含周末和节假日，含补班日（按制度规定的节假日表）', en: 'Monday to Friday, without the public holidays and with the make-up working days of the policy\'s holiday list' },
  'xlsx-unit-percent': { 'zh-CN': '%', en: '%' },
  'xlsx-unit-currency': { 'zh-CN': '元', en: 'CNY' },
  'xlsx-unit-count': { 'zh-CN': '件', en: 'count' },
  'xlsx-unit-score': { 'zh-CN': '分', en: 'points' },
  'xlsx-unit-number': { 'zh-CN': '数值', en: 'number' },
  // ── result notice ────────────────────────────────────────────────────────
  'notice-title': { 'zh-CN': '绩效考核结果通知书', en: 'Performance Result Notice' },
  'notice-header': { 'zh-CN': '{company} 绩效考核结果通知书', en: '{company} Performance Result Notice' },
  'notice-period-month': { 'zh-CN': (p: Params<'month' | 'year'>) => `${formatValue(p.year)}年${formatValue(p.month)}月`, en: (p: Params<'month' | 'year'>) => `${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][Number(p.month) - 1]} ${formatValue(p.year)}` },
  'notice-period-quarter': { 'zh-CN': (p: Params<'quarter' | 'year'>) => `${formatValue(p.year)}年第${'一二三四'[Number(p.quarter) - 1]}季度`, en: (p: Params<'quarter' | 'year'>) => `Q${formatValue(p.quarter)} ${formatValue(p.year)}` },
  'notice-period-year': { 'zh-CN': '{year}年度', en: 'the year {year}' },
  // To the employee: what is still open about them, not which report HR forgot to give.
  'notice-history-missing': {
    'zh-CN': (p: Params<'periods' | 'rule'>) => `是否适用“${formatValue(p.rule)}”，待${zhList(p, 'periods')}的考核结果补齐后确定。`,
    en: (p: Params<'periods' | 'rule'>) => `Whether "${formatValue(p.rule)}" applies will be decided once the result for ${enList(p, 'periods')} is available.`,
  },
  // Told to the employee plainly: the rule cannot apply yet, and from when it could.
  'notice-rule-not-yet': {
    'zh-CN': (p: Params<'consecutive' | 'cycle' | 'effective' | 'from' | 'rule'>) => `“${formatValue(p.rule)}”本期不适用：制度自${formatValue(p.effective)}起生效，${zhPeriods(p.consecutive, p.cycle)}的条件最早于${formatValue(p.from)}可能成立。`,
    en: (p: Params<'consecutive' | 'cycle' | 'effective' | 'from' | 'rule'>) => `"${formatValue(p.rule)}" does not apply this period: the policy applies from ${formatValue(p.effective)}, so ${enPeriods(p.consecutive, p.cycle)} can first be complete in ${formatValue(p.from)}.`,
  },
  'notice-trial': {
    'zh-CN': '本制度自{effective}起施行，本考核期在此之前结束。以下结果是按本制度所做的试算，仅供熟悉和检验制度，不作为考核、绩效奖金和奖惩的依据。',
    en: 'The policy applies from {effective}, and this period ended before then. The result below is a trial of the policy, to become familiar with it and test it; it is not a basis for assessment, bonus or any reward or penalty.',
  },
  'notice-partly-in-force': {
    'zh-CN': '本制度自{effective}起施行，本考核期自{first}开始；生效日之前的工单和记录也按本制度计入本期结果。',
    en: 'The policy applies from {effective}, and this period began on {first}: records from before that day are scored under the policy too.',
  },
  'notice-kpis-no-data': {
    'zh-CN': '本期您的各项考核指标（{kpis}）均无数据，均不计分。',
    en: 'None of your KPIs ({kpis}) had any data this period, so none was scored.',
  },
  'notice-kpis-too-few': {
    'zh-CN': '本期您的各项考核指标均没有足够数据，均不计分：{kpis}。',
    en: 'None of your KPIs had enough data this period, so none was scored: {kpis}.',
  },
  'notice-kpis-little-weight': {
    'zh-CN': (p: Params<'min'>) => `本期您有足够数据计分的考核指标，权重合计低于制度规定的 ${pct(p.min)}，仅凭少数指标评定等级有失公平。`,
    en: (p: Params<'min'>) => `The KPIs with enough data this period weigh less than the ${pct(p.min)} the policy requires, and a grade on a few KPIs alone would not be fair.`,
  },
  'notice-kpis-no-month': {
    'zh-CN': '本期每个月您的考核指标都没有足够数据，各月均不计分。',
    en: 'In no month of this period did any of your KPIs have enough data, so no month was scored.',
  },
  'notice-kpi-no-data': { 'zh-CN': '{kpi}（无数据）', en: '{kpi} (no data)' },
  'notice-kpi-too-few': { 'zh-CN': '{kpi}（样本 {samples}，少于规定的 {min}）', en: '{kpi} ({samples} samples, fewer than the {min} required)' },
  'notice-list-separator': { 'zh-CN': '；', en: '; ' },
  'notice-action-deduction': { 'zh-CN': '{name}（扣减 {percent}%）', en: '{name} ({percent}% withheld)' },
  'notice-period-days': { 'zh-CN': '{first}至{last}', en: '{first} to {last}' },
  'notice-formula': {
    'zh-CN': '综合得分 = 量化得分 {q} × {qs} + 定性得分 {ql} × {qls} + 加减分 {points} = {total}。',
    en: 'Total = KPI score {q} × {qs} + qualitative score {ql} × {qls} + points {points} = {total}.',
  },
  'notice-formula-kpis-only': {
    'zh-CN': '综合得分 = 量化得分 {q} + 加减分 {points} = {total}（本期没有可用的定性评价）。',
    en: 'Total = KPI score {q} + points {points} = {total} (no usable qualitative rating this period).',
  },
  'notice-rank': { 'zh-CN': '第 {rank} 名 / 共 {size} 人', en: '{rank} of {size}' },
  'notice-grade-with-label': { 'zh-CN': '{grade}（{label}）', en: '{grade} ({label})' },
  'notice-rank-heading': {
    'zh-CN': (p: Params<'by' | 'group'>) => (p.by === 'team' ? `班组「${formatValue(p.group)}」内排名` : p.by === 'role' ? `岗位「${formatValue(p.group)}」内排名` : '排名'),
    en: (p: Params<'by' | 'group'>) => (p.by === 'team' ? `Rank in team “${formatValue(p.group)}”` : p.by === 'role' ? `Rank among “${formatValue(p.group)}”` : 'Rank'),
  },
  'notice-distributed': {
    'zh-CN': '按分数段为 {bands} 级；按组内排名和强制分布比例确定为 {distributed} 级。{kept}',
    en: 'The score bands give grade {bands}; your rank in the group under the forced distribution gives grade {distributed}.{kept}',
  },
  'notice-distribution-kept': { 'zh-CN': '（沿用已公布的等级。）', en: ' (The grade already published stands.)' },
  'notice-capped': { 'zh-CN': '因触发一票否决项（{vetoes}），等级最高为 {grade} 级。', en: 'Because of the veto item(s) {vetoes}, the grade is at most {grade}.' },
  'notice-not-scored': { 'zh-CN': '不计分', en: 'Not scored' },
  'notice-rater-too-few': { 'zh-CN': '人数不足，不采用', en: 'Too few raters, not used' },
  'notice-rater-none': { 'zh-CN': '无评价', en: 'No rating' },
  'notice-rating-cell': { 'zh-CN': '{mean} → {score} × {weight}', en: '{mean} → {score} × {weight}' },
  'notice-event-bonus': { 'zh-CN': '加分', en: 'bonus points' },
  'notice-event-deduction': { 'zh-CN': '减分', en: 'deduction' },
  'notice-event-veto': { 'zh-CN': '一票否决', en: 'veto' },
  'notice-veto-cap': { 'zh-CN': '等级最高 {grade} 级', en: 'grade at most {grade}' },
  'notice-veto-no-bonus': { 'zh-CN': '取消本期绩效奖金', en: 'no bonus this period' },
  'notice-separator': { 'zh-CN': '，', en: '; ' },
  'notice-bonus': {
    'zh-CN': '{source} {base} × 等级系数 {coefficient} = {amount}。',
    en: '{source} {base} × grade coefficient {coefficient} = {amount}.',
  },
  'notice-bonus-deducted': {
    'zh-CN': '{source} {base} × 等级系数 {coefficient} × (1 − 扣减 {deduction}%) = {amount}。',
    en: '{source} {base} × grade coefficient {coefficient} × (1 − {deduction}% deducted) = {amount}.',
  },
  'notice-bonus-base-roster': { 'zh-CN': '本人奖金基数', en: 'your bonus base' },
  'notice-bonus-base-role': { 'zh-CN': '岗位奖金基数', en: 'the role\'s bonus base' },
  'notice-bonus-withheld': { 'zh-CN': '因触发一票否决项（{vetoes}），取消本期绩效奖金。', en: 'cancelled for this period because of the veto item(s) {vetoes}.' },
  'notice-bonus-other-cycle': { 'zh-CN': '按{paid}发放，本期不计算。', en: 'paid {paid}; none is calculated for this period.' },
  'notice-action-topics': { 'zh-CN': '{name}（重点：{topics}）', en: '{name} (focus: {topics})' },
  // An outcome with the rule of the policy that brought it and the facts that fired that rule.
  'notice-action-because': { 'zh-CN': '{action}：{facts}，依据{article}。', en: '{action}: {facts} ({article}).' },
  'notice-because-grades': {
    'zh-CN': (p: Params<'grades' | 'periods', 'bands'>) => {
      const grades = [p.grades].flat().map(formatValue);
      const what = `${formatValue(p.periods)}考核等级${p.bands ? '（按分数段）' : ''}`;
      if (grades.every((g) => g === grades[0])) return `${what}${grades.length > 1 ? '均' : ''}为 ${formatValue(grades[0])} 级`;
      return `${what}依次为 ${grades.join('、')} 级`;
    },
    en: (p: Params<'grades' | 'periods', 'bands'>) => {
      const grades = [p.grades].flat().map(formatValue);
      const by = p.bands ? ' by the score bands' : '';
      if (grades.every((g) => g === grades[0])) return `graded ${formatValue(grades[0])}${by} in ${formatValue(p.periods)}`;
      return `graded ${grades.join(', ')}${by} in ${formatValue(p.periods)} respectively`;
    },
  },
  'notice-because-rank': { 'zh-CN': '，排名第 {rank} 名（前 {top} 名）', en: ', ranked {rank} (top {top})' },
  'notice-adjustment-ticket': { 'zh-CN': '剔除工单 {ticket}（不计入：{kpis}）', en: 'ticket {ticket} left out (of: {kpis})' },
  'notice-adjustment-kpi': {
    'zh-CN': (p: Params<'after' | 'before' | 'kpi', 'month'>) => `${formatValue(p.kpi)}${p.month ? `（${formatValue(p.month)}）` : ''}由 ${formatValue(p.before)} 更正为 ${formatValue(p.after)}`,
    en: (p: Params<'after' | 'before' | 'kpi', 'month'>) => `${formatValue(p.kpi)}${p.month ? ` (${formatValue(p.month)})` : ''} corrected from ${formatValue(p.before)} to ${formatValue(p.after)}`,
  },
  'notice-adjustment-rating': {
    'zh-CN': '{type}对“{item}”的评分由 {before} 分更正为 {after} 分',
    en: 'the {type} rating of "{item}" corrected from {before} to {after}',
  },
  'notices-written': {
    'zh-CN': '已写入 {count} 份绩效考核结果通知书（Markdown 和 Word）及 {lists} 份工单明细（CSV）到 {dir}',
    en: 'Wrote {count} result notice(s) (Markdown and Word) and {lists} ticket list(s) (CSV) into {dir}',
  },
});
