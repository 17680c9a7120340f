// `aspm init`: declares the command; the wizard itself (init-wizard.ts) and everything it
// needs are loaded when the command runs, so that `aspm --help` does not load them.
import { Option } from 'commander';
import { t } from '../../i18n/catalogue.js';
import { SIZES } from '../../wizard/sizes.js';
import type { InitDependencies, InitOptions } from './init-wizard.js';
import type { CommandContext } from '../context.js';
import type { CommandDefinition } from './command.js';

export const initCommand: CommandDefinition = {
  name: 'init',
  register(command, context, exit) {
    const { language } = context;
    command
      .description(t(language, 'cmd-init'))
      .option('-o, --output <file>', t(language, 'opt-init-output'), 'policy.yaml')
      .addOption(new Option('--preset <size>', t(language, 'opt-preset')).choices(SIZES))
      .option('-y, --yes', t(language, 'opt-yes'))
      .option('--answers <file>', t(language, 'opt-answers'))
      .option('--force', t(language, 'opt-force'))
      .action(async (options: InitOptions) => {
        exit(await runInit(options, context));
      });
  },
};

/** Runs the wizard (or drafts without asking) and writes the policy; returns the exit code. */
export async function runInit(options: InitOptions, context: CommandContext, dependencies: InitDependencies = {}): Promise<number> {
  const { runWizard } = await import('./init-wizard.js');
  return runWizard(options, context, dependencies);
}
