// `aspm schema [NAME] [-o FILE]`: a JSON Schema aspm ships — the policy file's by default, for
// editors; the wizard's answers, the adjustments file, or report.json (for programs that read
// the results). The writer is loaded only when a file is asked for.
import { readSchemaText } from '../../app/schema-files.js';
import { t } from '../../i18n/catalogue.js';
import type { CommandDefinition } from './command.js';

export const schemaCommand: CommandDefinition = {
  name: 'schema',
  coreMessagesOnly: true,
  register(command, { io, language }) {
    command
      .description(t(language, 'cmd-schema'))
      .argument('[name]', t(language, 'arg-schema-name'), 'policy')
      .option('-o, --output <file>', t(language, 'opt-output'))
      .option('--force', t(language, 'opt-force'))
      .action(async (name: string, options: { output?: string; force?: boolean }) => {
        const text = readSchemaText(name);
        if (options.output) {
          const { writeOutput } = await import('../../io/write-output.js');
          await writeOutput(options.output, text, { force: options.force ?? false });
          io.stderr.write(t(language, 'schema-written', { path: options.output }) + '\n');
        } else {
          io.stdout.write(text);
        }
      });
  },
};
