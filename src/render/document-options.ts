// What a Markdown document is turned into Word or HTML with: language, properties,
// fonts, sizes, header and footer. Defaults follow what Chinese company documents use
// (宋体 小四 body, 黑体 headings, 二号 title, 1.5 lines, first lines indented two
// characters) and their usual Western counterparts for English. Pure.
import { t } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';

export interface DocumentOptions {
  readonly language: Language;
  /** Document title (Word core property, HTML <title>). */
  readonly title: string;
  readonly subject?: string;
  /** Author (Word core property `creator`, HTML `author`), e.g. the company. */
  readonly creator?: string;
  /** Company (Word extended property). */
  readonly company?: string;
  readonly description?: string;
  readonly keywords?: string;
  /** The document's date (YYYY-MM-DD): when it was created and last changed, in its properties. */
  readonly date?: string;
  /** Text of the page header from the second page on; none when absent. */
  readonly header?: string;
  /** Page footer with `{page}` and `{pages}`; default 第 {page} 页 共 {pages} 页 / Page {page} of {pages}. */
  readonly footer?: string;
  /** The first page is a cover: no page number on it (it still counts as page 1). */
  readonly cover?: boolean;
  /** Body font: the Chinese font for Chinese documents (宋体), the Western font otherwise. */
  readonly bodyFont?: string;
  readonly headingFont?: string;
  /** Font of Latin letters and digits in Chinese documents. */
  readonly latinFont?: string;
  readonly latinHeadingFont?: string;
  readonly bodySizePt?: number;
  readonly titleSizePt?: number;
  readonly tableSizePt?: number;
  readonly lineSpacing?: number;
  /** Indent the first line of body paragraphs by two characters (Chinese custom). */
  readonly firstLineIndent?: boolean;
  /** Title of the table of contents that `[[toc]]` stands for. */
  readonly tocTitle?: string;
}

export type ResolvedDocumentOptions = Required<Omit<DocumentOptions, 'header' | 'subject' | 'creator' | 'company' | 'description' | 'keywords' | 'date'>> &
  Pick<DocumentOptions, 'header' | 'subject' | 'creator' | 'company' | 'description' | 'keywords' | 'date'>;

/** Fills every option the caller left out with the language's default. */
export function resolveDocumentOptions(options: DocumentOptions): ResolvedDocumentOptions {
  const chinese = options.language === 'zh-CN';
  const bodyFont = options.bodyFont ?? (chinese ? '宋体' : 'Times New Roman');
  const headingFont = options.headingFont ?? (chinese ? '黑体' : 'Arial');
  return {
    ...options,
    footer: options.footer ?? t(options.language, 'doc-page-footer', { page: '{page}', pages: '{pages}' }),
    bodyFont,
    headingFont,
    // In an English document the Western font is the body font itself.
    latinFont: options.latinFont ?? (chinese ? 'Times New Roman' : bodyFont),
    latinHeadingFont: options.latinHeadingFont ?? (chinese ? 'Times New Roman' : headingFont),
    bodySizePt: options.bodySizePt ?? 12,
    titleSizePt: options.titleSizePt ?? 22,
    tableSizePt: options.tableSizePt ?? Math.min(options.bodySizePt ?? 12, 10.5),
    lineSpacing: options.lineSpacing ?? 1.5,
    firstLineIndent: options.firstLineIndent ?? chinese,
    cover: options.cover ?? false,
    tocTitle: options.tocTitle ?? t(options.language, 'doc-toc-title'),
  };
}
