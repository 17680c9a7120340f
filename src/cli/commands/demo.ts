// `aspm demo [DIR]`: the whole job on built-in sample data, offline, in a few seconds. It
// runs the real steps (init, render, evaluate) in this process, with the options a user
// would type, on a seeded data set shaped like real exports (a GBK CSV with Chinese headers
// as Excel on Chinese Windows saves it, the same as XLSX, ratings, event counts, one
// approved appeal), then says what it made and the commands to do the same with one's own
// files. A folder it creates and cannot finish is removed again. The steps are called as
// functions, not through argv; what they would print is shown only if one fails.
// The steps and the sample data are loaded when the demo runs (demo-run.ts).
import type { Command } from 'commander';
import { t } from '../../i18n/catalogue.js';
import type { Language } from '../../i18n/language.js';
import type { CommandDefinition } from './command.js';

export const demoCommand: CommandDefinition = {
  name: 'demo',
  register(command, context) {
    const { language } = context;
    command
      .description(t(language, 'cmd-demo'))
      .argument('[dir]', t(language, 'arg-demo-dir'), 'aspm-demo')
      .option('--force', t(language, 'opt-demo-force'))
      .action(async (dir: string, options: { force?: boolean }, self: Command) => {
        // The demo policy is Chinese unless --lang asks for English (LANG alone does not).
        const explicit = (self.optsWithGlobals() as { lang?: Language }).lang;
        const { runDemo } = await import('./demo-run.js');
        await runDemo(dir, { ...options, lang: explicit ?? 'zh-CN' }, context);
      });
  },
};

