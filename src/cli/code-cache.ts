// V8's compiled code for the CommonJS files of the bundle (the help front, each command's
// front, the document templates), kept beside each. Node 22 and later keep compiled code
// between runs themselves (module.enableCompileCache, which bin/aspm.js turns on); Node 20 has
// no such cache, and compiling help.cjs — commander and the command-line messages — was a
// sixth of what `aspm --help` costs beyond Node's own start. The build runs each file once
// and saves what V8 compiled (FILE.cache, scripts/bundle-cli.mjs); a run loads the file with
// it. V8 refuses a cache of another V8 or made under other flags, and compiles as usual; but
// of the source it checks only the length, and a file changed after the build (patched in
// place, the same length) would run the code the cache holds. So a cache older than its file
// is not used: the build writes it after the file, and npm gives every file of an installed
// package the same time.
import { isAscii } from 'node:buffer';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** Where the code cache of a CommonJS file of the bundle is kept. */
export const codeCachePath = (file: string): string => `${file}.cache`;

/** A CommonJS file run as `require` would run it, compiled with `cachedData` when given. */
export function loadCommonJs(file: string, cachedData?: Buffer): { readonly exports: unknown; readonly script: Script } {
  const bytes = readFileSync(file);
  // The build makes a front ASCII (scripts/bundle-cli.mjs): taken byte for byte, it is the
  // same text as decoded from UTF-8, in about half the time that decoding takes.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  // The wrapper Node's own loader puts around a CommonJS file.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, nodeModule.createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script };
}

/** What requireWithCodeCache compiled in this process, for saveCodeCaches. */
const compiled = new Map<string, Script>();

/** `require(file)` with the code cache the build saved beside it, if there is one as new as the file. */
export function requireWithCodeCache(file: string): unknown {
  let cachedData: Buffer | undefined;
  try {
    const cache = codeCachePath(file);
    if (statSync(cache).mtimeMs >= statSync(file).mtimeMs) cachedData = readFileSync(cache);
  } catch {
    // None (a build without it): compiled as usual.
  }
  const { exports, script } = loadCommonJs(file, cachedData);
  compiled.set(file, script);
  return exports;
}

/**
 * A CommonJS file of the bundle, with the code compiled for it in an earlier run: Node's own
 * compile cache where there is one (Node 22 and later, turned on by bin/aspm.js), else the
 * cache the build saved beside it.
 */
export function requireBundleFile(file: string): unknown {
  return compileCacheIsOn() ? nodeModule.createRequire(file)(file) : requireWithCodeCache(file);
}

/** Whether Node keeps compiled code itself (Node 22.1 and later, once turned on, and not turned off by NODE_DISABLE_COMPILE_CACHE). */
function compileCacheIsOn(): boolean {
  const { getCompileCacheDir } = nodeModule as { getCompileCacheDir?: () => string | undefined };
  return getCompileCacheDir?.() !== undefined;
}

/**
 * For the build (scripts/bundle-cli.mjs): saves, beside each file requireWithCodeCache loaded
 * in this process, the code V8 has compiled for it by now.
 */
export function saveCodeCaches(): void {
  for (const [file, script] of compiled) writeFileSync(codeCachePath(file), script.createCachedData());
}
