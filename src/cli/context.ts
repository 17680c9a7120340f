// What a command may touch: the streams, the environment, the clock and the language.
// Commands receive it instead of reaching for `process`, so tests can run them in memory.
import type { Language } from '../i18n/language.js';

export interface TextSink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  /** The terminal's width, when the sink is one (process.stdout has it; tests set it). */
  readonly columns?: number;
}

export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly now: () => Date;
}

export interface CommandContext {
  readonly io: CliIo;
  readonly language: Language;
  /** Colour only on a terminal and only when NO_COLOR is not set. */
  readonly color: boolean;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // Read when a command reads it: process.stdin makes its stream on first use, and a
    // pipe's or a terminal's loads Node's network or terminal modules, which help never needs.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}

export function useColor(io: CliIo, sink: TextSink): boolean {
  return Boolean(sink.isTTY) && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
}
