// Messages of `aspm demo`: what it made, and how to do the same with one's own files.
import { defineMessages } from '../translate.js';

export const demoMessages = defineMessages({
  'demo-not-a-folder': {
    'zh-CN': '{path} 是一个文件，不是文件夹。请换一个文件夹名。',
    en: '{path} is a file, not a folder. Choose another folder name.',
  },
  'demo-folder-not-empty': {
    'zh-CN': '文件夹 {path} 不是空的（有 {count} 项），未做任何修改。请换一个文件夹，或加 --force 覆盖其中的同名文件。',
    en: 'The folder {path} is not empty ({count} entries) and was left untouched. Choose another folder, or add --force to replace files of the same name in it.',
  },
  'demo-step-failed': {
    'zh-CN': '示例中的 {step} 失败（退出码 {code}），已删除未完成的示例文件夹。它的输出：\n{output}',
    en: '{step} failed inside the demo (exit {code}); the unfinished demo folder was removed. What it said:\n{output}',
  },
  'demo-done': {
    'zh-CN': '示例已生成在 {dir}/：{staff} 名员工、{tickets} 张工单（2026 年第三季度）。',
    en: 'The demo is in {dir}/: {staff} staff and {tickets} tickets (third quarter of 2026).',
  },
  'demo-made-policy': { 'zh-CN': '  制度文件：{files}', en: '  Policy:   {files}' },
  'demo-made-data': {
    'zh-CN': '  示例数据：{dir}（人员名单、工单导出 GBK CSV 与 XLSX、每月评价与奖惩记录、一份已批准的申诉调整）',
    en: '  Data:     {dir} (roster, ticket export as CSV and XLSX, monthly ratings and event counts, one approved appeal)',
  },
  'demo-made-reports': {
    'zh-CN': '  考核结果：{reports}（{months} 月度与 {quarter} 季度，JSON 与 Excel），{notices}（每人的结果通知书，Word 与 Markdown，及工单明细 CSV）',
    en: '  Results:  {reports} ({months} and {quarter}, JSON and Excel), {notices} (a result notice per person, Word and Markdown, and their ticket list, CSV)',
  },
  'demo-open': {
    'zh-CN': '先打开 {docx} 看制度，再打开 {xlsx} 看九月的考核结果。',
    en: 'Open {docx} to read the policy, then {xlsx} for September’s results.',
  },
  'demo-open-dashboard': {
    'zh-CN': '用浏览器打开 {html}，看 {quarter} 的看板：部门目标、等级分布、团队对比、每人的得分构成（单个文件，无需联网）。',
    en: 'Open {html} in a browser for the dashboard of {quarter}: goals, grades, teams and how each person’s total was built (one file, no network needed).',
  },
  'demo-your-turn': {
    'zh-CN': '用自己的数据做同样的事（在任何文件夹中都可运行；用 npm install -g aspm-cli 安装后，可把 npx aspm-cli 简写为 aspm）：',
    en: 'To do the same with your own files (from any folder; once installed with npm install -g aspm-cli, aspm alone will do):',
  },
  'demo-your-tickets': { 'zh-CN': '工单导出.csv', en: 'tickets.csv' },
  'demo-your-roster': { 'zh-CN': '人员名单.xlsx', en: 'roster.xlsx' },
  'demo-your-ratings': { 'zh-CN': '评价.csv', en: 'ratings.csv' },
  // The demo's sample adjustments file: the approved appeal and the comment above it.
  'demo-appeal-reason': {
    'zh-CN': '客户来电时要求改到次日上午回电，响应延误非本人原因（有通话录音为证）',
    en: 'The customer asked to be called back the next morning; the late response was not the agent’s doing (call recording on file)',
  },
  'demo-appeal-approver': { 'zh-CN': '绩效申诉小组', en: 'Appeals panel' },
  'demo-answers-header': {
    'zh-CN': '示例制度的向导答案（aspm init --answers）：未列出的问题取预设的建议。制度自 {date} 起施行，示例考核的第三季度在其生效后，因此是正式考核，不是试算。',
    en: 'The demo policy\'s answers to the wizard (aspm init --answers); questions not listed take the preset\'s suggestion. The policy applies from {date}, so the demo\'s third quarter is a real assessment, not a trial run.',
  },
  'demo-adjustments-header': {
    'zh-CN': '经批准的绩效申诉处理决定：aspm evaluate --adjustments 在计分前应用。',
    en: 'Approved appeal decisions, applied before scoring by aspm evaluate --adjustments.',
  },
});
