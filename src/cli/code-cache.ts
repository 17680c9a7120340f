// V8's compiled code for the CommonJS files of the bundle (the help front, each command's
// front, the document templates), kept beside each. Node 22.8 and later keep compiled code
// between runs themselves (module.enableCompileCache, which bin/aspm.js turns on); Node 20 has
// no such cache, and compiling help.cjs — commander and the command-line messages — was a
// sixth of what `aspm --help` costs beyond Node's own start. The build runs each file once
// and saves what V8 compiled (FILE.cache, scripts/bundle-cli.mjs); a run loads the file with
// it. V8 refuses a cache of another V8 or made under other flags, and compiles as usual; but
// of the source it checks only the length, so a file changed after the build (patched in
// place, the same length) would run the code the cache holds. A cache therefore starts with
// the CRC-32 of the file it was made for, checked whenever the file is newer than its cache
// (changed since the build, or merely unpacked after it: an npm install writes the files in
// its own order); a cache newer than its file was written after it, as the build writes it.
import { isAscii } from 'node:buffer';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import type * as Zlib from 'node:zlib';

/** Where the code cache of a CommonJS file of the bundle is kept. */
const codeCachePath = (file: string): string => `${file}.cache`;

/**
 * A CommonJS file run as `require` would run it, compiled with the code cache given (or found
 * for its bytes) when there is one.
 */
export function loadCommonJs(file: string, cache?: Buffer | ((bytes: Uint8Array) => Buffer | undefined)): { readonly exports: unknown; readonly script: Script } {
  const bytes = readFileSync(file);
  const cachedData = typeof cache === 'function' ? cache(bytes) : cache;
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

/** Bytes before V8's data in a cache file: the CRC-32 of the file it belongs to. */
const HEADER = 4;

/** CRC-32 by node:zlib, required when first needed: `--help` and `--version` never load it. */
const crc32 = (bytes: Uint8Array): number => (nodeModule.createRequire(import.meta.url)('node:zlib') as typeof Zlib).crc32(bytes);

/** The code cache the build saved for `file` (whose bytes are `bytes`), if there is one and it is the file's. */
export function readCodeCache(file: string, bytes: Uint8Array = readFileSync(file)): Buffer | undefined {
  try {
    const cache = readFileSync(codeCachePath(file));
    if (cache.length <= HEADER) return undefined;
    const writtenAfter = statSync(codeCachePath(file)).mtimeMs >= statSync(file).mtimeMs;
    return writtenAfter || cache.readUInt32LE(0) === crc32(bytes) ? cache.subarray(HEADER) : undefined;
  } catch {
    // None (a build without it): compiled as usual.
    return undefined;
  }
}

/** Saves what V8 has compiled for `file` by now as its code cache (for the build). */
export function writeCodeCache(file: string, script: Script): void {
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(crc32(readFileSync(file)));
  writeFileSync(codeCachePath(file), Buffer.concat([header, script.createCachedData()]));
}

/** `require(file)` with the code cache the build saved beside it, if it is the file's. */
function requireWithCodeCache(file: string): unknown {
  const { exports, script } = loadCommonJs(file, (bytes) => readCodeCache(file, bytes));
  compiled.set(file, script);
  return exports;
}

/**
 * A CommonJS file of the bundle, with the code compiled for it in an earlier run: Node's own
 * compile cache where there is one (Node 22.8 and later, turned on by bin/aspm.js), else the
 * cache the build saved beside it.
 */
export function requireBundleFile(file: string): unknown {
  return compileCacheIsOn() ? nodeModule.createRequire(file)(file) : requireWithCodeCache(file);
}

/** Whether Node keeps compiled code itself (Node 22.8 and later, once turned on, and not turned off by NODE_DISABLE_COMPILE_CACHE). */
function compileCacheIsOn(): boolean {
  const { getCompileCacheDir } = nodeModule as { getCompileCacheDir?: () => string | undefined };
  return getCompileCacheDir?.() !== undefined;
}

/**
 * For the build (scripts/bundle-cli.mjs): saves, beside each file requireWithCodeCache loaded
 * in this process, the code V8 has compiled for it by now.
 */
export function saveCodeCaches(): void {
  for (const [file, script] of compiled) writeCodeCache(file, script);
}
