// The command line as a library (`import { runCli } from 'aspm-cli/cli'`): for a program
// that runs aspm's commands by their arguments, e.g. a wrapper or a test. Kept apart from
// the library entry (src/index.ts) so that importing the library never loads commander or
// the prompts.
export {
  /** Runs aspm with `argv` (without node and script) on the given streams; resolves to the exit code. */
  main as runCli,
} from './cli/main.js';
export {
  /** The real streams, environment, working folder and clock of this process, for `runCli`. */
  processIo,
  /** What a command may touch: stdout, stderr, stdin, the environment, the working folder and the clock. */
  type CliIo,
  /** Where a command writes text: a stream, or anything with `write` (tests keep the text). */
  type TextSink,
} from './cli/context.js';
