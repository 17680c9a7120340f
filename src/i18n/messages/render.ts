// Messages of `aspm render`, and the words a rendered document takes from code rather than
// from its templates: numbering (第一章, Article 3), units, cycles, raters, dates, the text
// of triggers and effects. Document wording itself lives in templates/<language>/.
import { toChineseNumeral } from '../../text/chinese-numerals.js';
import { defineMessages, formatValue, holdConditions, type MessageParams, type Params } from '../translate.js';

const cn = (params: MessageParams, name = 'n') => toChineseNumeral(Number(params[name]));

export const renderMessages = defineMessages({
  // ── the command ──────────────────────────────────────────────────────────
  'render-written': { 'zh-CN': '已写入 {path}', en: 'Wrote {path}' },
  'render-policy-invalid': {
    'zh-CN': '{file} 有 {errors} 个错误，未生成任何文件。请按上面的提示修改后重试（可用 aspm validate 检查）。',
    en: '{file} has {errors} error(s); nothing was written. Fix them as shown above and try again (aspm validate checks the file).',
  },
  'render-unknown-format': {
    'zh-CN': '无法从 {path} 的扩展名判断格式。请使用 .docx、.md 或 .html 扩展名，或用 --format 指定。',
    en: 'Cannot tell the format of {path} from its extension. Use .docx, .md or .html, or give --format.',
  },
  'render-no-output': {
    'zh-CN': '缺少输出文件。请用 -o 指定，例如 aspm render policy.yaml -o 制度.docx。',
    en: 'No output file. Give one with -o, e.g. aspm render policy.yaml -o policy.docx.',
  },

  // ── templates ────────────────────────────────────────────────────────────
  'templates-dir-missing': {
    'zh-CN': '模板文件夹 {path} 不存在或不是文件夹。请检查 --templates 的路径。',
    en: 'The template folder {path} does not exist or is not a folder. Check the path given to --templates.',
  },
  'templates-dir-empty': {
    'zh-CN': '模板文件夹 {path} 中没有 .md.hbs 模板文件。可复制内置的 templates/ 文件夹后修改。',
    en: 'The template folder {path} holds no .md.hbs template. Copy the built-in templates/ folder and edit the copy.',
  },
  'template-missing': {
    'zh-CN': '找不到模板 {name}（语言 {language}）。',
    en: 'There is no template {name} (language {language}).',
  },
  'template-not-utf8': {
    'zh-CN': '模板 {path} 不是 UTF-8 编码。请以 UTF-8 编码另存。',
    en: 'The template {path} is not UTF-8. Save it as UTF-8.',
  },
  'template-syntax': {
    'zh-CN': '模板语法错误：{detail}。请检查 {{ }} 标记是否成对、块标记（如 {{#if}} 与 {{/if}}）是否对应。',
    en: 'Template syntax error: {detail}. Check that every {{ }} is closed and every block (e.g. {{#if}} … {{/if}}) is matched.',
  },
  'template-partial-missing': {
    'zh-CN': '模板引用了不存在的子模板 {name}（渲染 {template} 时）。请检查 {{> {name}}} 的名称，或在模板文件夹中添加 {name}.md.hbs。',
    en: 'A template uses the partial {name}, which does not exist (rendering {template}). Check the name in {{> {name}}}, or add {name}.md.hbs to the template folder.',
  },
  'template-field-missing': {
    'zh-CN': '模板引用了不存在的字段 {field}（第 {line} 行第 {col} 列）。请检查拼写；可用的字段见 templates/README.md。',
    en: 'A template uses the field {field}, which does not exist (line {line}, column {col}). Check the spelling; templates/README.md lists the fields.',
  },
  'template-helper-missing': {
    'zh-CN': '模板使用了不存在的辅助函数 {name}。可用的有 md、cell、sentence、clause、bare、clauseEnd、numbered、item。',
    en: 'A template uses the helper {name}, which does not exist. The helpers are md, cell, sentence, clause, bare, clauseEnd, numbered and item.',
  },
  'template-item-outside-numbered': {
    'zh-CN': '渲染模板 {path} 失败：{{item}} 只能用在 {{#numbered}} … {{/numbered}} 之内。',
    en: 'Rendering the template {path} failed: {{item}} may only be used inside {{#numbered}} … {{/numbered}}.',
  },
  'template-recursive': {
    'zh-CN': '模板 {path} 通过局部模板（{{> …}}）引用了自身，无法渲染。请去掉循环引用。',
    en: 'The template {path} includes itself through partials ({{> …}}), so it cannot be rendered. Remove the loop.',
  },
  'template-render-failed': {
    'zh-CN': '渲染模板 {path} 失败：{detail}',
    en: 'Rendering the template {path} failed: {detail}',
  },

  // ── numbering ────────────────────────────────────────────────────────────
  'doc-chapter-number': { 'zh-CN': (p: Params<'n'>) => `第${cn(p)}章`, en: (p: Params<'n'>) => `Chapter ${formatValue(p.n)}` },
  'doc-article-number': { 'zh-CN': (p: Params<'n'>) => `第${cn(p)}条`, en: (p: Params<'n'>) => `Article ${formatValue(p.n)}` },
  'doc-appendix-number': { 'zh-CN': (p: Params<'n'>) => `附件${cn(p)}`, en: (p: Params<'n'>) => `Appendix ${formatValue(p.n)}` },
  'doc-item-number': { 'zh-CN': (p: Params<'n'>) => `（${cn(p)}）`, en: (p: Params<'n'>) => `(${formatValue(p.n)}) ` },
  'doc-list-separator': { 'zh-CN': '、', en: ', ' },
  'doc-list-last-separator': { 'zh-CN': '、', en: ' and ' },
  'doc-list-or': { 'zh-CN': '或', en: ' or ' },
  'doc-date': {
    'zh-CN': (p: Params<'day' | 'month' | 'year'>) => `${formatValue(p.year)}年${formatValue(p.month)}月${formatValue(p.day)}日`,
    en: (p: Params<'day' | 'month' | 'year'>) =>
      `${formatValue(p.day)} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][Number(p.month) - 1] ?? ''} ${formatValue(p.year)}`,
  },
  'doc-full-title': { 'zh-CN': '{company}{title}', en: '{company} {title}' },
  'doc-page-footer': { 'zh-CN': '第 {page} 页 共 {pages} 页', en: 'Page {page} of {pages}' },
  'doc-toc-title': { 'zh-CN': '目　录', en: 'Contents' },

  // ── values and units ─────────────────────────────────────────────────────
  'doc-data-on-hold-events': {
    'zh-CN': (p: Params<'at' | 'count' | 'kpis' | 'states'>) =>
      `${String(p.kpis)}不计挂起时间：按“解决时间 − 创建时间 − 挂起时长”计算，扣除后最低为 0；挂起时长取自工单的事件日志，为工单处于挂起状态（${holdConditions(p.states, 'zh-CN')}）的各段时间之和，按“${String(p.at)}”列计时。`,
    en: (p: Params<'at' | 'count' | 'kpis' | 'states'>) =>
      `${String(p.kpis)} ${Number(p.count) === 1 ? 'excludes' : 'exclude'} time on hold: resolution time − creation time − time on hold, never below 0; the time on hold comes from the tickets' event log: the spells a ticket spent on hold (${holdConditions(p.states, 'en')}), timed by the "${String(p.at)}" column.`,
  },
  'doc-data-on-hold': {
    'zh-CN': (p: Params<'column' | 'count' | 'kpis'>) => `${String(p.kpis)}不计挂起时间：按“解决时间 − 创建时间 − 挂起时长”计算，挂起时长取自工单导出的“${String(p.column)}”列，扣除后最低为 0。`,
    en: (p: Params<'column' | 'count' | 'kpis'>) =>
      `${String(p.kpis)} ${Number(p.count) === 1 ? 'excludes' : 'exclude'} time on hold: resolution time − creation time − time on hold, the time on hold read from the "${String(p.column)}" column of the ticket export, and never below 0.`,
  },
  'doc-value-seconds': { 'zh-CN': '{n} 秒', en: '{n} s' },
  'doc-value-minutes': { 'zh-CN': '{n} 分钟', en: '{n} min' },
  'doc-value-hours': { 'zh-CN': '{n} 小时', en: '{n} h' },
  'doc-value-days': { 'zh-CN': '{n} 天', en: '{n} days' },
  'doc-value-percent': { 'zh-CN': '{n}%', en: '{n}%' },
  'doc-value-currency': { 'zh-CN': '{n} {currency}', en: '{currency} {n}' },
  'doc-value-count': { 'zh-CN': '{n}', en: '{n}' },
  'doc-value-score': { 'zh-CN': '{n} 分', en: '{n} points' },
  'doc-value-number': { 'zh-CN': '{n}', en: '{n}' },
  'doc-unit-seconds': { 'zh-CN': '秒', en: 'seconds' },
  'doc-unit-minutes': { 'zh-CN': '分钟', en: 'minutes' },
  'doc-unit-hours': { 'zh-CN': '小时', en: 'hours' },
  'doc-unit-days': { 'zh-CN': '天', en: 'days' },
  'policy-sla-limit': { 'zh-CN': '{kpi} {limit}', en: '{kpi} {limit}' },
  'doc-unit-percent': { 'zh-CN': '%', en: '%' },
  'doc-unit-currency': { 'zh-CN': '{currency}', en: '{currency}' },
  'doc-unit-count': { 'zh-CN': '件', en: 'count' },
  'doc-unit-score': { 'zh-CN': '分', en: 'points' },
  'doc-unit-number': { 'zh-CN': '—', en: '—' },
  'doc-currency-CNY': { 'zh-CN': '元', en: 'CNY' },

  // ── cycles, raters, kinds ────────────────────────────────────────────────
  'doc-cycle-monthly': { 'zh-CN': '月度', en: 'monthly' },
  'doc-cycle-quarterly': { 'zh-CN': '季度', en: 'quarterly' },
  'doc-cycle-annual': { 'zh-CN': '年度', en: 'annual' },
  'doc-cycles-monthly': { 'zh-CN': (p: Params<'n'>) => `${consecutiveZh(p)}个月`, en: (p: Params<'n'>) => plural(p, 'month') },
  'doc-cycles-quarterly': { 'zh-CN': (p: Params<'n'>) => `${consecutiveZh(p)}个季度`, en: (p: Params<'n'>) => plural(p, 'quarter') },
  'doc-cycles-annual': { 'zh-CN': (p: Params<'n'>) => `${consecutiveZh(p)}年`, en: (p: Params<'n'>) => plural(p, 'year') },
  'doc-rater-supervisor': { 'zh-CN': '上级', en: 'supervisor' },
  'doc-rater-peer': { 'zh-CN': '同事', en: 'peers' },
  'doc-rater-customer': { 'zh-CN': '客户', en: 'customers' },
  'doc-rater-self': { 'zh-CN': '本人', en: 'self' },
  'doc-rater-subordinate': { 'zh-CN': '下属', en: 'subordinates' },
  // The same in a running sentence (rated by the supervisor, peers and the employee themselves).
  'doc-rater-in-text-supervisor': { 'zh-CN': '上级', en: 'the supervisor' },
  'doc-rater-in-text-peer': { 'zh-CN': '同事', en: 'peers' },
  'doc-rater-in-text-customer': { 'zh-CN': '客户', en: 'customers' },
  'doc-rater-in-text-self': { 'zh-CN': '本人', en: 'the employee themselves' },
  'doc-rater-in-text-subordinate': { 'zh-CN': '下属', en: 'subordinates' },
  'doc-rater-weight': { 'zh-CN': '{rater}（{weight}）', en: '{rater} ({weight})' },
  // How a rating on the scale becomes a score out of 100, with a worked example from the policy's own scale;
  // said because people expect 3 of 5 to be 60 and it is 50.
  'doc-rating-formula': {
    'zh-CN': (p: Params<'example' | 'max' | 'min' | 'naive' | 'span', 'exampleScore'>) =>
      `各项评分按下式换算为百分制：项目得分 =（平均分 − ${formatValue(p.min)}）÷（${formatValue(p.max)} − ${formatValue(p.min)}）× 100，即 ${formatValue(p.min)} 分为 0 分、${formatValue(p.max)} 分为 100 分。` +
      `例如某项平均分为 ${formatValue(p.example)} 分的，项目得分为（${formatValue(p.example)} − ${formatValue(p.min)}）÷ ${formatValue(p.span)} × 100 = ${formatValue(p.exampleScore)} 分${p.naive === p.exampleScore ? '' : `（不是 ${formatValue(p.example)} ÷ ${formatValue(p.max)} × 100 = ${formatValue(p.naive)} 分）`}。` +
      `各类评价人对各项目的平均分换算后，按项目权重合成该类评价人的得分，再按评价人权重合成定性考核得分。`,
    en: (p: Params<'example' | 'max' | 'min' | 'naive' | 'span', 'exampleScore'>) =>
      `Each rating becomes a score out of 100 as item score = (mean rating − ${formatValue(p.min)}) ÷ (${formatValue(p.max)} − ${formatValue(p.min)}) × 100, so ${formatValue(p.min)} scores 0 and ${formatValue(p.max)} scores 100. ` +
      `For example, an item with a mean rating of ${formatValue(p.example)} scores (${formatValue(p.example)} − ${formatValue(p.min)}) ÷ ${formatValue(p.span)} × 100 = ${formatValue(p.exampleScore)}${p.naive === p.exampleScore ? '' : ` (not ${formatValue(p.example)} ÷ ${formatValue(p.max)} × 100 = ${formatValue(p.naive)})`}. ` +
      `Each kind of rater's item scores are combined by the item weights into that rater's score, and the raters' scores by the rater weights into the qualitative score.`,
  },
  // The anonymity rule as the scoring applies it (score-qualitative.ts): per item and kind of rater, counted in raters.
  'doc-anonymity-rule': {
    'zh-CN': '为保护评价人匿名，{raters}对某一项目的评价人少于 {min} 人的，该项目的{raters}评价不予采用，其权重分给该类评价人评价的其他项目；没有一个项目达到 {min} 人的，该类评价人的评价不予采用。',
    en: 'To keep raters anonymous, an item rated by fewer than {min} {raters} is not used for them, and its weight goes to the other items they rated; if no item reaches {min} of them, their ratings are not used at all.',
  },
  'doc-item-weight': { 'zh-CN': '{item}（{weight}）', en: '{item} ({weight})' },
  'doc-penalty-warning': { 'zh-CN': '警告', en: 'warning' },
  'doc-penalty-pay_deduction': { 'zh-CN': '扣减绩效奖金', en: 'bonus deduction' },
  'doc-penalty-demotion': { 'zh-CN': '降级或调岗', en: 'demotion or transfer' },
  'doc-penalty-improvement_plan': { 'zh-CN': '绩效改进计划', en: 'improvement plan' },
  'doc-grade': { 'zh-CN': '{grade} 级', en: 'grade {grade}' },
  'doc-team-scope': { 'zh-CN': '{weight}（班组）', en: '{weight} (team)' },

  // ── triggers and effects ─────────────────────────────────────────────────
  'doc-trigger': {
    'zh-CN': (p: Params<'consecutive' | 'cycle' | 'cycles', 'bands' | 'grades' | 'letters' | 'top'>) => {
      const cycle = Number(p.consecutive) > 1 ? `连续${formatValue(p.cycles)}` : formatValue(p.cycle);
      const grades = p.grades ? `${p.bands ? '按分数段' : ''}考核为 ${formatValue(p.grades)}` : '考核';
      const top = p.top ? `${p.grades ? '且' : ''}在本组排名前 ${formatValue(p.top)} 名` : '';
      return `${cycle}${grades}${top}`;
    },
    en: (p: Params<'consecutive' | 'cycle' | 'cycles', 'bands' | 'grades' | 'letters' | 'top'>) => {
      const cycle = Number(p.consecutive) > 1 ? `for ${formatValue(p.cycles)} in a row` : `in a ${formatValue(p.cycle)} assessment`;
      const grades = p.letters ? `graded ${formatValue(p.letters)}${p.bands ? ' by the score bands' : ''}` : '';
      const top = p.top ? `ranked in the top ${formatValue(p.top)} of the group` : '';
      return `${[grades, top].filter(Boolean).join(' and ')} ${cycle}`;
    },
  },
  'doc-effect-max-grade': { 'zh-CN': '当期等级最高为 {grade} 级', en: 'the grade for the period is at most {grade}' },
  'doc-effect-no-bonus': { 'zh-CN': '取消当期绩效奖金', en: 'no performance bonus for the period' },
  'doc-effect-separator': { 'zh-CN': '，', en: '; ' },
  'doc-veto-threshold': {
    'zh-CN': (p: Params<'n'>) => (Number(p.n) <= 1 ? '发生 1 次即触发' : `累计 ${formatValue(p.n)} 次及以上`),
    en: (p: Params<'n'>) => (Number(p.n) <= 1 ? 'on the first occurrence' : `at ${formatValue(p.n)} or more occurrences`),
  },
  'doc-points-per-event': {
    'zh-CN': (p: Params<'n' | 'sign'>) => `每次 ${formatValue(p.sign)}${formatValue(p.n)} 分`,
    en: (p: Params<'n' | 'sign'>) => `${formatValue(p.sign)}${formatValue(p.n)} ${pointWord(p)} each time`,
  },
  'doc-points-cap': {
    'zh-CN': (p: Params<'n'>) => `每期最多 ${formatValue(p.n)} 分`,
    en: (p: Params<'n'>) => `at most ${formatValue(p.n)} ${pointWord(p)} per period`,
  },
  'doc-points-no-cap': { 'zh-CN': '不设上限', en: 'no limit' },

  // ── scoring ──────────────────────────────────────────────────────────────
  'doc-scoring-linear': { 'zh-CN': '线性计分', en: 'linear' },
  'doc-scoring-linear-cap': { 'zh-CN': '线性计分，超额最高 {cap} 分', en: 'linear, up to {cap} for over-achievement' },
  'doc-scoring-bands': { 'zh-CN': '分段计分：{bands}', en: 'banded: {bands}' },
  'doc-scoring-pass-fail': { 'zh-CN': '达标计分：达到目标值得 100 分，否则 0 分', en: 'pass/fail: 100 when the target is met, else 0' },
  'doc-band-range': { 'zh-CN': '{range} 得 {score} 分', en: '{range}: {score}' },
  'doc-range-from-to': { 'zh-CN': '{min} ≤ {what} < {max}', en: '{min} ≤ {what} < {max}' },
  'doc-range-from': { 'zh-CN': '{what} ≥ {min}', en: '{what} ≥ {min}' },
  'doc-range-below': { 'zh-CN': '{what} < {max}', en: '{what} < {max}' },
  'doc-range-any': { 'zh-CN': '任意值', en: 'any value' },
  'doc-what-value': { 'zh-CN': '指标值', en: 'value' },
  'doc-what-score': { 'zh-CN': '得分', en: 'score' },
  'doc-source-tickets': { 'zh-CN': '工单数据', en: 'Tickets' },
  'doc-source-roster': { 'zh-CN': '人员名单', en: 'Staff roster' },
  'doc-source-ratings': { 'zh-CN': '评价数据', en: 'Ratings' },
  'doc-source-metrics': { 'zh-CN': '投诉、表扬等登记数据', en: 'Registers of complaints, praise and other events' },
  'doc-timezone-shanghai': { 'zh-CN': '北京时间', en: 'China Standard Time (Asia/Shanghai)' },
  'doc-timezone-other': { 'zh-CN': '{zone} 时区的时间', en: 'the time in {zone}' },
});

function consecutiveZh(p: MessageParams): string {
  const n = Number(p.n);
  return n === 2 ? '两' : toChineseNumeral(n);
}

function pointWord(p: MessageParams): string {
  return Number(p.n) === 1 ? 'point' : 'points';
}

function plural(p: MessageParams, word: string): string {
  const n = Number(p.n);
  return n === 1 ? `1 ${word}` : `${formatValue(n)} ${word}s`;
}
