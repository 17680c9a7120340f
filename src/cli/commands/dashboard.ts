// `aspm dashboard REPORTS_DIR -o dashboard.html [--policy FILE] [--force]`: one HTML page drawn from every
// published report in a folder (src/app/write-dashboard.ts). The use case, the report
// schema's validator and the chart library are loaded when the command runs, so that the
// commands that draw nothing never pay for them.
import type { Command } from 'commander';
import { t } from '../../i18n/catalogue.js';
import { formatDiagnostic } from '../../i18n/format-diagnostic.js';
import type { Language } from '../../i18n/language.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { once } from '../single-value.js';
import type { CommandDefinition } from './command.js';

interface DashboardOptions {
  readonly output: string;
  readonly policy?: string;
  readonly force?: boolean;
}

export const dashboardCommand: CommandDefinition = {
  name: 'dashboard',
  register(command, { io, language }) {
    command
      .description(t(language, 'cmd-dashboard'))
      .argument('<reports>', t(language, 'arg-reports-dir'))
      .requiredOption('-o, --output <file>', t(language, 'opt-dashboard-output'), once('--output'))
      .option('--policy <file>', t(language, 'opt-dashboard-policy'), once('--policy'))
      .option('--force', t(language, 'opt-force'))
      .action(async (reports: string, options: DashboardOptions, self: Command) => {
        // The page speaks the policy's language unless --lang asks for another (LANG alone does not).
        const explicit = (self.optsWithGlobals() as { lang?: Language }).lang;
        const { writeDashboard } = await import('../../app/write-dashboard.js');
        const result = await writeDashboard({
          reports,
          output: options.output,
          force: options.force ?? false,
          ...(options.policy !== undefined ? { policy: options.policy } : {}),
          ...(explicit ? { language: explicit } : {}),
        });
        for (const d of result.policyWarnings) io.stderr.write(formatDiagnostic(d, language) + '\n');
        const { policy } = result;
        if (result.otherPolicies.length > 0) io.stderr.write(terminalSafe(t(language, 'dashboard-other-policies', { files: result.otherPolicies, company: policy.company, title: policy.title })) + '\n');
        if (result.staleRemoved.length > 0) io.stderr.write(terminalSafe(t(language, 'stale-temporaries-removed', { count: result.staleRemoved.length, paths: result.staleRemoved.join(', ') })) + '\n');
        const periods = result.periods.map((p) => p.id).join(language === 'zh-CN' ? '、' : ', ');
        io.stderr.write(terminalSafe(t(language, 'dashboard-written', { path: result.path, count: result.periods.length, periods })) + '\n');
      });
  },
};
