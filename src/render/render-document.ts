// One rendered Markdown document in the format a file asks for: Markdown (with the table
// of contents written out, without what only pages need), standalone HTML, or Word. Pure
// apart from docx's packing.
import { resolveDocumentOptions, type DocumentOptions } from './document-options.js';
import { dropContinuations } from './markdown-continuations.js';
import { expandTableOfContents } from './markdown-toc.js';
import { markdownToDocx } from './markdown-to-docx.js';
import { markdownToHtml } from './markdown-to-html.js';

export const DOCUMENT_FORMATS = ['docx', 'md', 'html'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

const EXTENSIONS: Record<string, DocumentFormat> = {
  '.docx': 'docx',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
};

/** The format a file name asks for by its extension, if it names one. */
export function formatOfPath(path: string): DocumentFormat | undefined {
  const match = /\.[^./\\]+$/.exec(path.toLowerCase());
  return match ? EXTENSIONS[match[0]] : undefined;
}

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
