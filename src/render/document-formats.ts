// The formats a policy or notice can be published in, and which one a file name asks for.
// Kept apart from the renderers so that the command line can declare `--format` and check
// output names without loading markdown-it and docx.
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
