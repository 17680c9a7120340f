// V8's compiled code for the CommonJS files of the bundle (the help front, each command's
// front, the document templates), kept beside each. Node 22 and later keep compiled code
// between runs themselves (module.enableCompileCache, which bin/aspm.js turns on); Node 20 has
// no such cache, and compiling help.cjs — commander and the command-line messages — was a
// sixth of what `aspm --help` costs beyond Node's own start. The build runs each file once
// and saves what V8 compiled (FILE.cache, scripts/bundle-cli.mjs); a run loads the file with
// it. V8 checks that the cache is its own (its version, its flags, the very source) and
// compiles as usual when it is not: a stale or foreign cache costs a file read, never a
// wrong answer.
import { isAscii } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** Where the code cache of a CommonJS file of the bundle is kept. */
export const codeCachePath = (file: string): string => `${file}.cache`;

/** A CommonJS file run as `require` would run it, compiled with `cachedData` when given. */
export function loadCommonJs(file: string, cachedData?: Buffer): { readonly exports: unknown; readonly script: Script } {
  const bytes = readFileSync(file);
  // The build makes a front ASCII (scripts/bundle-cli.mjs): taken byte for byte, it is the
  // same text as decoded from UTF-8, in a third of the time that decoding takes.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  // The wrapper Node's own loader puts around a CommonJS file.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script };
}

/** What requireWithCodeCache compiled in this process, for saveCodeCaches. */
const compiled = new Map<string, Script>();

/** `require(file)` with the code cache the build saved beside it, if there is one. */
export function requireWithCodeCache(file: string): unknown {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(codeCachePath(file));
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
  return 'enableCompileCache' in nodeModule ? createRequire(file)(file) : requireWithCodeCache(file);
}

/**
 * For the build (scripts/bundle-cli.mjs): saves, beside each file requireWithCodeCache loaded
 * in this process, the code V8 has compiled for it by now.
 */
export function saveCodeCaches(): void {
  for (const [file, script] of compiled) writeFileSync(codeCachePath(file), script.createCachedData());
}
