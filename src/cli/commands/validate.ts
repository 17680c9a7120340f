// `aspm validate FILE...`: check policy files and say exactly what to fix, where. The
// policy loader (YAML, the compiled schema validator, the rules) is loaded when it runs.
import { hasErrors } from '../../errors.js';
import { t } from '../../i18n/catalogue.js';
import { formatDiagnostic } from '../../i18n/format-diagnostic.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import type { CommandDefinition } from './command.js';

export const validateCommand: CommandDefinition = {
  name: 'validate',
  coreMessagesOnly: true,
  register(command, { io, language }, exit) {
    command
      .description(t(language, 'cmd-validate'))
      .argument('<files...>', t(language, 'arg-policy-files'))
      .option('--json', t(language, 'opt-json-diagnostics'))
      .action(async (files: string[], options: { json?: boolean }) => {
        const { readPolicy } = await import('../../policy/load-policy.js');
        let failed = false;
        const json: unknown[] = [];
        for (const file of files) {
          const result = await readPolicy(file);
          const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
          const warnings = result.diagnostics.length - errors;
          if (options.json) {
            json.push({
              file,
              valid: result.ok,
              diagnostics: result.diagnostics.map((d) => ({ ...d.location, severity: d.severity, code: d.code, message: t(language, d.code, d.params) })),
            });
          } else {
            for (const d of result.diagnostics) io.stderr.write(formatDiagnostic(d, language) + '\n');
            if (result.ok) {
              io.stdout.write(terminalSafe(t(language, 'validate-ok', { file, roles: result.value.roles.length, kpis: result.value.kpis.length })) + '\n');
            } else if (hasErrors(result.diagnostics)) {
              io.stderr.write(terminalSafe(t(language, 'validate-failed', { file, errors, warnings })) + '\n');
            }
          }
          failed ||= !result.ok;
        }
        if (options.json) io.stdout.write(JSON.stringify(json, null, 2) + '\n');
        exit(failed ? 1 : 0);
      });
  },
};
