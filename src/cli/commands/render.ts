// `aspm render POLICY -o OUT [-o OUT2 …]`: publish a policy as Word, Markdown or HTML. The
// policy is checked exactly as `aspm validate` checks it; every output is checked before
// anything is rendered, and all of them are written, or none. The rendering itself
// (src/app/publish-policy.ts: templates, markdown-it, docx) is loaded when the command runs.
import { resolve } from 'node:path';
import { Option } from 'commander';
import { usageError } from '../../errors.js';
import { t } from '../../i18n/catalogue.js';
import { formatDiagnostic } from '../../i18n/format-diagnostic.js';
import { DOCUMENT_FORMATS, formatOfPath, type DocumentFormat } from '../../render/document-formats.js';
import { terminalSafe } from '../../text/terminal-safe.js';
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
        const { checkTargets, writeOutputs } = await import('../../io/write-output.js');
        await checkTargets(
          targets.map((target) => target.path),
          { force, inputs: [file] },
        );

        const { publishPolicy, readPolicyToPublish } = await import('../../app/publish-policy.js');
        const loaded = await readPolicyToPublish(file);
        // Said before rendering, so that they are seen even when a template then fails.
        for (const warning of loaded.warnings) io.stderr.write(formatDiagnostic(warning, language) + '\n');
        const published = await publishPolicy({ policy: loaded.policy, formats: targets.map((target) => target.format), templates: options.templates });
        const files = targets.map((target, index) => ({ path: target.path, data: published.documents[index]!.data }));
        const written = await writeOutputs(files, { force, inputs: [file] });
        if (written.staleRemoved.length > 0) io.stderr.write(terminalSafe(t(language, 'stale-temporaries-removed', { count: written.staleRemoved.length, paths: written.staleRemoved.join(', ') })) + '\n');
        for (const target of targets) io.stderr.write(terminalSafe(t(language, 'render-written', { path: target.path })) + '\n');
      });
  },
};
