// A reader that stops early (`aspm schema | head`) closes the pipe: that is not an error,
// and must not end in a stack trace.
export function exitQuietlyOnBrokenPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (failure: NodeJS.ErrnoException) => {
      if (failure.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw failure;
    });
  }
}
