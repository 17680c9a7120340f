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
import { markdownToDocx } from '../render/markdown-to-docx.js';
import { policyDocumentOptions } from '../render/render-policy.js';
import { renderTemplate, type TemplateSet } from '../render/templates.js';
import { buildNoticeView, type NoticeView } from './notice-view.js';
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

/** The policy's fonts and sizes, with the notice's own title and header. */
export function noticeDocumentOptions(policy: Policy, view: NoticeView): DocumentOptions {
  const language = policy.meta.language;
  const title = t(language, 'notice-title');
  return {
    ...policyDocumentOptions(policy),
    title: `${title} ${view.person.id} ${view.person.name}`.trim(),
    subject: `${title} ${view.period}${view.trial ? ` ${view.trial.mark}` : ''}`,
    // On every page of a trial run's notice, not only above its first line.
    header: t(language, 'notice-header', { company: policy.meta.company }) + (view.trial ? ` · ${view.trial.mark}` : ''),
    description: view.period,
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

/**
 * `DIR/<id-name>.md` and `.docx` for every person of the report; with `lists`, also
 * `DIR/<id-name>.tickets.csv`, the tickets that counted for the person, which the notice
 * then names.
 */
export async function buildNotices(report: ScoredReport, policy: Policy, templates: TemplateSet, dir: string, lists?: TicketLists): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  const used = new Set<string>();
  for (const [index, person] of report.staff.entries()) {
    let base = noticeFileName(person);
    for (let n = 2; used.has(base.toLowerCase()); n++) base = `${noticeFileName(person)}-${n}`;
    used.add(base.toLowerCase());
    const list = lists ? renderTicketList(person, lists.detailsOf(index), lists.plan, policy, policy.meta.language) : undefined;
    const listFile = `${base}.tickets.csv`;
    const view = { ...buildNoticeView(report, person, policy), ticketList: list === undefined ? null : t(policy.meta.language, 'notice-ticket-list', { file: listFile }) };
    const markdown = renderNoticeMarkdown(view, templates);
    files.push({ path: join(dir, `${base}.md`), data: markdown });
    files.push({ path: join(dir, `${base}.docx`), data: await markdownToDocx(markdown, noticeDocumentOptions(policy, view)) });
    if (list !== undefined) files.push({ path: join(dir, listFile), data: list });
  }
  return files;
}
