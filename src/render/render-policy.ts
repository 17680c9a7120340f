// The policy document: Policy → view → Markdown (through the templates of its language),
// and the document options (title, fonts, sizes, header and footer) its Word and HTML
// versions are made with. Pure; the templates are read by the caller (readTemplateSet).
import { t } from '../i18n/catalogue.js';
import type { Policy } from '../policy/policy.generated.js';
import type { DocumentOptions } from './document-options.js';
import { buildPolicyView } from './policy-view.js';
import { renderTemplate, type TemplateSet } from './templates.js';

/** The name of the policy document's main template in templates/<language>/. */
export const POLICY_TEMPLATE = 'policy';

export function renderPolicyMarkdown(policy: Policy, templates: TemplateSet): string {
  return renderTemplate(templates, POLICY_TEMPLATE, buildPolicyView(policy));
}

/** How the policy's Word and HTML versions look and what their properties say. */
export function policyDocumentOptions(policy: Policy): DocumentOptions {
  const { meta, document } = policy;
  const language = meta.language;
  const title = t(language, 'doc-full-title', { company: meta.company, title: meta.title });
  return {
    language,
    title,
    subject: meta.title,
    creator: meta.company,
    company: meta.company,
    description: [meta.document_no, meta.revision].filter(Boolean).join(' '),
    date: meta.effective_date,
    header: title,
    cover: true,
    ...(document.body_font ? { bodyFont: document.body_font } : {}),
    ...(document.heading_font ? { headingFont: document.heading_font } : {}),
    bodySizePt: document.body_size_pt,
    titleSizePt: document.title_size_pt,
    lineSpacing: document.line_spacing,
  };
}
