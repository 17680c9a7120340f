// Messages about reading files and checking a policy: what went wrong, where, and what to do.
import { defineMessages, type MessageParams, type Params } from '../translate.js';

/** 指标“首次响应时长”（first_response_minutes）（岗位“客服专员”） — the KPI a limit belongs to. */
const kpiZh = (p: MessageParams) => `指标“${String(p.name)}”（${String(p.kpi)}）${p.role ? `（岗位“${String(p.role)}”）` : ''}`;
const kpiEn = (p: MessageParams) => `KPI "${String(p.name)}" (${String(p.kpi)})${p.role ? ` of role "${String(p.role)}"` : ''}`;

export const coreMessages = defineMessages({
  // ── files ────────────────────────────────────────────────────────────────
  'file-not-found': {
    'zh-CN': '找不到文件 {path}。请检查路径和文件名是否正确。',
    en: 'File not found: {path}. Check the path and the file name.',
  },
  'is-directory': {
    'zh-CN': '{path} 是文件夹，不是文件。请给出文件的路径。',
    en: '{path} is a folder, not a file. Give the path of a file.',
  },
  'not-a-regular-file': {
    'zh-CN': '{path} 不是普通文件（而是管道、套接字或设备），aspm 不读取它。请先把内容保存为文件，再给出该文件的路径。',
    en: '{path} is not a regular file (it is a pipe, a socket or a device), so aspm does not read it. Save its content to a file first and give that file.',
  },
  'file-unreadable': {
    'zh-CN': '无法读取 {path}（{reason}）。请检查文件权限。',
    en: 'Cannot read {path} ({reason}). Check the file permissions.',
  },
  'file-too-large': {
    'zh-CN': '文件过大（{size} 字节，上限 {limit} 字节）。制度文件通常只有几十 KB，请确认选择了正确的文件。',
    en: 'The file is too large ({size} bytes; the limit is {limit}). A policy file is a few tens of KB: check that this is the right file.',
  },
  'not-text': {
    'zh-CN': '这不是文本文件（第 {line} 行含有二进制数据）。制度文件应为 YAML 文本。',
    en: 'This is not a text file (binary data on line {line}). A policy file is YAML text.',
  },
  'not-utf16': {
    'zh-CN': '文件看起来是 {encoding} 编码，但其中有无效的字节。请在编辑器中以 UTF-8 编码另存后重试。',
    en: 'The file looks like {encoding} text but holds invalid bytes. Save it as UTF-8 in your editor and try again.',
  },
  'not-utf8': {
    'zh-CN': '文件不是 UTF-8 编码（第 {line} 行有无效字节）。请在编辑器中以 UTF-8 编码另存后重试。',
    en: 'The file is not UTF-8 (invalid bytes on line {line}). Save it as UTF-8 in your editor and try again.',
  },
  'empty-file': {
    'zh-CN': '文件是空的。{hint}',
    en: 'The file is empty. {hint}',
  },
  'hint-policy-file': {
    'zh-CN': '请用 aspm init 生成制度文件（加 --preset medium --yes 则不提问，直接按预设写出一份再修改）。',
    en: 'Create a policy with `aspm init` (with --preset medium --yes it asks nothing and writes a preset to edit).',
  },
  'hint-schema-file': {
    'zh-CN': '格式见 aspm schema {name}。',
    en: 'See `aspm schema {name}` for its format.',
  },

  // ── YAML ─────────────────────────────────────────────────────────────────
  'yaml-syntax': {
    'zh-CN': 'YAML 语法错误：{detail}',
    en: 'YAML syntax error: {detail}',
  },
  'yaml-tab-indent': {
    'zh-CN': 'YAML 不允许用 Tab 缩进。请改用空格（通常每级 2 个）。',
    en: 'YAML does not allow tabs for indentation. Use spaces (usually 2 per level).',
  },
  'yaml-bad-indent': {
    'zh-CN': '缩进不一致。同一层级的项目必须对齐，子项目比上级多缩进。',
    en: 'Inconsistent indentation. Items at the same level must line up; children are indented further than their parent.',
  },
  'yaml-colon-in-value': {
    'zh-CN': '值中含有“: ”，YAML 会把它当成新的键。请给整个值加引号，如 name: "A: B"。',
    en: 'The value contains ": ", which YAML reads as a new key. Quote the whole value, e.g. name: "A: B".',
  },
  'yaml-unclosed': {
    'zh-CN': '缺少配对的 {char}（引号或括号没有闭合）。',
    en: 'Missing a closing {char} (an unclosed quote or bracket).',
  },
  'yaml-multiple-documents': {
    'zh-CN': '文件含有多个 YAML 文档（用 --- 分隔）。一个制度文件只能有一个文档。',
    en: 'The file holds several YAML documents (separated by ---). A policy file holds exactly one.',
  },
  'duplicate-key': {
    'zh-CN': '键“{key}”在同一层级重复出现。请删除或合并其中一个。',
    en: 'The key "{key}" appears twice at the same level. Remove or merge one of them.',
  },
  'yaml-too-deep': {
    'zh-CN': '嵌套层次过深（超过 {limit} 层），aspm 不读取这样的文件。制度文件只有几层嵌套，请检查此处的括号或缩进。',
    en: 'The nesting is too deep (more than {limit} levels), so aspm does not read the file. A policy nests only a few levels: check the brackets or the indentation here.',
  },
  'yaml-alias-bomb': {
    'zh-CN': '别名（*引用）展开次数过多，文件可能是恶意构造的，已停止读取。请去掉多层嵌套的别名。',
    en: 'Aliases (*references) expand too many times; the file may be crafted to exhaust memory, so reading stopped. Remove the nested aliases.',
  },
  'not-a-mapping': {
    'zh-CN': '文件的顶层应为键值映射（以 version: 1 等“键: 值”开头），实际是{actual}。{hint}',
    en: 'The top level of the file must be a mapping (starting with version: 1 and other "key: value" lines), not {actual}. {hint}',
  },

  // ── JSON Schema findings ─────────────────────────────────────────────────
  'missing-property': {
    'zh-CN': '{parent}缺少必填项 {property}（{about}）。',
    en: '{parent}is missing the required property {property} ({about}).',
  },
  'unknown-property': {
    'zh-CN': (p: Params<'allowed' | 'property', 'suggestion'>) =>
      `不认识的项 ${String(p.property)}。` +
      (p.suggestion ? `是否想写 ${String(p.suggestion)}？` : `此处可用的项：${String(p.allowed)}。`),
    en: (p: Params<'allowed' | 'property', 'suggestion'>) =>
      `Unknown property ${String(p.property)}.` +
      (p.suggestion ? ` Did you mean ${String(p.suggestion)}?` : ` Allowed here: ${String(p.allowed)}.`),
  },
  'wrong-type': {
    'zh-CN': '{path} 应为{expected}，实际是{actual}。',
    en: '{path} must be {expected}, not {actual}.',
  },
  'not-allowed-value': {
    'zh-CN': '{path} 的值 {value} 不在可选范围内。可选：{allowed}。',
    en: '{path} has the value {value}, which is not allowed. Choose one of: {allowed}.',
  },
  'wrong-constant': {
    'zh-CN': '{path} 必须是 {expected}。',
    en: '{path} must be {expected}.',
  },
  'out-of-range': {
    'zh-CN': '{path} 的值 {value} 超出范围：应{comparison} {limit}。',
    en: '{path} is {value}, out of range: it must be {comparison} {limit}.',
  },
  'empty-value': {
    'zh-CN': '{path} 不能为空。',
    en: '{path} must not be empty.',
  },
  'too-long': {
    'zh-CN': '{path} 太长（最多 {limit} 个字符）。',
    en: '{path} is too long (at most {limit} characters).',
  },
  'too-few-items': {
    'zh-CN': '{path} 至少需要 {limit} 项。',
    en: '{path} needs at least {limit} item(s).',
  },
  'pattern-mismatch': {
    'zh-CN': '{path} 的值 {value} 格式不对。{about}',
    en: '{path} has the value {value}, which is not well formed. {about}',
  },
  'bad-date': {
    'zh-CN': '{path} 应为日期，格式 YYYY-MM-DD（如 2026-01-01），实际是 {value}。',
    en: '{path} must be a date written YYYY-MM-DD (e.g. 2026-01-01), not {value}.',
  },
  'schema-other': {
    'zh-CN': '{path}：{detail}',
    en: '{path}: {detail}',
  },

  // ── semantic rules ───────────────────────────────────────────────────────
  'duplicate-id': {
    'zh-CN': '{kind} id “{id}” 重复（第一次出现在第 {firstLine} 行）。id 必须唯一。',
    en: 'The {kind} id "{id}" is used twice (first on line {firstLine}). Ids must be unique.',
  },
  'weights-sum': {
    'zh-CN': '岗位“{role}”的指标权重合计为 {sum}，应为 100（{detail}）。请调整权重。',
    en: 'The KPI weights of role "{role}" total {sum}, not 100 ({detail}). Adjust the weights.',
  },
  'item-weights-sum': {
    'zh-CN': '定性项目权重合计为 {sum}，应为 100（{detail}）。',
    en: 'The qualitative item weights total {sum}, not 100 ({detail}).',
  },
  'rater-weights-sum': {
    'zh-CN': '{where}的评价人权重合计为 {sum}，应为 100（{detail}）。',
    en: 'The rater weights of {where} total {sum}, not 100 ({detail}).',
  },
  'shares-sum': {
    'zh-CN': '强制分布各等级比例合计为 {sum}%，应为 100%（{detail}）。',
    en: 'The forced-distribution shares total {sum}%, not 100% ({detail}).',
  },
  'duplicate-rater': {
    'zh-CN': '评价人类型 {type} 重复出现。每种评价人只写一次。',
    en: 'The rater type {type} appears twice. List each rater type once.',
  },
  'duplicate-role-kpi': {
    'zh-CN': '指标 {kpi} 在岗位“{role}”中重复出现。',
    en: 'KPI {kpi} appears twice in role "{role}".',
  },
  'grade-band-empty': {
    'zh-CN': '等级 {grade} 的分数段 {min}–{max} 无效：下限应小于上限。',
    en: 'Grade {grade} has the empty band {min}–{max}: the lower bound must be below the upper bound.',
  },
  'grade-overlap': {
    'zh-CN': '等级 {grade}（{min}–{max}）与等级 {other}（{otherMin}–{otherMax}）的分数段重叠。',
    en: 'Grade {grade} ({min}–{max}) overlaps grade {other} ({otherMin}–{otherMax}).',
  },
  'grade-gap': {
    'zh-CN': '分数 {from}–{to} 没有对应的等级。等级分数段须连续覆盖 0–100。',
    en: 'Scores {from}–{to} have no grade. The bands must cover 0–100 without gaps.',
  },
  'unknown-kpi': {
    'zh-CN': (p: Params<'id' | 'known', 'suggestion'>) => `引用了未定义的指标 ${String(p.id)}。` + (p.suggestion ? `是否想写 ${String(p.suggestion)}？` : `kpis 中已定义：${String(p.known)}。`),
    en: (p: Params<'id' | 'known', 'suggestion'>) => `Refers to the undefined KPI ${String(p.id)}.` + (p.suggestion ? ` Did you mean ${String(p.suggestion)}?` : ` Defined in kpis: ${String(p.known)}.`),
  },
  'builtin-not-defined': {
    'zh-CN': '{id}（{name}）是内置指标，但本制度的 kpis 中还没有它的定义。请把它加入 kpis（名称、定义、公式、单位、方向、目标值、底线值），可从 presets/ 中的预设文件复制后修改目标值。',
    en: '{id} ({name}) is a built-in KPI, but this policy does not define it under kpis yet. Add it to kpis (name, definition, formula, unit, direction, target, floor); copy it from a preset in presets/ and set your targets.',
  },
  'unknown-grade': {
    'zh-CN': '引用了未定义的等级 {grade}。grades.bands 中已定义：{known}。',
    en: 'Refers to the undefined grade {grade}. Defined in grades.bands: {known}.',
  },
  'unknown-item': {
    'zh-CN': '引用了未定义的定性项目 {id}。qualitative.items 中已定义：{known}。',
    en: 'Refers to the undefined qualitative item {id}. Defined in qualitative.items: {known}.',
  },
  'target-floor-order': {
    'zh-CN': (p: Params<'direction' | 'floor' | 'kpi' | 'name' | 'target', 'role'>) =>
      `指标“${String(p.name)}”（${String(p.kpi)}）${p.role ? `（岗位“${String(p.role)}”）` : ''}${p.direction === 'higher' ? '越高越好' : '越低越好'}，` +
      `目标值 ${String(p.target)} 应${p.direction === 'higher' ? '高于' : '低于'}底线值 ${String(p.floor)}。`,
    en: (p: Params<'direction' | 'floor' | 'kpi' | 'name' | 'target', 'role'>) =>
      `KPI "${String(p.name)}" (${String(p.kpi)})${p.role ? ` (role "${String(p.role)}")` : ''} is better when ${p.direction === 'higher' ? 'higher' : 'lower'}, ` +
      `so its target ${String(p.target)} must be ${p.direction === 'higher' ? 'above' : 'below'} its floor ${String(p.floor)}.`,
  },
  'kpi-limit-target': { 'zh-CN': '目标值', en: 'target' },
  'kpi-limit-floor': { 'zh-CN': '底线值', en: 'floor' },
  'kpi-value-percent': {
    'zh-CN': (p: Params<'kpi' | 'limit' | 'name' | 'value', 'role'>) => `${kpiZh(p)}的${String(p.limit)} ${String(p.value)}% 不可能达到：百分比在 0–100% 之间。请改为 0 到 100 之间的数。`,
    en: (p: Params<'kpi' | 'limit' | 'name' | 'value', 'role'>) => `${kpiEn(p)}: a ${String(p.limit)} of ${String(p.value)}% is impossible, since a percentage lies between 0 and 100. Give a number from 0 to 100.`,
  },
  'kpi-value-negative': {
    'zh-CN': (p: Params<'kpi' | 'limit' | 'name' | 'value', 'role'>) => `${kpiZh(p)}的${String(p.limit)} ${String(p.value)} 不可能达到：时长、费用和件数都不会小于 0。请改为 0 或更大的数。`,
    en: (p: Params<'kpi' | 'limit' | 'name' | 'value', 'role'>) => `${kpiEn(p)}: a ${String(p.limit)} of ${String(p.value)} is impossible, since a time, a cost or a count is never below 0. Give 0 or more.`,
  },
  'kpi-value-whole': {
    'zh-CN': (p: Params<'kpi' | 'limit' | 'lower' | 'name' | 'upper' | 'value', 'role'>) => `${kpiZh(p)}按件数计，${String(p.limit)} ${String(p.value)} 不是整数。请改为整数，如 ${String(p.lower)} 或 ${String(p.upper)}。`,
    en: (p: Params<'kpi' | 'limit' | 'lower' | 'name' | 'upper' | 'value', 'role'>) => `${kpiEn(p)} is a count, so its ${String(p.limit)} ${String(p.value)} must be a whole number. Give a whole number such as ${String(p.lower)} or ${String(p.upper)}.`,
  },
  'kpi-value-scale': {
    'zh-CN': (p: Params<'kpi' | 'limit' | 'max' | 'min' | 'name' | 'value', 'role'>) =>
      `${kpiZh(p)}取满意度评分的统计值，${String(p.limit)} ${String(p.value)} 不在评分量表 ${String(p.min)}–${String(p.max)} 之内（evaluation.satisfaction）。请改为 ${String(p.min)} 到 ${String(p.max)} 之间的数。`,
    en: (p: Params<'kpi' | 'limit' | 'max' | 'min' | 'name' | 'value', 'role'>) =>
      `${kpiEn(p)} is computed from satisfaction ratings, so its ${String(p.limit)} ${String(p.value)} must lie on the rating scale ${String(p.min)}–${String(p.max)} (evaluation.satisfaction). Give a number from ${String(p.min)} to ${String(p.max)}.`,
  },
  'kpi-not-computable': {
    'zh-CN': '{id} 不是内置指标，需要用 compute 说明如何计算（取 --metrics 表的一列，或对工单字段聚合）。内置指标：{builtins}。',
    en: '{id} is not a built-in KPI, so it needs `compute` (a column of the --metrics file, or an aggregation over ticket fields). Built-in KPIs: {builtins}.',
  },
  'compute-needs-field': {
    'zh-CN': '聚合方式 {aggregate} 需要 field（被聚合的数值字段）。',
    en: 'The aggregation {aggregate} needs `field` (the numeric field to aggregate).',
  },
  'compute-needs-condition': {
    'zh-CN': '聚合方式 rate 需要 condition（分子须满足的条件）。',
    en: 'The aggregation rate needs `condition` (what the numerator must meet).',
  },
  'column-spec-shape': {
    'zh-CN': '{field} 的映射应为以下形式之一：列名；{ column: 列名, duration: 单位 }（时长）；{ column: 时间列, plus: { column: 时长列, duration: 单位 } }（时间加时长）；{ first_of: [列名, 列名] }（取第一个非空的列，不能再写 column、duration 或 plus）。',
    en: 'Map {field} in one of these forms: a header; { column: <header>, duration: <unit> } (a duration); { column: <time column>, plus: { column: <duration column>, duration: <unit> } } (a time plus a duration); { first_of: [<header>, <header>] } (the first non-blank column, with no column, duration or plus beside it).',
  },
  'column-duration-on-time': {
    'zh-CN': '{field} 是时间（日期和时刻），不是时长，不能声明 duration: {duration}。要用时间加上一段时长得到 {field}，请写 {field}: { column: 时间列, plus: { column: 时长列, duration: {duration} } }。',
    en: '{field} is a time (a date and time of day), not a duration, so it cannot be declared duration: {duration}. To get {field} as a time plus a duration, write {field}: { column: <time column>, plus: { column: <duration column>, duration: {duration} } }.',
  },
  'column-duration-on-field': {
    'zh-CN': '{field} 是标准字段，有自己的读法（编号、姓名、是/否、评分、金额或文字），不能声明 duration: {duration}。时长只能用于 on_hold（挂起时长）或自定义字段，如 talk_time: { column: 通话时长, duration: clock }。',
    en: '{field} is a canonical field with its own reading (an id, a name, yes/no, a score, an amount or text), so it cannot be declared duration: {duration}. Durations are for on_hold (time on hold) and your own fields, e.g. talk_time: { column: Talk time, duration: clock }.',
  },
  'column-plus-not-time': {
    'zh-CN': 'plus（时间加上时长）只用于时间字段（created_at、first_response_at、resolved_at、promised_at、arrived_at），{field} 不是时间字段。',
    en: '`plus` (a time plus a duration) is for time fields only (created_at, first_response_at, resolved_at, promised_at, arrived_at); {field} is not one.',
  },
  'column-first-of-not-time': {
    'zh-CN': 'first_of（取第一个非空的列）只用于时间字段（created_at、first_response_at、resolved_at、promised_at、arrived_at），{field} 不是时间字段。',
    en: '`first_of` (the first non-blank column) is for time fields only (created_at, first_response_at, resolved_at, promised_at, arrived_at); {field} is not one.',
  },
  'column-on-hold-needs-duration': {
    'zh-CN': '{field}（挂起时长）是时长，请写明单位，如 {field}: { column: 挂起时长, duration: minutes }（seconds、minutes、hours，或 h:mm:ss 写法用 clock）。',
    en: '{field} (time on hold) is a duration: say its unit, e.g. {field}: { column: On hold, duration: minutes } (seconds, minutes, hours, or clock for h:mm:ss).',
  },
  'kpi-duration-unit': {
    'zh-CN': '{id} 汇总的 {field} 是时长，指标单位须为时间单位（seconds、minutes、hours 或 days），数值按该单位换算；不能是 {unit}。',
    en: '{id} aggregates {field}, a duration, so its unit must be a unit of time (seconds, minutes, hours or days), to which the value is converted; it cannot be {unit}.',
  },
  'kpi-time-field': {
    'zh-CN': '{id} 汇总的 {field} 是时间（日期和时刻），不是时长，不能按 {unit} 计算。要统计时长，请把时长列映射为自定义字段（如 handle_time: { column: 处理时长, duration: minutes }）再汇总它。',
    en: '{id} aggregates {field}, a time (a date and time of day), not a duration, so it cannot be measured in {unit}. To measure a duration, map the duration column to a field of your own (e.g. handle_time: { column: Handle time, duration: minutes }) and aggregate that.',
  },
  'credit-column-not-mapped': {
    'zh-CN': '指标 {id} 写了 credit: {credit}，但制度没有在 data_sources.tickets.columns 中映射 {fields}，找不到要计给的人：请映射导出文件中记录此人的列（如 {fields}: 列名），或删去 credit。',
    en: 'KPI {id} says credit: {credit}, but the policy maps no {fields} under data_sources.tickets.columns, so there is no one to credit: map the column of your export that names this person (e.g. {fields}: its header), or remove credit.',
  },
  'credit-not-from-tickets': {
    'zh-CN': '指标 {id} 写了 credit: {credit}，但它取自人员指标表（compute.from: metrics），每行已是某人本人的数值，没有工单可计给别人，credit 不起作用。请删去 credit；要按工单上的处理人、解决人、响应人或作业组计入，请改为从工单计算（compute.from: tickets）。',
    en: 'KPI {id} says credit: {credit}, but it comes from the metrics file (compute.from: metrics), whose rows are already each person\'s own figure: there is no ticket to credit to anyone, so credit has no effect. Remove credit; to credit the assignee, resolver, responder or crew of each ticket, compute the KPI from tickets (compute.from: tickets).',
  },
  'crew-not-credited': {
    'zh-CN': 'data_sources.tickets.columns 映射了作业组列 crew，但没有指标写 credit: crew，所以不会读取该列：作业组成员不会因此获得任何工单。要按作业组计入，请在相应指标中写 credit: crew；否则删去 crew 映射。',
    en: 'data_sources.tickets.columns maps a crew column, but no KPI says credit: crew, so the column is not read and crew members are credited with nothing from it. To credit the crew, add credit: crew to the KPIs concerned; otherwise remove the crew mapping.',
  },
  'crew-without-column': {
    'zh-CN': 'data_sources.tickets.crew 说明了作业组列的读法，但 data_sources.tickets.columns 中没有映射 crew 列：请加上 crew: 作业组列名，或删去 crew。',
    en: 'data_sources.tickets.crew says how to read a crew column, but data_sources.tickets.columns maps no crew column: add crew: <the header of the crew column>, or remove crew.',
  },
  'builtin-unit': {
    'zh-CN': '{id} 是内置指标，aspm 按 {expected} 计算，单位不能写成 {unit}。请把 unit 改为 {expected}，目标值和底线值也用 {expected} 表示。',
    en: '{id} is a built-in KPI that aspm computes in {expected}; its unit cannot be {unit}. Set unit to {expected} and give the target and floor in {expected}.',
  },
  'builtin-direction': {
    'zh-CN': (p: Params<'direction' | 'expected' | 'id'>) => `${String(p.id)} 是内置指标，${p.expected === 'higher' ? '越高越好' : '越低越好'}（direction: ${String(p.expected)}），不能改为 ${String(p.direction)}。`,
    en: (p: Params<'direction' | 'expected' | 'id'>) => `${String(p.id)} is a built-in KPI that is better when ${p.expected === 'higher' ? 'higher' : 'lower'} (direction: ${String(p.expected)}); it cannot be ${String(p.direction)}.`,
  },
  'team-scope-metrics': {
    'zh-CN': '岗位“{role}”的指标 {kpi} 取自人员指标表，每行已是个人数值，scope: team 不起作用（按本人数值计分）。如需班组数值，请在表中给出班组汇总。',
    en: 'KPI {kpi} of role "{role}" comes from the metrics file, which holds each person\'s own figure, so scope: team has no effect (the person\'s own value is scored). Put the team\'s figure in the file if that is what you mean.',
  },
  'deduction-cycle': {
    'zh-CN': '处罚 {id} 按{cycle}扣减奖金，但奖金按{paid}发放（incentives.bonus.paid），这项扣减不会被计算。请让两者的周期一致。',
    en: 'Penalty {id} is a {cycle} deduction from the bonus, but the bonus is paid on a {paid} cycle (incentives.bonus.paid), so the deduction is never applied. Use the same cycle for both.',
  },
  'builtin-compute': {
    'zh-CN': '{id} 是内置指标，计算方式已固定，不能再写 compute。如需不同算法，请换一个 id。',
    en: '{id} is a built-in KPI with a fixed computation; it cannot have `compute`. Use another id for a different formula.',
  },
  'missing-coefficient': {
    'zh-CN': '等级 {grade} 没有奖金系数。请在 incentives.bonus.coefficients 中为每个等级给出系数。',
    en: 'Grade {grade} has no bonus coefficient. Give every grade a coefficient in incentives.bonus.coefficients.',
  },
  'scale-order': {
    'zh-CN': '量表最低分 {min} 应小于最高分 {max}。',
    en: 'The lowest score of the scale ({min}) must be below the highest ({max}).',
  },
  'threshold-outside-scale': {
    'zh-CN': '“满意”的最低分 {value} 不在量表 {min}–{max} 之内。',
    en: 'The lowest good score {value} lies outside the scale {min}–{max}.',
  },
  'working-hours-order': {
    'zh-CN': '工作时段 {start}–{end} 无效：须按时间先后排列且互不重叠。',
    en: 'The working span {start}–{end} is invalid: spans must be in order and must not overlap.',
  },
  // ── the holidays file (evaluation.holidays_file) ────────────────────────
  'holidays-file-unreadable': {
    'zh-CN': '无法读取 evaluation.holidays_file 指定的节假日文件 {file}（相对于制度文件所在目录）：{problem}',
    en: 'Cannot read the holidays file {file} named by evaluation.holidays_file (relative to the policy file\'s folder): {problem}',
  },
  'holidays-date-invalid': {
    'zh-CN': '“{value}”不是有效日期：请写成 YYYY-MM-DD，如 2026-04-03。',
    en: '"{value}" is not a date: write YYYY-MM-DD, e.g. 2026-04-03.',
  },
  'holidays-date-duplicate': {
    'zh-CN': '{date} 与第 {first} 行重复：每个日期只列一次。',
    en: '{date} repeats line {first}: list each date once.',
  },
  'holidays-date-off-and-work': {
    'zh-CN': '{date} 在第 {first} 行已列为另一种日期：同一天不能既放假又补班，请删去其中一处。',
    en: '{date} is listed as the other kind on line {first}: a day cannot be both off and a working day; remove one of them.',
  },
  'holidays-date-outside-years': {
    'zh-CN': '{date} 不在本文件的 years（{years}）之内：请把该年份加入 years，或删去这一日期。',
    en: '{date} lies outside this file\'s years ({years}): add its year to `years`, or remove the date.',
  },
  'holidays-csv-header': {
    'zh-CN': '节假日 CSV 文件的第一行须为表头 date,kind,name（或 日期,类型,名称；name 可省略）。',
    en: 'The first line of a holidays CSV file must be the header date,kind,name (name may be left out).',
  },
  'holidays-csv-quote': {
    'zh-CN': '这一行的引号没有闭合。',
    en: 'A quote on this line is not closed.',
  },
  'holidays-kind-invalid': {
    'zh-CN': '类型“{value}”无效：放假日写 off（或 休、holiday），补班日写 work（或 班、workday）。',
    en: 'Kind "{value}" is not known: write off (or holiday, 休) for a day off, work (or workday, 班) for a make-up working day.',
  },
  'unknown-timezone': {
    'zh-CN': '不认识的时区 {value}。请使用 IANA 时区名，如 Asia/Shanghai。',
    en: 'Unknown time zone {value}. Use an IANA zone name such as Asia/Shanghai.',
  },
  'veto-no-effect': {
    'zh-CN': '否决项 {id} 没有后果：请设置 effect.max_grade 或 effect.no_bonus。',
    en: 'Veto {id} has no effect: set effect.max_grade or effect.no_bonus.',
  },
  'events-with-repeated-ids-first': {
    'zh-CN': 'repeated_ids: first 与 events 不能同时使用：events 把每张工单的各行合并为一行（默认取最后一行的值，可按字段改为 first）。请删除 repeated_ids，或删除 events。',
    en: 'repeated_ids: first cannot go with events: events collapses each ticket\'s rows into one (the last row\'s values by default, `first` per field). Remove repeated_ids, or remove events.',
  },
  'events-on-hold-without-at': {
    'zh-CN': 'on_hold_when 需要 at：请在 events 中用 at 指定记录每次更新时间的列（如 at: sys_updated_at），挂起区间按它计时。',
    en: 'on_hold_when needs `at`: name the column that times each update under events (e.g. at: sys_updated_at); on-hold intervals are timed by it.',
  },
  'events-on-hold-mapped': {
    'zh-CN': 'columns 已把 on_hold 映射到一列挂起时长，events 的 on_hold_when 又要从状态变化计算挂起时长：请只保留其中一种。',
    en: 'columns maps on_hold to a column of on-hold time, and events.on_hold_when would compute it again from state changes: keep only one of them.',
  },
  'events-first-when-without-value': {
    'zh-CN': '字段 {field} 的 first_when 缺少 value：请写明取满足条件那一行的哪一列（如 value: sys_updated_at）。',
    en: 'first_when of the field {field} has no `value`: name the column of the row meeting the condition that gives the value (e.g. value: sys_updated_at).',
  },
  'trigger-empty': {
    'zh-CN': '触发条件为空：请设置 grades（等级）或 top（排名前 N）。',
    en: 'The trigger is empty: set `grades` or `top`.',
  },
  'unused-kpi': {
    'zh-CN': '指标 {id} 已定义，但没有任何岗位使用。',
    en: 'KPI {id} is defined but no role uses it.',
  },
  'sla-missing': {
    'zh-CN': '指标 {id} 需要时限 sla（如 sla: {within} ）。',
    en: 'KPI {id} needs a time limit `sla` (e.g. sla: {within}).',
  },
  'role-without-qualitative': {
    'zh-CN': '岗位“{role}”的定性考核占 {share}%，但没有适用的定性项目。',
    en: 'Role "{role}" gives {share}% to qualitative assessment but has no qualitative items.',
  },

  // ── words used inside messages ───────────────────────────────────────────
  'type-string': { 'zh-CN': '文本', en: 'text' },
  'type-number': { 'zh-CN': '数字', en: 'a number' },
  'type-integer': { 'zh-CN': '整数', en: 'a whole number' },
  'type-boolean': { 'zh-CN': '布尔值（true 或 false）', en: 'true or false' },
  'type-array': { 'zh-CN': '列表（每项以 - 开头）', en: 'a list (items starting with -)' },
  'type-object': { 'zh-CN': '键值映射', en: 'a mapping' },
  'type-null': { 'zh-CN': '空值', en: 'empty' },
  'cmp-ge': { 'zh-CN': '不小于', en: 'at least' },
  'cmp-gt': { 'zh-CN': '大于', en: 'above' },
  'cmp-le': { 'zh-CN': '不大于', en: 'at most' },
  'cmp-lt': { 'zh-CN': '小于', en: 'below' },
  'at-root': { 'zh-CN': '文件', en: 'The file ' },
  'in-parent': { 'zh-CN': '{path} ', en: '{path} ' },
  'kind-kpi': { 'zh-CN': '指标', en: 'KPI' },
  'kind-role': { 'zh-CN': '岗位', en: 'role' },
  'kind-item': { 'zh-CN': '定性项目', en: 'qualitative item' },
  'kind-veto': { 'zh-CN': '否决项', en: 'veto' },
  'kind-point-item': { 'zh-CN': '加减分项', en: 'point item' },
  'kind-penalty': { 'zh-CN': '处罚', en: 'penalty' },
  'kind-action': { 'zh-CN': '激励措施', en: 'incentive' },
  'kind-grade': { 'zh-CN': '等级', en: 'grade' },
  'qualitative-raters': { 'zh-CN': '定性考核', en: 'the qualitative assessment' },
  'role-raters': { 'zh-CN': '岗位“{role}”', en: 'role "{role}"' },
  'severity-warning': { 'zh-CN': '警告', en: 'warning' },
  'location-row': { 'zh-CN': '第 {row} 行', en: 'row {row}' },
  'location-row-column': { 'zh-CN': '第 {row} 行“{column}”列', en: 'row {row}, column {column}' },
  // The cycles by name: the policy loader's warnings name them too (deduction-cycle), so they are core.
  'cycle-monthly': { 'zh-CN': '月度', en: 'monthly' },
  'cycle-quarterly': { 'zh-CN': '季度', en: 'quarterly' },
  'cycle-annual': { 'zh-CN': '年度', en: 'annual' },
});
