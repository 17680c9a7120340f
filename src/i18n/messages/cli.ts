// Messages of the command line itself: help texts, usage errors, outcomes of commands.
import { defineMessages, plural, type Params } from '../translate.js';

export const cliMessages = defineMessages({
  'cli-description': {
    'zh-CN': 'aspm — 售后服务部门绩效管理工具：起草绩效管理制度、发布为 Word 文档、按制度考核员工。',
    en: 'aspm — after-sales performance management: draft a performance policy, publish it as a Word document, and score staff against it.',
  },
  'cli-usage-title': { 'zh-CN': '用法：', en: 'Usage:' },
  'cli-options-title': { 'zh-CN': '选项：', en: 'Options:' },
  'cli-commands-title': { 'zh-CN': '命令：', en: 'Commands:' },
  'cli-arguments-title': { 'zh-CN': '参数：', en: 'Arguments:' },
  'cli-global-options-title': { 'zh-CN': '全局选项：', en: 'Global Options:' },
  // The notes after a description in --help: `（取值：small、medium、large；默认：medium）`.
  'help-notes': { 'zh-CN': '（{notes}）', en: ' ({notes})' },
  'help-notes-separator': { 'zh-CN': '；', en: '; ' },
  'help-list-separator': { 'zh-CN': '、', en: ', ' },
  'help-choices': { 'zh-CN': '取值：{values}', en: 'choices: {values}' },
  'help-default': { 'zh-CN': '默认：{value}', en: 'default: {value}' },
  // The words in usage lines and option terms: `aspm init [选项]`, `-o, --output <文件>`.
  'help-word-options': { 'zh-CN': '选项', en: 'options' },
  'help-word-command': { 'zh-CN': '命令', en: 'command' },
  'help-word-file': { 'zh-CN': '文件', en: 'file' },
  'help-word-files': { 'zh-CN': '文件', en: 'files' },
  'help-word-dir': { 'zh-CN': '文件夹', en: 'dir' },
  'help-word-policy': { 'zh-CN': '制度文件', en: 'policy' },
  'help-word-size': { 'zh-CN': '规模', en: 'size' },
  'help-word-language': { 'zh-CN': '语言', en: 'language' },
  'help-word-period': { 'zh-CN': '考核期', en: 'period' },
  'help-word-date': { 'zh-CN': '日期', en: 'date' },
  'help-word-format': { 'zh-CN': '格式', en: 'format' },
  'help-word-encoding': { 'zh-CN': '编码', en: 'encoding' },
  'help-word-name': { 'zh-CN': '名称', en: 'name' },
  'opt-help': { 'zh-CN': '显示帮助', en: 'show help' },
  'opt-version': { 'zh-CN': '显示版本号', en: 'show the version' },
  'opt-lang': { 'zh-CN': '提示与消息的语言：zh-CN 或 en（默认按 LANG 环境变量）', en: 'language of prompts and messages: zh-CN or en (default from LANG)' },
  'opt-output': { 'zh-CN': '输出文件路径', en: 'output file' },
  'opt-force': { 'zh-CN': '覆盖已存在的输出文件', en: 'overwrite an existing output file' },
  'cmd-help': { 'zh-CN': '显示某个命令的帮助', en: 'show help for a command' },
  'cmd-validate': {
    'zh-CN': '检查制度文件：YAML 语法、字段格式、权重合计、等级分数段与引用关系',
    en: 'check policy files: YAML syntax, fields, weight totals, grade bands and references',
  },
  'arg-policy-files': { 'zh-CN': '要检查的制度文件（YAML）', en: 'policy files (YAML) to check' },
  'cmd-schema': {
    'zh-CN': '输出 JSON Schema：默认为制度文件的（供编辑器补全与校验），另有向导答案、申诉调整和考核报告的',
    en: 'print a JSON Schema: the policy file\'s by default (for editor completion and checks), or that of the answers, the adjustments or report.json',
  },
  'opt-json-diagnostics': { 'zh-CN': '以 JSON 输出检查结果（供编辑器或脚本使用）', en: 'print the findings as JSON (for editors and scripts)' },
  'arg-schema-name': { 'zh-CN': '哪个文件的 Schema：policy（制度）、answers（向导答案）、adjustments（申诉调整）、report（考核报告 report.json）', en: 'which schema: policy, answers (wizard answers), adjustments (appeal decisions) or report (report.json)' },
  'validate-ok': {
    'zh-CN': (p: Params<'file' | 'kpis' | 'roles'>) => `${String(p.file)}：有效（${String(p.roles)} 个岗位，${String(p.kpis)} 项指标）`,
    en: (p: Params<'file' | 'kpis' | 'roles'>) => `${String(p.file)}: valid (${plural(p.roles, 'role')}, ${plural(p.kpis, 'KPI')})`,
  },
  'validate-failed': {
    'zh-CN': '{file}：{errors} 个错误，{warnings} 个警告',
    en: '{file}: {errors} error(s), {warnings} warning(s)',
  },
  'schema-written': { 'zh-CN': '已写入 {path}', en: 'Wrote {path}' },

  // ── usage errors (exit 2) ───────────────────────────────────────────────
  'usage-unknown-option': {
    'zh-CN': '不认识的选项 {option}。运行 aspm {command} --help 查看可用选项。',
    en: 'Unknown option {option}. Run `aspm {command} --help` for the options.',
  },
  'usage-unknown-command': {
    'zh-CN': '不认识的命令 {name}。可用命令：{commands}。',
    en: 'Unknown command {name}. Commands: {commands}.',
  },
  'usage-missing-argument': {
    'zh-CN': '缺少参数 {argument}。运行 aspm {command} --help 查看用法。',
    en: 'Missing the argument {argument}. Run `aspm {command} --help` for the usage.',
  },
  'usage-missing-option-value': {
    'zh-CN': '选项 {option} 需要一个值。',
    en: 'The option {option} needs a value.',
  },
  'usage-missing-mandatory-option': {
    'zh-CN': '缺少必需的选项 {option}。运行 aspm {command} --help 查看用法。',
    en: 'The option {option} is required. Run `aspm {command} --help` for the usage.',
  },
  'usage-excess-arguments': {
    'zh-CN': '多余的参数：{arguments}。运行 aspm {command} --help 查看用法。',
    en: 'Unexpected arguments: {arguments}. Run `aspm {command} --help` for the usage.',
  },
  'usage-invalid-choice': {
    'zh-CN': '选项 {option} 的值 {value} 无效。可选：{allowed}。',
    en: 'Invalid value {value} for {option}. Choose one of: {allowed}.',
  },
  'option-repeated': {
    'zh-CN': '选项 {option} 给了两次（{first} 和 {second}），只能给一次。要合并多个导出文件，请先把它们合成一个文件。',
    en: 'The option {option} is given twice ({first} and {second}); give it once. To use several exports, combine them into one file first.',
  },
  'usage-other': { 'zh-CN': '用法错误：{detail}', en: 'Usage error: {detail}' },

  // ── writing output ───────────────────────────────────────────────────────
  'output-exists': {
    'zh-CN': '{path} 已存在，未做任何修改。如要覆盖，请加 --force；或用 -o 指定其他路径。',
    en: '{path} already exists and was left untouched. Add --force to overwrite it, or choose another path with -o.',
  },
  'schema-beside-differs': {
    'zh-CN': '{path} 已存在，但与本版 aspm 的文件格式（aspm schema {name}）不同，未做任何修改。如要换成本版的格式文件，请加 --force；或用 -o 把文件写到其他文件夹。',
    en: '{path} already exists and differs from this aspm’s schema (aspm schema {name}); nothing was changed. Add --force to replace it with this version’s schema, or write into another folder with -o.',
  },
  'schema-beside-written': {
    'zh-CN': '格式文件 {path} 已写在旁边：VS Code（装有 YAML 扩展）等编辑器据此补全并检查，两个文件请一起移动。',
    en: 'Wrote {path} beside it: editors such as VS Code (with the YAML extension) use it to complete and check the file; move the two together.',
  },
  'render-duplicate-output': {
    'zh-CN': '输出文件 {path} 写了两次。每个 -o 请给不同的文件。',
    en: 'The output {path} is given twice. Give each -o a different file.',
  },
  'templates-without-notices': {
    'zh-CN': '--templates 只用于结果通知书，须与 --notices 一起使用。',
    en: '--templates only applies to the result notices; use it together with --notices.',
  },
  'sheet-without-workbook': {
    'zh-CN': '--sheet 只用于 Excel 工作簿（.xlsx），而 {path} 不是。请去掉 --sheet。',
    en: '--sheet only applies to an Excel workbook (.xlsx), and {path} is not one. Leave --sheet out.',
  },
  'output-names-folder': {
    'zh-CN': '输出 {path} 指的是文件夹，而这里需要文件名。请给出文件路径，如 reports/report.json。',
    en: 'The output {path} names a folder, where a file name is needed. Give the path of a file, such as reports/report.json.',
  },
  'output-path-too-long': {
    'zh-CN': '输出路径 {path} 过长：文件系统不接受超过 {limit} 字节的文件名或过长的路径。请用更短的名称。',
    en: 'The output path {path} is too long: file systems do not accept a name over {limit} bytes or so long a path. Choose a shorter name.',
  },
  'output-busy': {
    'zh-CN': '另一个 aspm 正在写入 {path}，本次未写入任何文件。请等它结束后再试，或用 -o 指定其他路径。',
    en: 'Another aspm run is writing {path}; this run wrote nothing. Try again when it has finished, or choose another path with -o.',
  },
  'stale-temporaries-removed': {
    'zh-CN': '已删除 {count} 个此前被中断的运行留下的临时文件（{paths}）。',
    en: 'Removed {count} temporary file(s) left by an earlier run that was interrupted ({paths}).',
  },
  'output-is-input': {
    'zh-CN': '{path} 是本次命令读取的输入文件，不能同时作为输出（即使加 --force）。请用 -o 指定另一个路径。',
    en: '{path} is one of the files this command reads; it cannot also be an output, even with --force. Choose another path with -o.',
  },
  'output-is-directory': {
    'zh-CN': '{path} 是文件夹，不能作为输出文件。',
    en: '{path} is a folder and cannot be an output file.',
  },
  'output-dir-missing': {
    'zh-CN': '输出文件夹 {path} 不存在。请先创建它。',
    en: 'The output folder {path} does not exist. Create it first.',
  },
  'write-failed': {
    'zh-CN': '无法写入 {path}（{reason}）。',
    en: 'Cannot write {path} ({reason}).',
  },
  'interrupted': {
    'zh-CN': '已取消，未写入任何文件。',
    en: 'Cancelled; nothing was written.',
  },
  'internal-error': {
    'zh-CN': 'aspm 内部错误：{detail}\n这是程序缺陷，不是您的操作问题。请把所用命令、输入文件和以上信息报告给维护者（设置 ASPM_DEBUG=1 可看到详细堆栈）。',
    en: 'aspm internal error: {detail}\nThis is a bug in aspm, not something you did. Please report the command, the input files and this message to the maintainers (set ASPM_DEBUG=1 for the stack trace).',
  },

  // ── aspm init: its help, read before the command runs ──
  'cmd-init': {
    'zh-CN': '用向导起草绩效管理制度（制度文件 YAML）：按企业规模、岗位和现状回答问题',
    en: 'draft a performance policy (YAML) with a wizard: answer questions about size, roles and situation',
  },
  'opt-init-output': { 'zh-CN': '写入的制度文件', en: 'policy file to write' },
  'opt-preset': {
    'zh-CN': '企业规模预设：small（小型）、medium（中型）、large（大型）',
    en: 'size preset: small, medium or large',
  },
  'opt-yes': { 'zh-CN': '不提问，未回答的项全部采用预设值', en: 'ask nothing; every unanswered question takes the preset value' },
  'opt-answers': {
    'zh-CN': '从 YAML 文件读取答案（格式见 aspm schema answers）；缺少的项按预设值，或在终端中提问',
    en: 'read answers from a YAML file (see `aspm schema answers`); missing ones take the preset value or are asked on a terminal',
  },

  // ── aspm evaluate and dashboard: its help, read before the command runs ──
  'opt-adjustments': { 'zh-CN': '经批准的申诉调整文件（YAML）：剔除工单、更正指标值或评分', en: 'approved appeal adjustments (YAML): leave out a ticket, correct a KPI value or a rating' },
  'opt-history': { 'zh-CN': '历史报告目录（以往各期的 report.json），用于连续周期规则和申诉重算', en: 'folder of earlier reports (report.json of past periods), for rules over consecutive cycles and appeal re-runs' },
  'opt-date': { 'zh-CN': '结果公布日期 YYYY-MM-DD（默认今天），申诉期限从此日起算', en: 'date the results are published, YYYY-MM-DD (default today); the appeal window starts here' },
  'opt-xlsx': { 'zh-CN': '同时写出 Excel 报告（省略文件名时与 -o 同名，扩展名 .xlsx）', en: 'also write the Excel report (without a name: the -o name with .xlsx)' },
  'opt-notices': { 'zh-CN': '为每人写出绩效考核结果通知书（Markdown 和 Word）及工单明细（CSV）到此目录', en: 'write each person\'s performance result notice (Markdown and Word) and ticket list (CSV) into this folder' },
  'opt-notice-templates': { 'zh-CN': '通知书模板目录（替换内置的同名模板，同 aspm render --templates）', en: 'folder of notice templates that replace the built-in ones of the same name (as aspm render --templates)' },
  'cmd-dashboard': {
    'zh-CN': '用一个文件夹中已发布的各期考核报告（report.json）生成一页 HTML 看板：部门目标与趋势、等级分布、团队对比、每人的指标与得分构成、数据质量',
    en: 'make a one-file HTML dashboard from the published reports (report.json) in a folder: the department against its goals over time, grades, teams side by side, each person\'s KPIs and how their total was built, data quality',
  },
  'arg-reports-dir': { 'zh-CN': '存放各期 report.json 的文件夹（与 --history 读取的相同）', en: 'folder of the report.json files of the periods (the same that --history reads)' },
  'opt-dashboard-output': { 'zh-CN': '看板文件（.html）', en: 'the dashboard file (.html)' },
  'opt-html': { 'zh-CN': '同时写出 HTML 看板（省略文件名时与 -o 同名，扩展名 .html）；有 --history 时包含以往各期', en: 'also write the HTML dashboard (without a name: the -o name with .html); with --history it shows the earlier periods too' },
  'opt-dashboard-policy': {
    'zh-CN': '制度文件：只显示该制度的报告，部门绩效目标以该文件为准（省略时取报告中记录的目标）',
    en: "the policy file: only that policy's reports, with the department goals as the file has them (without it, the goals the reports carry)",
  },

  // ── aspm render: its help, read before the command runs ──
  'cmd-render': {
    'zh-CN': '把制度文件（YAML）发布为 Word（.docx）、Markdown（.md）或 HTML（.html）文档',
    en: 'publish a policy file as a Word (.docx), Markdown (.md) or HTML (.html) document',
  },
  'arg-policy-file': { 'zh-CN': '制度文件（YAML）', en: 'the policy file (YAML)' },
  'opt-render-output': {
    'zh-CN': '输出文件，扩展名决定格式（.docx、.md、.html）；可多次给出',
    en: 'output file; its extension picks the format (.docx, .md, .html); may be repeated',
  },
  'opt-render-format': {
    'zh-CN': '输出格式（不按扩展名判断时使用）',
    en: 'output format, instead of the one the extension names',
  },
  'opt-templates': {
    'zh-CN': '模板文件夹：其中的 .md.hbs 文件覆盖同名的内置模板（可按语言分 zh-CN/、en/ 子文件夹）',
    en: 'template folder: its .md.hbs files override built-in templates of the same name (optionally in zh-CN/ and en/ subfolders)',
  },
  'opt-force-outputs': { 'zh-CN': '覆盖已存在的输出文件', en: 'overwrite existing output files' },

  // ── aspm evaluate: its help, read before the command runs ──
  'cmd-evaluate': {
    'zh-CN': '按制度考核每位员工：导入工单、人员名单、评价与人员指标表，计算指标、得分、等级、奖金与申诉期限，写出 JSON 和 Excel 报告',
    en: 'assess every person as the policy says: import ticket exports, the roster, ratings and metrics; compute KPIs, scores, grades, bonuses and appeal deadlines; write the JSON and Excel reports',
  },
  'arg-policy': { 'zh-CN': '制度文件（YAML）', en: 'policy file (YAML)' },
  'opt-tickets': { 'zh-CN': '工单导出文件（CSV、XLSX、JSON 或 JSON Lines）', en: 'ticket export (CSV, XLSX, JSON or JSON Lines)' },
  'opt-roster': { 'zh-CN': '人员名单（工号、姓名、岗位、班组、绩效奖金基数）', en: 'staff roster (id, name, role, team, bonus base)' },
  'opt-ratings': { 'zh-CN': '定性评价表（被评价人、评价人类型、项目、评分）', en: 'ratings (staff, rater type, item, score)' },
  'opt-metrics': { 'zh-CN': '人员指标表（每人一行，自定义指标与事件次数）', en: 'per-person metrics (one row each: custom KPIs and event counts)' },
  'opt-period': { 'zh-CN': '考核期：2026-10、2026-Q4、2026 或 2026-10-01..2026-10-15', en: 'period: 2026-10, 2026-Q4, 2026 or 2026-10-01..2026-10-15' },
  'opt-report': { 'zh-CN': '报告文件（JSON）', en: 'report file (JSON)' },
  'opt-sheet': { 'zh-CN': '工单 XLSX 中要读取的工作表（默认第一个）', en: 'sheet of the tickets XLSX to read (default the first)' },
  'opt-encoding': { 'zh-CN': '工单文本文件的编码（如 gbk、utf-8），默认自动识别', en: 'encoding of the tickets text file (e.g. gbk, utf-8); detected by default' },
  'opt-strict': { 'zh-CN': '把数据警告当作错误：有任何警告即不输出报告', en: 'treat data warnings as errors: write no report if there is any' },

  // ── aspm demo: its help, read before the command runs ──
  'cmd-demo': {
    'zh-CN': '用内置示例数据完整走一遍：生成制度（YAML、Word、Markdown、HTML）、一个季度的示例数据、月度与季度考核结果和每人的结果通知书',
    en: 'run the whole job on built-in sample data: a policy (YAML, Word, Markdown, HTML), a quarter of sample exports, monthly and quarterly results, and a notice per person',
  },
  'arg-demo-dir': { 'zh-CN': '输出文件夹（须为空或不存在）', en: 'folder to write into (empty or new)' },
  'opt-demo-force': {
    'zh-CN': '文件夹非空时仍写入（覆盖同名文件）',
    en: 'write into a folder that is not empty (replacing files of the same name)',
  },
});
