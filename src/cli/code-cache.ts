// V8's compiled code for the help front, kept beside it. Node 22 and later keep compiled code
// between runs themselves (module.enableCompileCache, which bin/aspm.js turns on); Node 20 has
// no such cache, and compiling help.cjs — commander and the command-line messages — was a
// sixth of what `aspm --help` costs beyond Node's own start. The build runs help once and
// saves what V8 compiled (FILE.cache, scripts/bundle-cli.mjs); a run loads the file with it.
// V8 checks that the cache is its own (its version, its flags, the very source) and compiles
// as usual when it is not: a stale or foreign cache costs a file read, never a wrong answer.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** Where the code cache of a CommonJS file of the bundle is kept. */
export const codeCachePath = (file: string): string => `${file}.cache`;

/** A CommonJS file run as `require` would run it, compiled with `cachedData` when given. */
export function loadCommonJs(file: string, cachedData?: Buffer): { readonly exports: unknown; readonly script: Script } {
  const source = readFileSync(file, 'utf8');
  // The wrapper Node's own loader puts around a CommonJS file.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script };
}

/** `require(file)` with the code cache the build saved beside it, if there is one. */
export function requireWithCodeCache(file: string): unknown {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(codeCachePath(file));
  } catch {
    // None (a build without it): compiled as usual.
  }
  return loadCommonJs(file, cachedData).exports;
}
