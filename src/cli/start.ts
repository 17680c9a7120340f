// The process entry behind bin/aspm.js. `aspm --version` asked alone is answered from
// package.json before anything else is loaded: the answer is one line, and loading the
// command parser and the message catalogue for it would cost more than Node's own start.
// Everything else — the version with other arguments too — goes through main() as always.
import { packageInfo } from '../package-root.js';
import { exitQuietlyOnBrokenPipe } from './broken-pipe.js';

/** True when argv (without node and script) asks for the version and nothing else. */
export function asksOnlyVersion(argv: readonly string[]): boolean {
  return argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V');
}

export async function start(): Promise<void> {
  if (asksOnlyVersion(process.argv.slice(2))) {
    exitQuietlyOnBrokenPipe();
    // What commander prints for --version, byte for byte.
    process.stdout.write(`${packageInfo().version}\n`);
    return;
  }
  const { run } = await import('./main.js');
  await run();
}
