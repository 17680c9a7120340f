// Benchmark of rendering the large presets to Word: policy → view → Handlebars Markdown →
// markdown-it → WordprocessingML → zip, in process (the built library), and of the whole `aspm render`
// command in a child process. The first in-process run includes compiling the templates and
// warming up the code; the median is over the runs after it. Target: well under a second.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// Internal modules, not the library entry: the catalogue's parts of what commands do are added by hand.
import '../dist/i18n/all-messages.js';
import { readPolicy } from '../dist/policy/load-policy.js';
import { markdownToDocx } from '../dist/render/markdown-to-docx.js';
import { markdownToHtml } from '../dist/render/markdown-to-html.js';
import { policyDocumentOptions, renderPolicyMarkdown } from '../dist/render/render-policy.js';
import { readTemplateSet } from '../dist/render/templates.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 10;
const ms = (value) => `${value.toFixed(0)} ms`;

async function inProcess(name) {
  const loaded = await readPolicy(join(root, 'presets', `${name}.yaml`));
  if (!loaded.ok) throw new Error(`${name} does not load`);
  const policy = loaded.value;
  const templates = await readTemplateSet(policy.meta.language);
  const options = policyDocumentOptions(policy);
  const times = [];
  let markdownTime = 0;
  let size = 0;
  for (let run = 0; run <= RUNS; run++) {
    const start = performance.now();
    const markdown = renderPolicyMarkdown(policy, templates);
    markdownTime = performance.now() - start;
    size = (await markdownToDocx(markdown, options)).byteLength;
    times.push(performance.now() - start);
  }
  const [first, ...rest] = times;
  rest.sort((a, b) => a - b);
  const htmlStart = performance.now();
  markdownToHtml(renderPolicyMarkdown(policy, templates), options);
  const html = performance.now() - htmlStart;
  console.log(
    `${name}: policy → .docx first run ${ms(first)}, then median ${ms(rest[Math.floor(rest.length / 2)])} ` +
      `(min ${ms(rest[0])}, max ${ms(rest[rest.length - 1])}) over ${RUNS} runs; Markdown alone ${ms(markdownTime)}; HTML ${ms(html)}; .docx ${(size / 1024).toFixed(0)} KiB`,
  );
}

function command(name) {
  const dir = mkdtempSync(join(tmpdir(), 'aspm-bench-render-'));
  try {
    const start = performance.now();
    const run = spawnSync(process.execPath, [join(root, 'bench', 'measure-cli.mjs'), 'render', join(root, 'presets', `${name}.yaml`), '-o', join(dir, 'policy.docx')], { encoding: 'utf8' });
    const wall = performance.now() - start;
    if (run.status !== 0) throw new Error(run.stderr);
    const rss = Number(/maxrss-kb (\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024;
    console.log(`${name}: aspm render -o policy.docx (whole command, from spawn to exit) ${ms(wall)}, peak RSS ${rss.toFixed(0)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run() {
  const cpu = cpus();
  console.log(`machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  for (const name of ['large.zh-CN', 'large.en']) await inProcess(name);
  for (const name of ['large.zh-CN', 'large.en']) command(name);
}
