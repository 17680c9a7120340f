// The relative links of a Markdown document, and which of them lead nowhere: a file that does
// not exist, or a #fragment that no heading of the target produces. Headings become fragments
// as GitHub makes them, since that is where the documents are read.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export interface MarkdownLink {
  /** The document the link is in, relative to the root. */
  readonly from: string;
  readonly target: string;
}

/** Text outside fenced code blocks and inline code spans, where links are links. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's fragment for a heading: its text in lower case, punctuation and symbols dropped, each space a hyphen. */
export function headingFragment(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The fragments a document's headings produce, with GitHub's -1, -2 … for repeats. */
export function headingFragments(markdown: string): Set<string> {
  const withoutCode = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  const seen = new Map<string, number>();
  const fragments = new Set<string>();
  for (const match of withoutCode.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const base = headingFragment(match[1]!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    fragments.add(count === 0 ? base : `${base}-${count}`);
  }
  return fragments;
}

/** Every link of a document that is not to another site: Markdown links and images, HTML src and href. */
export function relativeLinks(from: string, markdown: string): MarkdownLink[] {
  const text = prose(markdown);
  const targets = [
    ...[...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!),
    ...[...text.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!),
  ];
  return targets.filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target)).map((target) => ({ from, target }));
}

/** The links among `links` that lead nowhere, each as `from → target: why`. */
export function brokenLinks(root: string, links: readonly MarkdownLink[]): string[] {
  const broken: string[] = [];
  for (const { from, target } of links) {
    const hash = target.indexOf('#');
    const pathPart = decodeURIComponent(hash === -1 ? target : target.slice(0, hash));
    const fragment = hash === -1 ? null : decodeURIComponent(target.slice(hash + 1));
    const file = pathPart === '' ? join(root, from) : join(root, dirname(from), pathPart);
    if (relative(root, file).startsWith('..')) {
      broken.push(`${from} → ${target}: outside the repository`);
      continue;
    }
    if (!existsSync(file)) {
      broken.push(`${from} → ${target}: no such file`);
      continue;
    }
    if (fragment === null) continue;
    if (!file.endsWith('.md') || !statSync(file).isFile()) {
      broken.push(`${from} → ${target}: a fragment on something that is not a Markdown file`);
      continue;
    }
    if (!headingFragments(readFileSync(file, 'utf8')).has(fragment)) broken.push(`${from} → ${target}: no heading makes #${fragment}`);
  }
  return broken;
}
