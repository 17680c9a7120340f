// A reader that stops early (`aspm schema | head`) closes the pipe: that is not an error,
// and must not end in a stack trace.

const ONCE = Symbol.for('aspm.exitQuietlyOnBrokenPipe');

export function exitQuietlyOnBrokenPipe(): void {
  // Once per process: the help front and the command's own bundle each hold a copy of this
  // module, and both run when the front hands a command over.
  const process_ = process as NodeJS.Process & { [ONCE]?: true };
  if (process_[ONCE]) return;
  process_[ONCE] = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (failure: NodeJS.ErrnoException) => {
      if (failure.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw failure;
    });
  }
}
