// `aspm schema [NAME] [-o FILE]`: a JSON Schema aspm ships (the policy file's by default),
// for editors. Reading a schema's text needs nothing heavy, so nothing here is loaded late.
import { readSchemaText } from '../../app/schema-files.js';
import { t } from '../../i18n/catalogue.js';
import { writeOutput } from '../../io/write-output.js';
import type { CommandDefinition } from './command.js';

// The demo command takes these from here; they live with the use cases that write schemas.
export { SCHEMA_NAMES, readSchemaText, schemaBeside, schemaRefBeside, type SchemaName } from '../../app/schema-files.js';

export const schemaCommand: CommandDefinition = {
  name: 'schema',
  register(command, { io, language }) {
    command
      .description(t(language, 'cmd-schema'))
      .argument('[name]', t(language, 'arg-schema-name'), 'policy')
      .option('-o, --output <file>', t(language, 'opt-output'))
      .option('--force', t(language, 'opt-force'))
      .action(async (name: string, options: { output?: string; force?: boolean }) => {
        const text = readSchemaText(name);
        if (options.output) {
          await writeOutput(options.output, text, { force: options.force ?? false });
          io.stderr.write(t(language, 'schema-written', { path: options.output }) + '\n');
        } else {
          io.stdout.write(text);
        }
      });
  },
};
