// `aspm schema [-o FILE]`: the policy file's JSON Schema, for editors.
import { readFileSync } from 'node:fs';
import { usageError } from '../../errors.js';
import { t } from '../../i18n/catalogue.js';
import { writeOutput } from '../../io/write-output.js';
import { packagePath } from '../../package-root.js';
import type { CommandDefinition } from './command.js';

export const SCHEMA_NAMES = ['policy', 'answers', 'adjustments'] as const;

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

function readSchemaText(name: string): string {
  try {
    return readFileSync(packagePath('schemas', `${name}.schema.json`), 'utf8');
  } catch {
    throw usageErrorForSchema(name);
  }
}

function usageErrorForSchema(name: string) {
  return usageError('usage-invalid-choice', { option: 'name', value: name, allowed: SCHEMA_NAMES.join(', ') });
}
