// Messages of `aspm init`: the questions and why each matters, the choices, what the
// wizard says while asking, the checks of an answers file, the summary, and the texts it
// writes into a policy (standard roles, items, penalties, section comments).
import { defineMessages, formatValue, plural, type MessageParams, type Params } from '../translate.js';

const list = (value: unknown, separator: string) => (Array.isArray(value) ? value.map(formatValue).join(separator) : formatValue(value));
const zhList = (p: MessageParams, name: string) => list(p[name], '、');
const enList = (p: MessageParams, name: string) => list(p[name], ', ');
/** The policy's currency code, named as a reader says it: CNY is 元 in Chinese. */
const currencyName = (p: MessageParams, cny: string) => (p.currency === undefined || p.currency === 'CNY' ? cny : formatValue(p.currency));

export const wizardMessages = defineMessages({
  // ── command ──────────────────────────────────────────────────────────────
  'init-written': {
    'zh-CN': (p: Params<'kpis' | 'path' | 'render' | 'roles' | 'validate'>) => `已写入 ${String(p.path)}（${String(p.roles)} 个岗位，${String(p.kpis)} 项指标）。\n下一步：按需修改后检查，再生成 Word 文档：\n  ${String(p.validate)}\n  ${String(p.render)}`,
    en: (p: Params<'kpis' | 'path' | 'render' | 'roles' | 'validate'>) =>
      `Wrote ${String(p.path)} (${plural(p.roles, 'role')}, ${plural(p.kpis, 'KPI')}).\nNext: edit it as needed, check it, then publish it as a Word document:\n  ${String(p.validate)}\n  ${String(p.render)}`,
  },
  'init-not-interactive': {
    'zh-CN': '未连接终端，未回答的问题采用预设值。',
    en: 'No terminal attached: unanswered questions take the preset values.',
  },
  'preset-missing': {
    'zh-CN': '没有“{size}”规模的{language}预设（presets/{file}）。可用的预设：{available}。',
    en: 'There is no {size} preset in {language} (presets/{file}). Available presets: {available}.',
  },
  'draft-answers-twice': {
    'zh-CN': '同时给出了答案数据和答案文件 {file}：只能用其中一种。',
    en: 'Both answers as data and the answers file {file} were given: use one or the other.',
  },
  'answers-invalid': {
    'zh-CN': '{file} 中的答案有误（见上），未写入任何文件。请修改后重试。',
    en: 'The answers in {file} have problems (above); nothing was written. Fix them and try again.',
  },
  'answers-preset-mismatch': {
    'zh-CN': '{key} 为 {value}，但所用的预设是 {preset}。请删除此项，或改用相应的 --preset / --lang。',
    en: '{key} is {value} but the preset in use is {preset}. Remove it, or choose the matching --preset / --lang.',
  },
  'policy-build-invalid': {
    'zh-CN': '根据这些答案生成的制度文件未通过检查（见上），未写入任何文件。这通常是 aspm 的缺陷，请把所用命令和答案报告给维护者。',
    en: 'The policy built from these answers did not pass the checks (above); nothing was written. This is usually a bug in aspm: please report the command and the answers.',
  },
  'language-zh-CN': { 'zh-CN': '中文', en: 'Chinese' },
  'language-en': { 'zh-CN': '英文', en: 'English' },

  // ── what the wizard says while asking ────────────────────────────────────
  'wizard-intro': {
    'zh-CN':
      'aspm init 将通过几组问题，为售后服务部门起草一份完整的绩效管理制度。\n每个问题都有建议值，直接按回车即可采用；随时按 Ctrl+C 退出，不会写入任何文件。',
    en: 'aspm init drafts a complete performance policy for your after-sales department from a few groups of questions.\nEach question suggests an answer; Enter takes it. Ctrl+C quits; nothing is written until you confirm.',
  },
  // The ten parts of the wizard, also the choices when going back from the summary.
  'section-basics': { 'zh-CN': '公司与规模', en: 'Company and size' },
  'section-roles': { 'zh-CN': '岗位', en: 'Roles' },
  'section-situation': { 'zh-CN': '部门现状', en: 'Your situation' },
  'section-kpis': { 'zh-CN': '岗位与指标', en: 'Roles and KPIs' },
  'section-targets': { 'zh-CN': '目标值与底线值', en: 'Targets and floors' },
  'section-qualitative': { 'zh-CN': '定性考核与评价人', en: 'Qualitative items and raters' },
  'section-grades': { 'zh-CN': '考核周期与等级', en: 'Cycles and grades' },
  'section-incentives': { 'zh-CN': '激励', en: 'Incentives' },
  'section-penalties': { 'zh-CN': '处罚', en: 'Penalties' },
  'section-appeal': { 'zh-CN': '绩效申诉', en: 'Appeals' },
  'section-heading': { 'zh-CN': '第 {index}/{count} 部分 · {name}', en: 'Part {index} of {count} · {name}' },
  'revisit-pick': { 'zh-CN': '要修改哪一部分？', en: 'Which part do you want to change?' },
  'revisit-pick-hint': {
    'zh-CN': '该部分的问题会以您之前的回答为默认值重新提问；其后各部分的回答保留，除非因此失效（届时会说明）。',
    en: 'Its questions come back with your earlier answers as defaults; later parts keep their answers unless the change makes them invalid (you will be told which).',
  },
  'revisit-quit': { 'zh-CN': '不写入任何文件，退出', en: 'Quit without writing anything' },
  'revisit-changes': { 'zh-CN': '因第 {index} 部分的改动，后面的回答有以下变化：', en: 'What your change to part {index} did to later answers:' },
  'revisit-followed': {
    'zh-CN': '“{question}”采用了建议值，它随您的新回答更新为新的建议。',
    en: '"{question}" was the suggestion, so it now follows the new suggestion.',
  },
  'revisit-reset': {
    'zh-CN': '“{question}”已恢复为建议值，因为原回答不再成立：{reason}',
    en: '"{question}" is back to the suggestion, because the earlier answer no longer holds: {reason}',
  },
  'revisit-entries-changed': { 'zh-CN': '它涉及的项目变了。', en: 'what it covers has changed.' },
  'revisit-preset-changed': {
    'zh-CN': '规模或语言变了，改用预设 {file}：您未改动过的回答都换成了它的建议值。',
    en: 'The size or language changed, so the preset is now {file}: every answer you had left at its suggestion takes the new suggestion.',
  },
  'custom-role-keep': { 'zh-CN': '保留自定义岗位“{role}”吗？', en: 'Keep the custom role "{role}"?' },
  'custom-role-keep-hint': {
    'zh-CN': '选“否”删除该岗位；要修改它，先删除再重新添加。',
    en: 'No removes it; to change it, remove it and add it again.',
  },
  'preset-chosen': {
    'zh-CN': '已载入预设 {file}，以下建议值均来自该预设。',
    en: 'Loaded the preset {file}; the suggestions below come from it.',
  },
  'keep-question': { 'zh-CN': '{question}：采用建议值吗？', en: '{question}: use the suggested values?' },
  'role-weights-title': { 'zh-CN': '“{role}”的指标权重', en: 'KPI weights of "{role}"' },
  'role-targets-title': { 'zh-CN': '“{role}”的目标值与底线值', en: 'Targets and floors of "{role}"' },
  'suggested-list': { 'zh-CN': '建议：{detail}', en: 'Suggested: {detail}' },
  'weights-list': { 'zh-CN': '建议：{detail}（合计 {total}）', en: 'Suggested: {detail} (total {total})' },
  'weight-entry': { 'zh-CN': '“{label}”的权重（%）', en: 'Weight of "{label}" (%)' },
  'weight-running-total': {
    'zh-CN': '已分配 {assigned}，还剩 {left}；各项权重合计须为 100。',
    en: '{assigned} assigned so far, {left} left; the weights must total 100.',
  },
  'weight-running-over': {
    'zh-CN': '已分配 {assigned}，超出 {over}；各项权重合计须为 100。',
    en: '{assigned} assigned so far, {over} over 100; the weights must total 100.',
  },
  'weights-off': { 'zh-CN': '权重合计为 {total}，不是 100。', en: 'The weights total {total}, not 100.' },
  'weights-off-hint': { 'zh-CN': '您输入的是：{detail}', en: 'You entered: {detail}' },
  'weights-normalise': { 'zh-CN': '按比例调整为合计 100：{detail}', en: 'Scale them to total 100: {detail}' },
  'weights-reenter': { 'zh-CN': '重新输入', en: 'Enter them again' },
  'number-entry': { 'zh-CN': '{label}', en: '{label}' },
  'number-range-hint': { 'zh-CN': '范围 {min}–{max}', en: 'Between {min} and {max}' },
  'role-heading': { 'zh-CN': '岗位：{role}', en: 'Role: {role}' },
  'role-kpis-pick': { 'zh-CN': '“{role}”考核哪些指标？', en: 'Which KPIs assess "{role}"?' },
  'role-kpis-pick-hint': {
    'zh-CN': '已勾选建议的指标。只选对该岗位最要紧的几项：太少不全面，太多则每项权重过小、没人在意。',
    en: 'The suggested KPIs are ticked. Keep the few that matter most in this job: too few miss things, too many dilute every weight.',
  },
  'custom-role-kpis-hint': {
    'zh-CN': '用空格键勾选。只选对该岗位最要紧的几项：太少不全面，太多则每项权重过小、没人在意。',
    en: 'Tick with the space bar. Keep the few that matter most in this job: too few miss things, too many dilute every weight.',
  },
  'kpi-choice-description': { 'zh-CN': '{definition}（{direction}）', en: '{definition} ({direction})' },
  'target-entry': {
    'zh-CN': (p: Params<'direction' | 'kpi', 'unit'>) => `“${formatValue(p.kpi)}”的目标值（${p.unit ? `${formatValue(p.unit)}，` : ''}${formatValue(p.direction)}）`,
    en: (p: Params<'direction' | 'kpi', 'unit'>) => `Target of "${formatValue(p.kpi)}" (${p.unit ? `${formatValue(p.unit)}, ` : ''}${formatValue(p.direction)})`,
  },
  'target-entry-hint': { 'zh-CN': '达到目标值得 100 分。', en: 'Reaching the target scores 100.' },
  'floor-entry': {
    'zh-CN': (p: Params<'kpi', 'unit'>) => `“${formatValue(p.kpi)}”的底线值${p.unit ? `（${formatValue(p.unit)}）` : ''}`,
    en: (p: Params<'kpi', 'unit'>) => `Floor of "${formatValue(p.kpi)}"${p.unit ? ` (${formatValue(p.unit)})` : ''}`,
  },
  'floor-entry-hint': { 'zh-CN': '达不到底线值得 0 分，两者之间按比例得分。', en: 'At or beyond the floor the score is 0; in between it is proportional.' },
  'target-floor-line': {
    'zh-CN': '{kpi}：目标 {target}，底线 {floor}',
    en: '{kpi}: target {target}, floor {floor}',
  },
  'custom-role-add': { 'zh-CN': '还有上面没有列出的岗位吗？', en: 'Is there a role not listed above?' },
  'custom-role-more': { 'zh-CN': '还要再添加一个岗位吗？', en: 'Add another role?' },
  'custom-role-name': { 'zh-CN': '岗位名称', en: 'Name of the role' },
  'custom-role-name-hint': {
    'zh-CN': '例如“质检专员”“备件管理员”。接着写一句职责、挑选指标、定奖金基数。',
    en: 'For example "Quality inspector" or "Parts clerk" (an English name also gives the role its id). Then a line on what it does, its KPIs and its bonus base.',
  },
  'custom-role-description': { 'zh-CN': '“{role}”的岗位职责（一句话）', en: 'What does "{role}" do? (one line)' },
  'custom-role-description-hint': {
    'zh-CN': '写进制度的岗位说明，例如“抽检通话录音和上门服务记录，跟踪问题整改”。',
    en: 'It goes into the policy, e.g. "Samples call recordings and visit records and follows up on fixes."',
  },
  'custom-role-bonus-base': { 'zh-CN': '“{role}”的绩效奖金基数（{unit}）', en: 'Bonus base of "{role}" ({unit})' },
  'custom-role-bonus-base-hint': {
    'zh-CN': '绩效奖金 = 基数 × 等级系数；人员名单给出个人基数的，以名单为准。建议值 {base} 是预设各岗位基数的平均值。',
    en: 'Bonus = base × grade coefficient; a base given in the staff roster wins. The suggested {base} is the average of the preset roles’ bases.',
  },
  'custom-role-bonus-base-hint-none': {
    'zh-CN': '绩效奖金 = 基数 × 等级系数；为 0 时，须在人员名单中给出每人的基数，否则没有奖金。',
    en: 'Bonus = base × grade coefficient; at 0, the staff roster must give each person a base, or there is no bonus.',
  },
  'raters-pick': { 'zh-CN': '由哪些人给定性项目打分？', en: 'Who rates the qualitative items?' },
  'confirm-write': { 'zh-CN': '确认无误，写入 {path}？', en: 'Write this policy to {path}?' },
  'confirm-write-hint': {
    'zh-CN': '选“否”可回到某一部分修改，或不写入就退出；写入后仍可直接编辑 YAML 文件。',
    en: 'No lets you go back to a part and change it, or quit without writing; you can still edit the YAML file after it is written.',
  },
  'answer-yes': { 'zh-CN': '是', en: 'Yes' },
  'answer-no': { 'zh-CN': '否', en: 'No' },
  // What a yes/no question shows after the cursor: the answers, and which one Enter gives.
  'confirm-choices': {
    'zh-CN': (p: Params<'default'>) => `(是/否) 默认：${p.default === false ? '否' : '是'}`,
    en: (p: Params<'default'>) => (p.default === false ? '(y/N)' : '(Y/n)'),
  },
  'confirm-error': { 'zh-CN': '请回答“是”（y）或“否”（n）。', en: 'Answer yes (y) or no (n).' },
  'keys-space': { 'zh-CN': '空格', en: 'space' },
  'keys-navigate': { 'zh-CN': '移动', en: 'navigate' },
  'keys-select': { 'zh-CN': '选择', en: 'select' },
  'keys-all': { 'zh-CN': '全选', en: 'all' },
  'keys-invert': { 'zh-CN': '反选', en: 'invert' },
  'keys-submit': { 'zh-CN': '确认', en: 'submit' },
  'choice-disabled': { 'zh-CN': '此项不可选。', en: 'This option cannot be chosen.' },

  // ── input checks while asking ────────────────────────────────────────────
  'input-required': { 'zh-CN': '请填写此项。', en: 'Please fill this in.' },
  'input-not-number': { 'zh-CN': '请输入一个数字，如 30。', en: 'Enter a number, such as 30.' },
  'input-not-integer': { 'zh-CN': '请输入一个整数。', en: 'Enter a whole number.' },
  'input-out-of-range': { 'zh-CN': '请输入 {min} 到 {max} 之间的数。', en: 'Enter a number between {min} and {max}.' },
  'input-not-negative': { 'zh-CN': '不能为负数。', en: 'It cannot be negative.' },
  'input-weight-range': { 'zh-CN': '权重须大于 0、不超过 100。', en: 'A weight must be above 0 and at most 100.' },
  'input-pick-at-least': { 'zh-CN': '请至少选择 {min} 项（用空格键勾选）。', en: 'Choose at least {min} (tick with the space bar).' },

  // ── the questions ────────────────────────────────────────────────────────
  'q-language': { 'zh-CN': '制度文件用什么语言？', en: 'Which language is the policy written in?' },
  'q-language-hint': {
    'zh-CN': '决定制度正文、Word 文档和员工考核通知书的语言；提问本身的语言由 --lang 决定。',
    en: "Sets the language of the policy, its Word document and staff notices; --lang sets this wizard's.",
  },
  'q-size': { 'zh-CN': '公司（售后团队）规模？', en: 'How large is the company (the after-sales team)?' },
  'q-size-hint': {
    'zh-CN': '规模决定采用哪套预设：指标多少、考核周期、奖惩力度都随之不同，之后的建议值都来自这套预设。',
    en: 'Picks the preset (how many KPIs, which cycles, how strong the incentives) behind every later suggestion.',
  },
  'q-company': { 'zh-CN': '公司全称', en: 'Full company name' },
  'q-company-hint': { 'zh-CN': '写在制度标题和文档页眉上。', en: 'It appears in the title and the page header of the document.' },
  'q-department': { 'zh-CN': '编制部门', en: 'Owning department' },
  'q-department-hint': {
    'zh-CN': '负责本制度的部门；预设文本中的部门名称会一并替换。',
    en: "The department that owns the policy; the preset's texts are updated to use this name.",
  },
  'q-effective-date': { 'zh-CN': '生效日期', en: 'Effective date' },
  'q-effective-date-hint': {
    'zh-CN': '从这一天起按本制度考核；新制度通常从下个月 1 日起执行，留出宣贯时间。写作 {example}、2027/1/1 或 2027年1月1日 均可。',
    en: 'Assessment starts on this day; the first of next month leaves time to explain the new policy. Write it as {example} or 2027/1/1.',
  },
  'q-roles': { 'zh-CN': '要考核哪些岗位？', en: 'Which roles are assessed?' },
  'q-roles-hint': {
    'zh-CN': '不同岗位的工作不同，考核指标和权重也应不同；下一步可以添加列表中没有的岗位。',
    en: 'Different jobs need different KPIs and weights; you can add a role not listed here next.',
  },
  'q-custom-roles': { 'zh-CN': '自定义岗位', en: 'Custom roles' },
  'q-custom-roles-hint': {
    'zh-CN': '如质检专员、备件管理员、400 热线组长等；为它起名、写一句职责、挑选指标并定奖金基数。',
    en: 'Such as a quality inspector or a parts clerk: name it, say in a line what it does, pick its KPIs and set its bonus base.',
  },
  'q-multi-role': { 'zh-CN': '是否允许一人兼任多个岗位？', en: 'May one person hold several roles?' },
  'q-multi-role-hint': {
    'zh-CN': '小团队常见（如主管兼技术员）；兼岗人员按各岗位指标权重的平均值考核。',
    en: 'Common in small teams (a supervisor who also repairs); scored on the average of the roles’ weights.',
  },
  'q-competition': { 'zh-CN': '所在市场的竞争激烈吗？', en: 'How intense is the competition in your market?' },
  'q-competition-hint': {
    'zh-CN': '竞争越激烈，客户越看重响应速度：选“激烈”会提高响应类指标的权重。',
    en: 'The harder the competition, the more customers judge you on speed: "intense" puts more weight on response KPIs.',
  },
  'q-training-maturity': { 'zh-CN': '内部培训体系成熟吗？', en: 'How mature is your internal training?' },
  'q-training-maturity-hint': {
    'zh-CN': '培训成熟时，可以要求员工独立解决复杂问题：选“成熟”会增加“复杂问题解决”考核项。',
    en: 'With mature training you can expect people to solve complex problems on their own: "mature" adds an item for it.',
  },
  'q-cost-pressure': { 'zh-CN': '控制服务成本的压力大吗？', en: 'How strong is the pressure on service cost?' },
  'q-cost-pressure-hint': {
    'zh-CN': '压力大时应考核成本：选“大”会为维修和管理岗位增加“单均维修成本”指标。',
    en: 'Under cost pressure, cost should count: "strong" adds cost per ticket to repair and lead roles.',
  },
  'q-complaints': { 'zh-CN': '客户投诉多吗？', en: 'How often do customers complain?' },
  'q-complaints-hint': {
    'zh-CN': '投诉频繁时应把投诉率纳入每个岗位的考核：选“频繁”会增加或加重投诉率指标。',
    en: 'Frequent complaints are everyone’s business: "frequent" adds the complaint rate or weighs it up.',
  },
  'q-role-kpis': { 'zh-CN': '各岗位的指标与权重', en: 'KPIs and weights per role' },
  'q-role-kpis-hint': {
    'zh-CN': '权重体现岗位的工作重点，合计必须为 100；目标值和底线值决定多难拿到满分。',
    en: 'Weights say what matters most in the job and must total 100; targets and floors set how hard full marks are.',
  },
  'q-quantitative-share': { 'zh-CN': '各岗位量化考核占总分的比例（%）', en: 'Share of each role’s total from KPIs (%)' },
  'q-quantitative-share-hint': {
    'zh-CN': '其余部分为定性考核（服务态度、团队协作等）；一线岗位通常 70%，主管 60%。',
    en: 'The rest is the qualitative assessment (attitude, teamwork …); front-line roles usually 70 %, supervisors 60 %.',
  },
  'q-qualitative-items': { 'zh-CN': '定性考核哪些方面？', en: 'Which qualities are rated?' },
  'q-qualitative-items-hint': {
    'zh-CN': '数据衡量不了的表现（态度、协作、规范）由人来评价；项目宜少而清楚。',
    en: 'What data cannot measure (attitude, teamwork, compliance) is rated by people; keep the items few and clear.',
  },
  'q-item-weights': { 'zh-CN': '定性项目的权重', en: 'Weights of the qualitative items' },
  'q-item-weights-hint': { 'zh-CN': '各项目权重合计 100。', en: 'The item weights total 100.' },
  'q-raters': { 'zh-CN': '评价人及其权重', en: 'Raters and their weights' },
  'q-raters-hint': {
    'zh-CN': '多方评价更公平：上级了解工作，同事了解协作，客户了解服务。\n同事评价不足 3 份时不采用，以保护匿名。',
    en: 'Several viewpoints are fairer: the supervisor knows the work, peers the teamwork, customers the service.\nFewer than 3 peer ratings are not used, to keep them anonymous.',
  },
  'q-primary-cycle': { 'zh-CN': '多久考核一次？', en: 'How often are people assessed?' },
  'q-primary-cycle-hint': {
    'zh-CN': '周期越短反馈越及时，工作量也越大；售后岗位通常按月考核。',
    en: 'Shorter cycles give faster feedback but more work; after-sales roles are usually assessed monthly.',
  },
  'q-summary-cycles': { 'zh-CN': '还要汇总哪些较长周期？', en: 'Which longer cycles are summarised as well?' },
  'q-summary-cycles-hint': {
    'zh-CN': '季度、年度结果用于晋升、评优和年终奖，由主要周期的结果汇总得出。',
    en: 'Quarterly and annual results drive promotions, honours and year-end bonuses; they are derived from the main cycle.',
  },
  'q-grade-mins': { 'zh-CN': '各绩效等级的最低分', en: 'Lowest score of each grade' },
  'q-grade-mins-hint': {
    'zh-CN': '等级决定奖金系数和奖惩；分数段从高到低，最低等级从 0 分起。',
    en: 'Grades decide bonus coefficients, rewards and penalties; bands run from best to worst and the lowest starts at 0.',
  },
  'q-forced-distribution': { 'zh-CN': '是否采用强制分布？', en: 'Use a forced distribution?' },
  'q-forced-distribution-hint': {
    'zh-CN': '按排名给每个等级分配固定比例，防止人人优秀。\n只适合人数较多的团队；少于 5 人的组不做强制分布。',
    en: 'Grades are shared out by rank in fixed proportions, so not everyone is excellent.\nIt suits large teams only; groups under 5 are left alone.',
  },
  'q-distribution-shares': { 'zh-CN': '各等级人数比例（%）', en: 'Share of people per grade (%)' },
  'q-distribution-shares-hint': { 'zh-CN': '各等级比例合计 100。', en: 'The shares total 100.' },
  'q-bonus-coefficients': { 'zh-CN': '各等级的奖金系数', en: 'Bonus coefficient per grade' },
  'q-bonus-coefficients-hint': {
    'zh-CN': '绩效奖金 = 奖金基数 × 等级系数；系数拉开差距，激励才有效果。',
    en: 'Bonus = bonus base × grade coefficient; the spread between grades is what makes the incentive work.',
  },
  'q-promotion': { 'zh-CN': '保留晋升规则吗？', en: 'Keep the promotion rule?' },
  'q-promotion-hint': {
    'zh-CN': '持续优秀的人应看到上升通道；规则内容可在生成的文件中修改。',
    en: 'People who do well over time should see a way up; the rule can be edited in the generated file.',
  },
  'q-honours': { 'zh-CN': '设置哪些荣誉称号？', en: 'Which honours are awarded?' },
  'q-honours-hint': { 'zh-CN': '荣誉是成本很低的激励，公开表彰能树立榜样。', en: 'Honours cost little and public recognition sets an example.' },
  'q-training': { 'zh-CN': '对低等级员工安排哪些培训辅导？', en: 'Which training is given after a low grade?' },
  'q-training-hint': {
    'zh-CN': '考核的目的是改进而不只是扣钱；低分之后应有针对性的帮助。',
    en: 'Assessment is there to improve, not only to deduct pay; a low grade should bring targeted help.',
  },
  'q-penalties': { 'zh-CN': '采用哪些处罚措施？', en: 'Which penalties apply?' },
  'q-penalties-hint': {
    'zh-CN': '处罚应循序渐进（警示 → 改进计划 → 扣减奖金 → 降级调岗），并写明触发条件。',
    en: 'Penalties should escalate (warning → improvement plan → pay deduction → demotion), each with a trigger.',
  },
  'q-appeal-channel': { 'zh-CN': '员工通过什么渠道申诉？', en: 'How does an employee file an appeal?' },
  'q-appeal-channel-hint': {
    'zh-CN': '有申诉渠道，员工才会信任考核结果；写明向谁、用什么形式提交。',
    en: 'People trust results they can challenge; say to whom and in what form an appeal is filed.',
  },
  'q-appeal-file-days': { 'zh-CN': '结果公布后多少个工作日内可申诉？', en: 'Working days to file an appeal after results are published?' },
  'q-appeal-file-days-hint': {
    'zh-CN': '期限太短员工来不及准备材料，太长则结果迟迟不能确定；常见 5–7 个工作日。',
    en: 'Too short and people cannot gather evidence; too long and results stay open. Five to seven working days is common.',
  },
  'q-appeal-answer-days': { 'zh-CN': '受理后多少个工作日内答复？', en: 'Working days to answer an appeal?' },
  'q-appeal-answer-days-hint': {
    'zh-CN': '明确的答复期限让申诉不会石沉大海；常见 5–10 个工作日。',
    en: 'A stated deadline keeps appeals from being ignored; five to ten working days is common.',
  },
  'q-appeal-reviewers': { 'zh-CN': '由谁复核申诉？', en: 'Who reviews an appeal?' },
  'q-appeal-reviewers-hint': {
    'zh-CN': '复核人不应是原评价人；多个复核人用顿号或逗号分隔。',
    en: 'The reviewer should not be the original rater; separate several with commas.',
  },

  // ── choices ──────────────────────────────────────────────────────────────
  'choice-language-zh': { 'zh-CN': '简体中文', en: 'Simplified Chinese (简体中文)' },
  'choice-language-en': { 'zh-CN': '英文（English）', en: 'English' },
  'choice-size-small': { 'zh-CN': '小型（售后团队 20 人以下）', en: 'Small (an after-sales team under 20)' },
  'choice-size-small-hint': {
    'zh-CN': '3–4 项核心指标，按月反馈，一人可兼多岗，制度从简。',
    en: 'Three or four core KPIs, monthly feedback, one person may hold several roles, a short policy.',
  },
  'choice-size-medium': { 'zh-CN': '中型（20–100 人）', en: 'Medium (20 to 100 people)' },
  'choice-size-medium-hint': {
    'zh-CN': '按岗位设置不同指标，主管按班组结果考核，等级分档激励。',
    en: 'Different KPIs per role, supervisors assessed on their team, tiered rewards.',
  },
  'choice-size-large': { 'zh-CN': '大型（100 人以上）', en: 'Large (over 100 people)' },
  'choice-size-large-hint': {
    'zh-CN': '增加成本与创新指标、强制分布、360 度评价和更完整的激励体系。',
    en: 'Adds cost and innovation KPIs, forced distribution, 360° ratings and broader incentives.',
  },
  'choice-language-missing': { 'zh-CN': '（暂无此语言的预设）', en: '(no presets in this language yet)' },
  'choice-preset-missing': { 'zh-CN': '（此语言暂无该规模的预设）', en: '(no preset of this size in this language yet)' },
  'choice-competition-low': { 'zh-CN': '不激烈', en: 'Low' },
  'choice-competition-normal': { 'zh-CN': '一般', en: 'Normal' },
  'choice-competition-intense': { 'zh-CN': '激烈', en: 'Intense' },
  'choice-training-maturity-basic': { 'zh-CN': '刚起步', en: 'Just starting' },
  'choice-training-maturity-developing': { 'zh-CN': '逐步完善中', en: 'Developing' },
  'choice-training-maturity-mature': { 'zh-CN': '成熟', en: 'Mature' },
  'choice-cost-pressure-low': { 'zh-CN': '小', en: 'Low' },
  'choice-cost-pressure-normal': { 'zh-CN': '一般', en: 'Normal' },
  'choice-cost-pressure-high': { 'zh-CN': '大', en: 'Strong' },
  'choice-complaints-rare': { 'zh-CN': '很少', en: 'Rarely' },
  'choice-complaints-occasional': { 'zh-CN': '偶尔', en: 'Occasionally' },
  'choice-complaints-frequent': { 'zh-CN': '频繁', en: 'Frequently' },
  'choice-cycle-monthly': { 'zh-CN': '每月', en: 'Monthly' },
  'choice-cycle-quarterly': { 'zh-CN': '每季度', en: 'Quarterly' },
  'choice-cycle-annual': { 'zh-CN': '每年', en: 'Annually' },
  'rater-supervisor': { 'zh-CN': '上级', en: 'Supervisor' },
  'rater-peer': { 'zh-CN': '同事', en: 'Peers' },
  'rater-subordinate': { 'zh-CN': '下属', en: 'Team members' },
  'rater-customer': { 'zh-CN': '客户', en: 'Customers' },
  'rater-self': { 'zh-CN': '本人自评', en: 'Self' },
  'direction-higher': { 'zh-CN': '越高越好', en: 'higher is better' },
  'direction-lower': { 'zh-CN': '越低越好', en: 'lower is better' },
  // A KPI's unit as the wizard names it when asking for a target.
  'unit-seconds': { 'zh-CN': '秒', en: 'seconds' },
  'unit-minutes': { 'zh-CN': '分钟', en: 'minutes' },
  'unit-hours': { 'zh-CN': '小时', en: 'hours' },
  'unit-days': { 'zh-CN': '天', en: 'days' },
  'unit-percent': { 'zh-CN': '%', en: '%' },
  'unit-currency': { 'zh-CN': (p: Params<never, 'currency'>) => currencyName(p, '元'), en: (p: Params<never, 'currency'>) => currencyName(p, 'CNY') },
  'unit-count': { 'zh-CN': '件', en: 'count' },
  'unit-score': { 'zh-CN': '分', en: 'points' },
  'unit-number': { 'zh-CN': '数值', en: 'number' },
  // A value with its unit, in the prompts and the summary table (where width is scarce).
  'with-unit-seconds': { 'zh-CN': '{value} 秒', en: '{value} s' },
  'with-unit-minutes': { 'zh-CN': '{value} 分钟', en: '{value} min' },
  'with-unit-hours': { 'zh-CN': '{value} 小时', en: '{value} h' },
  'with-unit-days': { 'zh-CN': '{value} 天', en: '{value} days' },
  'with-unit-percent': { 'zh-CN': '{value}%', en: '{value}%' },
  'with-unit-currency': { 'zh-CN': (p: Params<'value', 'currency'>) => `${formatValue(p.value)} ${currencyName(p, '元')}`, en: (p: Params<'value', 'currency'>) => `${currencyName(p, 'CNY')} ${formatValue(p.value)}` },
  'with-unit-count': { 'zh-CN': '{value} 件', en: '{value}' },
  'with-unit-score': { 'zh-CN': '{value} 分', en: '{value} pts' },
  'with-unit-number': { 'zh-CN': '{value}', en: '{value}' },

  // ── checks of an answers file ────────────────────────────────────────────
  'answer-bad-date': {
    'zh-CN': '日期 {value} 不存在或格式不对。请写成 YYYY-MM-DD，如 {example}。',
    en: 'The date {value} does not exist or is not written as YYYY-MM-DD (e.g. {example}).',
  },
  'answer-date-past': {
    'zh-CN': '生效日期 {value} 早于今天（{today}）。制度一般在公示之后生效，涉及薪酬的规定不宜追溯适用；如确属有意，可忽略此提示。',
    en: 'The effective date {value} is before today ({today}). A policy usually takes effect after it is published, and pay rules should not apply retroactively; ignore this if it is intended.',
  },
  'answer-company-placeholder': {
    'zh-CN': '“{value}”是预设中的示例名称，不是贵公司的名称，却会印在制度标题和页眉上。保留它，制度就标为草案（版本号后注明“草案”），直到填写真实名称。',
    en: '"{value}" is the preset’s example name, not your company’s, yet it heads the document. Kept, it marks the policy a draft (the revision says so) until a real name is set.',
  },
  'answer-keep-anyway': { 'zh-CN': '仍使用 {value} 吗？', en: 'Keep {value}?' },
  'answer-unknown-role': { 'zh-CN': '没有 id 为 {id} 的岗位。可选：{known}；其他岗位请写在 custom_roles 中。', en: 'There is no role with id {id}. Known: {known}; put other roles under custom_roles.' },
  'answer-unknown-kpi': { 'zh-CN': '没有 id 为 {id} 的指标（内置指标或预设中的指标）。可选：{known}。', en: 'There is no KPI with id {id} (built in or in the preset). Known: {known}.' },
  'answer-unknown-item': { 'zh-CN': '没有 id 为 {id} 的定性项目。可选：{known}。', en: 'There is no qualitative item with id {id}. Known: {known}.' },
  'answer-unknown-rater': { 'zh-CN': '评价人类型 {id} 不存在。可选：{known}。', en: 'There is no rater type {id}. Known: {known}.' },
  'answer-unknown-grade': { 'zh-CN': '预设中没有等级 {id}。已有等级：{known}。', en: 'The preset has no grade {id}. Its grades: {known}.' },
  'answer-unknown-option': { 'zh-CN': '预设中没有 id 为 {id} 的选项。可选：{known}。', en: 'The preset has no option with id {id}. Known: {known}.' },
  'answer-not-longer-cycle': {
    'zh-CN': '{id} 不比主要考核周期长，不能作为汇总周期。可选：{known}。',
    en: '{id} is not longer than the main cycle, so it cannot be a summary cycle. Possible: {known}.',
  },
  'answer-duplicate': { 'zh-CN': '{id} 重复出现。请删除多余的一项。', en: '{id} appears twice. Remove one of them.' },
  'answer-duplicate-role-name': { 'zh-CN': '已有名为“{name}”的岗位。请换一个名称。', en: 'There is already a role named "{name}". Choose another name.' },
  'answer-no-roles': {
    'zh-CN': '没有选择任何岗位。请在 roles 中至少列出一个岗位，或在 custom_roles 中添加一个。',
    en: 'No role is chosen. List at least one under roles, or add one under custom_roles.',
  },
  'answer-empty-list': { 'zh-CN': '此项至少要有一个值。', en: 'This needs at least one value.' },
  'wizard-grade-entry': { 'zh-CN': '{grade}（{label}）', en: '{grade} ({label})' },
  'answer-weights-total': { 'zh-CN': '权重合计为 {total}（{detail}），应为 100。', en: 'The weights total {total} ({detail}); they must total 100.' },
  'answer-role-weights-total': {
    'zh-CN': '岗位“{role}”的指标权重合计为 {total}（{detail}），应为 100。',
    en: 'The KPI weights of role "{role}" total {total} ({detail}); they must total 100.',
  },
  'answer-lowest-grade-zero': { 'zh-CN': '最低等级 {grade} 必须从 0 分起。', en: 'The lowest grade, {grade}, must start at 0.' },
  'answer-grade-top': {
    'zh-CN': '最高等级 {grade} 的最低分 {min} 应低于 100，否则无人能达到。',
    en: 'The lowest score of the best grade, {grade}, is {min}; it must be below 100 or no one can reach it.',
  },
  'answer-grade-above-zero': {
    'zh-CN': '等级 {grade} 的最低分 {min} 应高于 0，因为最低等级 {lowest} 从 0 分起。',
    en: 'The lowest score of grade {grade}, {min}, must be above 0, where the lowest grade, {lowest}, starts.',
  },
  'answer-grade-order': {
    'zh-CN': '等级 {grade} 的最低分 {min} 应低于上一等级 {better} 的 {betterMin}。',
    en: 'The lowest score of grade {grade}, {min}, must be below that of the grade above, {better} ({betterMin}).',
  },

  // ── situation adjustments (the summary and the policy file explain each) ─
  'adjust-competition-raise': {
    'zh-CN': (p: Params<'from' | 'kpis' | 'role' | 'to'>) => `市场竞争激烈：“${String(p.role)}”的响应类指标（${zhList(p, 'kpis')}）权重由 ${formatValue(p.from)} 提高到 ${formatValue(p.to)}，因为客户最先感受到的是响应速度。`,
    en: (p: Params<'from' | 'kpis' | 'role' | 'to'>) => `Intense competition: the response KPIs of "${String(p.role)}" (${enList(p, 'kpis')}) go from ${formatValue(p.from)} to ${formatValue(p.to)}, because speed is what customers notice first.`,
  },
  'adjust-competition-add': {
    'zh-CN': '市场竞争激烈：为“{role}”增加“{kpi}”（权重 {weight}），因为客户最先感受到的是响应速度。',
    en: 'Intense competition: "{role}" gets "{kpi}" (weight {weight}), because speed is what customers notice first.',
  },
  'adjust-complaints-raise': {
    'zh-CN': '客户投诉频繁：“{role}”的“{kpi}”权重由 {from} 提高到 {to}，让每个人都对投诉负责。',
    en: 'Frequent complaints: "{kpi}" of "{role}" goes from {from} to {to}, so everyone answers for complaints.',
  },
  'adjust-complaints-add': {
    'zh-CN': '客户投诉频繁：为“{role}”增加“{kpi}”（权重 {weight}），让每个人都对投诉负责。',
    en: 'Frequent complaints: "{role}" gets "{kpi}" (weight {weight}), so everyone answers for complaints.',
  },
  'adjust-cost-add': {
    'zh-CN': '成本压力大：为“{role}”增加“{kpi}”（权重 {weight}），把成本控制落实到决定维修方案的人。',
    en: 'Strong cost pressure: "{role}" gets "{kpi}" (weight {weight}), so cost is owned by whoever decides how a repair is done.',
  },
  'adjust-training-add': {
    'zh-CN': '培训体系成熟：增加定性项目“{item}”（权重 {weight}），所有设有定性考核的岗位都评价此项，要求员工能独立解决复杂问题并带动他人。',
    en: 'Mature training: adds the qualitative item "{item}" (weight {weight}) for every role with a qualitative rating, expecting people to solve complex problems on their own and help others do so.',
  },
  'adjustment-undone': { 'zh-CN': '（您随后改动了这一项，以您的设置为准）', en: ' (you changed this afterwards; your setting stands)' },

  // ── the summary shown before writing ─────────────────────────────────────
  'summary-title': { 'zh-CN': '制度概要', en: 'Summary of the policy' },
  'summary-basics': {
    'zh-CN': '{company} · {department} · {title}\n生效日期 {date} · {size}规模预设 · {language}',
    en: '{company} · {department} · {title}\nEffective {date} · {size} preset · {language}',
  },
  'summary-draft': {
    'zh-CN': '草案（版本 {revision}）：公司名称仍是示例“{company}”，填写真实名称后再发布。',
    en: 'Draft (revision {revision}): the company is still the example "{company}"; set the real name before publishing.',
  },
  'size-small': { 'zh-CN': '小型', en: 'small' },
  'size-medium': { 'zh-CN': '中型', en: 'medium' },
  'size-large': { 'zh-CN': '大型', en: 'large' },
  'summary-roles': { 'zh-CN': '岗位 × 指标权重（%）', en: 'Roles × KPI weights (%)' },
  'summary-kpi': { 'zh-CN': '指标', en: 'KPI' },
  'summary-total': { 'zh-CN': '合计', en: 'Total' },
  'summary-target': { 'zh-CN': '目标 / 底线', en: 'Target / floor' },
  'summary-share': { 'zh-CN': '量化 : 定性', en: 'KPIs : qualitative' },
  'summary-bonus-base': { 'zh-CN': '奖金基数', en: 'Bonus base' },
  'summary-team-note': { 'zh-CN': '* 按班组整体计算', en: '* counted over the whole team' },
  'summary-own-target-note': { 'zh-CN': '# 该岗位另定了目标 / 底线：', en: '# the role has its own target / floor:' },
  'summary-own-target-line': { 'zh-CN': '{role} · {kpi}：{limits}', en: '{role} · {kpi}: {limits}' },
  'summary-multi-role': { 'zh-CN': '允许一人兼任多个岗位。', en: 'One person may hold several roles.' },
  'summary-qualitative': { 'zh-CN': '定性考核', en: 'Qualitative assessment' },
  'summary-items': { 'zh-CN': '项目：{detail}', en: 'Items: {detail}' },
  'summary-raters': { 'zh-CN': '评价人：{detail}', en: 'Raters: {detail}' },
  'summary-cycles-grades': { 'zh-CN': '周期与等级', en: 'Cycles and grades' },
  'summary-cycles': { 'zh-CN': '考核周期：{primary}{also}', en: 'Cycle: {primary}{also}' },
  'summary-also': {
    'zh-CN': (p: Params<'cycles'>) => `，并汇总${zhList(p, 'cycles')}结果`,
    en: (p: Params<'cycles'>) => {
      const cycles = Array.isArray(p.cycles) ? p.cycles.map(formatValue) : [formatValue(p.cycles)];
      const joined = cycles.length > 1 ? `${cycles.slice(0, -1).join(', ')} and ${cycles[cycles.length - 1]}` : (cycles[0] ?? '');
      return `, with ${joined} summaries`;
    },
  },
  'summary-grade-line': { 'zh-CN': '{grade} {label}：{min}–{max} 分，奖金系数 {coefficient}', en: '{grade} {label}: {min}–{max}, bonus × {coefficient}' },
  'summary-distribution': { 'zh-CN': '强制分布（组内排名）：{detail}', en: 'Forced distribution (ranked within a group): {detail}' },
  'summary-incentives': { 'zh-CN': '激励与处罚', en: 'Incentives and penalties' },
  'summary-promotion': { 'zh-CN': '晋升：{text}', en: 'Promotion: {text}' },
  'summary-honours': { 'zh-CN': '荣誉：{detail}', en: 'Honours: {detail}' },
  'summary-training': { 'zh-CN': '培训辅导：{detail}', en: 'Training: {detail}' },
  'summary-penalty': { 'zh-CN': '处罚：{name}（{text}）', en: 'Penalty: {name} ({text})' },
  'summary-none': { 'zh-CN': '无', en: 'none' },
  'summary-appeal': { 'zh-CN': '申诉', en: 'Appeals' },
  'summary-appeal-line': {
    'zh-CN': '{channel}\n结果公布后 {file} 个工作日内提出，{answer} 个工作日内答复；复核：{reviewers}',
    en: '{channel}\nFile within {file} working days of publication; answered within {answer} working days; reviewed by {reviewers}',
  },
  'summary-adjustments': { 'zh-CN': '根据部门现状所做的调整', en: 'Adjustments for your situation' },
  'situation-competition': { 'zh-CN': '市场竞争', en: 'Competition' },
  'situation-training_maturity': { 'zh-CN': '培训体系', en: 'Training' },
  'situation-cost_pressure': { 'zh-CN': '成本压力', en: 'Cost pressure' },
  'situation-complaints': { 'zh-CN': '客户投诉', en: 'Complaints' },
  'summary-situation-as-is': { 'zh-CN': '{topic}：{answer}，预设的建议不变。', en: '{topic}: {answer}; the preset’s suggestions stand.' },
  'summary-situation-covered': {
    'zh-CN': '{topic}：{answer}，但{what}已在预设中，无需调整。',
    en: '{topic}: {answer}, but {what} is already in the preset; nothing to change.',
  },
  'summary-no-adjustments': {
    'zh-CN': '无（按您的回答，预设的建议无需调整）。',
    en: 'None (given your answers, the preset’s suggestions stand as they are).',
  },

  // ── texts written into the policy ────────────────────────────────────────
  'policy-draft-revision': { 'zh-CN': '{revision} 草案', en: '{revision} draft' },
  'policy-scope': {
    'zh-CN': '本制度适用于{department}全体正式员工，包括{roles}。试用期员工参照执行。',
    en: 'This policy applies to all permanent staff of the {department}: {roles}. Staff on probation follow it as guidance.',
  },
  'std-role-agent': { 'zh-CN': '客服专员', en: 'Customer service agent' },
  'std-role-agent-description': {
    'zh-CN': '受理客户来电与在线咨询，创建并跟进工单，安排上门服务。',
    en: 'Takes customer calls and online enquiries, opens and follows up tickets, books on-site visits.',
  },
  'std-role-technician': { 'zh-CN': '维修技术员', en: 'Field technician' },
  'std-role-technician-description': {
    'zh-CN': '上门或到店检测维修，完成工单并回填处理结果。',
    en: 'Diagnoses and repairs on site or in the workshop, closes tickets and records the outcome.',
  },
  'std-role-supervisor': { 'zh-CN': '服务主管', en: 'Service supervisor' },
  'std-role-supervisor-description': {
    'zh-CN': '负责班组的日常管理、排班、质量把控和人员辅导。',
    en: 'Runs a team: daily management, rosters, quality control and coaching.',
  },
  'std-item-service-attitude': { 'zh-CN': '服务态度', en: 'Service attitude' },
  'std-item-service-attitude-description': {
    'zh-CN': '热情、耐心、礼貌，使用规范服务用语，主动为客户着想。',
    en: 'Friendly, patient and polite; uses proper service language and thinks ahead for the customer.',
  },
  'std-item-teamwork': { 'zh-CN': '团队协作', en: 'Teamwork' },
  'std-item-teamwork-description': {
    'zh-CN': '主动配合同事和其他部门，分享经验，服从工作安排。',
    en: 'Works with colleagues and other departments, shares experience, follows work assignments.',
  },
  'std-item-compliance': { 'zh-CN': '规范执行', en: 'Compliance' },
  'std-item-compliance-description': {
    'zh-CN': '遵守服务流程、安全规范和公司制度，工单记录完整准确。',
    en: 'Follows service procedures, safety rules and company policy; keeps ticket records complete and accurate.',
  },
  'std-item-learning': { 'zh-CN': '学习成长', en: 'Learning' },
  'std-item-learning-description': {
    'zh-CN': '积极参加培训，掌握新产品与新技能。',
    en: 'Takes part in training and masters new products and skills.',
  },
  'std-item-responsibility': { 'zh-CN': '责任心', en: 'Responsibility' },
  'std-item-responsibility-description': {
    'zh-CN': '对经手的工单负责到底，遇到问题及时报告，不推诿。',
    en: 'Sees every ticket through, reports problems early, does not pass the buck.',
  },
  'std-item-complex-problems': { 'zh-CN': '复杂问题解决', en: 'Solving complex problems' },
  'std-item-complex-problems-description': {
    'zh-CN': '能独立处理疑难故障和复杂投诉，并把经验整理成案例或培训材料，带动他人。',
    en: 'Handles difficult faults and complex complaints independently and turns the experience into cases or training material for others.',
  },
  'std-penalty-warning': { 'zh-CN': '绩效警示', en: 'Performance warning' },
  'std-penalty-warning-description': {
    'zh-CN': '考核为 {grade} 级的，由直属主管进行绩效警示面谈并记录。',
    en: 'A {grade} grade brings a warning interview with the line supervisor, on record.',
  },
  'std-penalty-improvement-plan': { 'zh-CN': '绩效改进计划', en: 'Performance improvement plan' },
  'std-penalty-improvement-plan-description': {
    'zh-CN': '连续 {count} 个考核周期为 {grade} 级的，制定为期一个周期的绩效改进计划，由直属主管跟进。',
    en: '{count} consecutive cycles at grade {grade} bring an improvement plan for one cycle, followed up by the line supervisor.',
  },
  'std-penalty-pay-deduction': { 'zh-CN': '扣减绩效奖金', en: 'Bonus deduction' },
  'std-penalty-pay-deduction-description': {
    'zh-CN': '{cycle}考核为 {grade} 级的，扣减当期绩效奖金的 {percent}%。',
    en: 'Grade {grade} in the {cycle} assessment withholds {percent} % of that period’s bonus.',
  },
  'std-penalty-demotion': { 'zh-CN': '降级或调岗', en: 'Demotion or reassignment' },
  'std-penalty-demotion-description': {
    'zh-CN': '连续 {count} 个考核周期为 {grade} 级、且绩效改进计划未达标的，经面谈后予以降级或调整岗位。',
    en: '{count} consecutive cycles at grade {grade}, with the improvement plan not met, lead after an interview to demotion or reassignment.',
  },

  // ── comments written into the policy file ────────────────────────────────
  'comment-header-title': { 'zh-CN': '{company} {title}', en: '{company} — {title}' },
  'comment-header-generated': {
    'zh-CN': '由 aspm init 于 {date} 根据{size}规模预设和您的回答生成。',
    en: 'Generated by aspm init on {date} from the {size} preset and your answers.',
  },
  'comment-header-edit': {
    'zh-CN': '可直接编辑本文件；修改后用 {validate} 检查，用 {render} 生成 Word 文档。',
    en: 'Edit this file freely; check it with `{validate}` and publish it with `{render}`.',
  },
  'comment-header-calibrate': {
    'zh-CN': '目标值与底线值是行业常见水平，正式执行前请用本部门过去 3–6 个月的实际数据校准。',
    en: 'Targets and floors are typical values: calibrate them on the last 3–6 months of your own data before use.',
  },
  'comment-adjustments': { 'zh-CN': '根据部门现状对建议所做的调整：', en: 'Adjustments made for your situation:' },
  'comment-meta': { 'zh-CN': '文件信息：公司名称、文件编号、生效日期等，出现在 Word 文档首页。', en: 'Document information: company, number, effective date; shown on the first page of the Word document.' },
  'comment-purpose': { 'zh-CN': '第一章 总则：目的、适用范围与术语。', en: 'Chapter 1, general provisions: purpose, scope and terms.' },
  'comment-responsibilities': { 'zh-CN': '职责：谁收集数据、谁评估、谁审批、谁受理申诉。', en: 'Responsibilities: who collects data, evaluates, approves and hears appeals.' },
  'comment-goals': { 'zh-CN': '部门绩效目标，与下方指标对应。', en: 'Department goals, tied to the KPIs below.' },
  'comment-kpis': {
    'zh-CN': '考核指标目录：target 为目标值（得 100 分），floor 为底线值（得 0 分），之间按线性计分；min_samples 为最少样本数。',
    en: 'The KPI catalogue: reaching `target` scores 100, `floor` scores 0, linear in between; `min_samples` is the fewest records that count.',
  },
  'comment-roles': {
    'zh-CN': '岗位与权重：每个岗位的指标权重合计 100；quantitative_share 为量化考核占总分的比例，其余为定性考核；scope: team 表示按班组整体计算。',
    en: 'Roles and weights: each role’s KPI weights total 100; `quantitative_share` is the KPIs’ share of the total, the rest is qualitative; `scope: team` counts the whole team.',
  },
  'comment-multi-role': { 'zh-CN': '是否允许一人兼任多个岗位。', en: 'Whether one person may hold several roles.' },
  'comment-qualitative': {
    'zh-CN': '定性考核：各项目按量表评分，评价人的平均分按权重合成后换算为百分制。',
    en: 'Qualitative assessment: items are rated on the scale; raters’ averages are combined by weight and converted to 0–100.',
  },
  'comment-vetoes': { 'zh-CN': '一票否决：发生即限制当期等级或取消奖金，不论得分高低。', en: 'Vetoes: when one occurs, the grade is capped or the bonus cancelled, whatever the score.' },
  'comment-point-items': { 'zh-CN': '加减分项：在总分基础上加减，每项每期有上限。', en: 'Bonus and deduction points, added to the total, each with a cap per period.' },
  'comment-cycles': { 'zh-CN': '考核周期：较长周期由主要周期的结果汇总得出。', en: 'Cycles: longer cycles are derived from the main one.' },
  'comment-grades': {
    'zh-CN': '绩效等级：分数段从高到低，覆盖 0–100，下限含、上限不含（最高档含 100）。',
    en: 'Grades: score bands from best to worst covering 0–100; the lower bound is included, the upper excluded (the top band includes 100).',
  },
  'comment-incentives': { 'zh-CN': '结果应用：绩效奖金 = 奖金基数 × 等级系数；晋升、荣誉、培训按条件触发。', en: 'Incentives: bonus = bonus base × grade coefficient; promotion, honours and training follow their triggers.' },
  'comment-penalties': { 'zh-CN': '处罚措施及触发条件（consecutive 为连续周期数）。', en: 'Penalties and their triggers (`consecutive` counts cycles in a row).' },
  'comment-appeal': { 'zh-CN': '绩效申诉：期限按工作日计算。', en: 'Appeals: deadlines are in working days.' },
  'comment-process': { 'zh-CN': '绩效管理流程：谁在什么时间完成哪一步。', en: 'The management process: who does which step, and when.' },
  'comment-evaluation': { 'zh-CN': '计算规则：样本不足时如何处理、时长口径、满意度口径。', en: 'Evaluation rules: too few samples, how durations and satisfaction are counted.' },
  'comment-data-sources': { 'zh-CN': '数据来源：columns 把导出文件中的列名映射到标准字段。', en: 'Data sources: `columns` maps the headers of your exports to the standard fields.' },
  'comment-supplementary': { 'zh-CN': '附则。', en: 'Supplementary provisions.' },
  'comment-document': { 'zh-CN': 'Word 文档排版。', en: 'Word document typography.' },
  'comment-role-bonus-estimated': {
    'zh-CN': '新增岗位：bonus_base（绩效奖金基数）暂取预设各岗位基数的平均值 {base}，请按实际填写。',
    en: 'New role: bonus_base (the bonus base) is the average of the preset roles’ bases, {base}, for now; put in the real figure.',
  },
  'comment-new-role': {
    'zh-CN': '新增岗位：请填写 bonus_base（绩效奖金基数），否则人员名单未给出基数时奖金为 0。',
    en: 'New role: fill in bonus_base (the bonus base), or the bonus is 0 when the roster gives none.',
  },
});
