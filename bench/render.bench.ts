// Rendering the large preset to Word: policy → Markdown → .docx, in process. The first run
// includes loading and compiling the code paths (what one `aspm render` pays); the later
// runs are the steady state. Target: well under a second.
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { readPolicy } from '../src/policy/load-policy.js';
import { markdownToDocx } from '../src/render/markdown-to-docx.js';
import { markdownToHtml } from '../src/render/markdown-to-html.js';
import { policyDocumentOptions, renderPolicyMarkdown } from '../src/render/render-policy.js';
import { readTemplateSet } from '../src/render/templates.js';

const RUNS = 10;

async function bench(name: string): Promise<void> {
  const loaded = await readPolicy(join(import.meta.dirname, '..', 'presets', `${name}.yaml`));
  if (!loaded.ok) throw new Error(`${name} does not load`);
  const policy = loaded.value;
  const templates = await readTemplateSet(policy.meta.language);
  const options = policyDocumentOptions(policy);
  const times: number[] = [];
  let size = 0;
  let markdownMs = 0;
  for (let run = 0; run <= RUNS; run++) {
    const start = performance.now();
    const markdown = renderPolicyMarkdown(policy, templates);
    markdownMs = performance.now() - start;
    const docx = await markdownToDocx(markdown, options);
    times.push(performance.now() - start);
    size = docx.byteLength;
  }
  const [first, ...rest] = times;
  rest.sort((a, b) => a - b);
  const median = rest[Math.floor(rest.length / 2)] ?? 0;
  const htmlStart = performance.now();
  markdownToHtml(renderPolicyMarkdown(policy, templates), options);
  const html = performance.now() - htmlStart;
  const f = (ms: number) => `${ms.toFixed(0)} ms`;
  process.stdout.write(
    `${name}: policy → .docx first run ${f(first ?? 0)}, then median ${f(median)} (min ${f(rest[0] ?? 0)}, max ${f(rest[rest.length - 1] ?? 0)}) over ${RUNS} runs; ` +
      `Markdown alone ${f(markdownMs)}; HTML ${f(html)}; .docx ${(size / 1024).toFixed(0)} KiB\n`,
  );
}

const cpu = cpus();
process.stdout.write(`machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
for (const name of ['large.zh-CN', 'large.en']) await bench(name);
