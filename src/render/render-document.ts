// One rendered Markdown document in the format a file asks for: Markdown (with the table
// of contents written out, without what only pages need), standalone HTML, or Word. Pure.
import { resolveDocumentOptions, type DocumentOptions } from './document-options.js';
import { dropContinuations } from './markdown-continuations.js';
import { expandTableOfContents } from './markdown-toc.js';
import { markdownToDocx } from './markdown-to-docx.js';
import { markdownToHtml } from './markdown-to-html.js';
import type { DocumentFormat } from './document-formats.js';

export { DOCUMENT_FORMATS, formatOfPath, type DocumentFormat } from './document-formats.js';

export async function renderDocument(markdown: string, format: DocumentFormat, options: DocumentOptions): Promise<string | Uint8Array> {
  switch (format) {
    case 'md':
      return expandTableOfContents(dropContinuations(markdown), resolveDocumentOptions(options).tocTitle);
    case 'html':
      return markdownToHtml(markdown, options);
    case 'docx':
      return markdownToDocx(markdown, options);
  }
}
