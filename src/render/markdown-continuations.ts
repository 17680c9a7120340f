// For the .md output: a form's `[[continued]]` … `[[/continued]]` (its heading on a next
// page, which only the Word document has) is left out, so the file reads as one form. Pure.
import { CONTINUED_CLOSE, CONTINUED_OPEN, fenceTracker } from './markdown-document.js';

export function dropContinuations(markdown: string): string {
  const inFence = fenceTracker();
  let inside = false;
  let after = false;
  const kept: string[] = [];
  for (const line of markdown.split('\n')) {
    const mark = !inFence(line) && /^ {0,3}\S/.test(line) ? line.trim().toLowerCase() : '';
    if (mark === CONTINUED_OPEN) inside = true;
    else if (mark === CONTINUED_CLOSE) [inside, after] = [false, true];
    // The blank line after what is left out goes with it, so one blank line stays between blocks.
    else if (!inside && !(after && line.trim() === '')) kept.push(line);
    if (mark !== CONTINUED_CLOSE) after = false;
  }
  return kept.join('\n');
}
