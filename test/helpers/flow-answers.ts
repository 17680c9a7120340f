// The wizard's answers of the README's walkthrough company (华东家电服务有限公司), as an
// answers file for `aspm init --answers`. The whole flow (full-flow.test.ts) drafts its
// policy from them, and the LibreOffice file (word-in-libreoffice.test.ts) opens the Word
// document of the same policy in the one conversion it makes for all its documents.
export const FLOW_ANSWERS = [
  'language: zh-CN',
  'size: medium',
  'company: 华东家电服务有限公司',
  'department: 客户服务中心',
  'effective_date: 2026-07-01',
  'competition: intense',
  'complaints: frequent',
  'appeal_file_days: 7',
  '',
].join('\n');
