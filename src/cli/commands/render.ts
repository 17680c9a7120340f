// `aspm render POLICY -o OUT [-o OUT2 …]`: publish a policy as Word, Markdown or HTML. The
// policy is checked exactly as `aspm validate` checks it; every output is checked before
// anything is rendered, and all of them are written, or none.
import { terminalSafe } from '../../text/terminal-safe.js';
import { resolve } from 'node:path';
import { Option } from 'commander';
import { AspmError, usageError } from '../../errors.js';
import { t } from '../../i18n/catalogue.js';
import { formatDiagnostic } from '../../i18n/format-diagnostic.js';
import { checkTargets, writeOutputs } from '../../io/write-output.js';
import { readPolicy } from '../../policy/load-policy.js';
import { DOCUMENT_FORMATS, formatOfPath, renderDocument, type DocumentFormat } from '../../render/render-document.js';
import { policyDocumentOptions, renderPolicyMarkdown } from '../../render/render-policy.js';
import { readTemplateSet } from '../../render/templates.js';
import type { CommandDefinition } from './command.js';

interface RenderOptions {
  readonly output?: string[];
  readonly format?: DocumentFormat;
  readonly templates?: string;
  readonly force?: boolean;
}

export const renderCommand: CommandDefinition = {
  name: 'render',
  register(command, { io, language }) {
    command
      .description(t(language, 'cmd-render'))
      .argument('<policy>', t(language, 'arg-policy-file'))
      .option('-o, --output <file>', t(language, 'opt-render-output'), (value: string, previous: string[] | undefined) => [...(previous ?? []), value])
      .addOption(new Option('--format <format>', t(language, 'opt-render-format')).choices(DOCUMENT_FORMATS))
      .option('--templates <dir>', t(language, 'opt-templates'))
      .option('--force', t(language, 'opt-force-outputs'))
      .action(async (file: string, options: RenderOptions) => {
        const outputs = options.output ?? [];
        if (outputs.length === 0) throw usageError('render-no-output');
        const targets = outputs.map((path) => {
          const format = options.format ?? formatOfPath(path);
          if (!format) throw usageError('render-unknown-format', { path });
          return { path, format };
        });
        const force = options.force ?? false;
        const seen = new Set<string>();
        for (const target of targets) {
          if (seen.has(resolve(target.path))) throw usageError('render-duplicate-output', { path: target.path });
          seen.add(resolve(target.path));
        }
        await checkTargets(
          targets.map((target) => target.path),
          { force, inputs: [file] },
        );

        const loaded = await readPolicy(file);
        if (!loaded.ok) {
          const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
          throw new AspmError('render-policy-invalid', { file, errors }, { diagnostics: loaded.diagnostics });
        }
        for (const warning of loaded.diagnostics) io.stderr.write(formatDiagnostic(warning, language) + '\n');

        const policy = loaded.value;
        const templates = await readTemplateSet(policy.meta.language, options.templates);
        const markdown = renderPolicyMarkdown(policy, templates);
        const documentOptions = policyDocumentOptions(policy);
        const files = [];
        for (const target of targets) files.push({ path: target.path, data: await renderDocument(markdown, target.format, documentOptions) });
        const written = await writeOutputs(files, { force, inputs: [file] });
        if (written.staleRemoved.length > 0) io.stderr.write(terminalSafe(t(language, 'stale-temporaries-removed', { count: written.staleRemoved.length, paths: written.staleRemoved.join(', ') })) + '\n');
        for (const target of targets) io.stderr.write(terminalSafe(t(language, 'render-written', { path: target.path })) + '\n');
      });
  },
};
