// The demo of each language, made once for a whole run of the tests and SHARED by every test
// file that reads it (demo-cli, word-in-libreoffice, consistency, dashboard-browser): a demo
// draws two sets of notices with their charts, several seconds of CPU, and four files made it
// six times. Its folder is read-only to its users: a test that must write (into the demo, or
// beside it in its folder) copies what it needs into a folder of its own first; the global
// setup (test/shared-demo-setup.ts) fails the run when anything in it changed since it was made.
//
// The files run in several worker processes, so "once" is settled on disk, in the folder
// the global setup provides: the first caller for a language takes it by an atomic mkdir of
// its lock and runs the demo in process; the others wait for the record it writes at the end
// (temporary file, then rename, so that nobody reads half of it). A file run alone makes
// the demos it asks for itself.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { digestFolder } from './folder-digest.js';
import type { CliRun } from './run-cli.js';
import { runMain } from './run-main.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder the shared demos are made in (test/shared-demo-setup.ts). */
    sharedDemoRoot: string;
  }
}

export type DemoLanguage = 'zh-CN' | 'en';

export interface SharedDemo {
  /** The folder the demo wrote. Read it; never write into it or beside it. */
  readonly dir: string;
  /** What `aspm demo` returned and printed. */
  readonly run: CliRun;
}

/**
 * What the maker of a demo leaves for the others, in `<root>/<language>.json`; with what the
 * folder held when it was made (helpers/folder-digest.ts), which the setup checks at the end.
 */
export type SharedDemoRecord = ({ readonly made: true; readonly digest: Readonly<Record<string, string>> } & SharedDemo) | { readonly made: false; readonly error: string };

/**
 * The commands, as the files ran them before they shared one: demo-cli.test.ts asserts what
 * they print (示例已生成在 aspm-demo/, The demo is in out/), so the Chinese demo is made in
 * its folder under a Chinese locale, and the English one with --lang under LANG=C. The files
 * that ran it otherwise (an absolute folder, --lang zh-CN, a fixed clock) read only what is
 * in the folder, which is the same (compared): the notices and policy documents byte for
 * byte, the workbooks but for the time in their ZIP; report.json and the dashboard name the
 * input files by the path given, the charts' SVG carry ids ECharts counts up per process,
 * and the policy's header says the day it was drafted.
 */
const RUNS: Readonly<Record<DemoLanguage, { readonly args: readonly string[]; readonly folder: string; readonly env: Readonly<Record<string, string>> }>> = {
  'zh-CN': { args: ['demo', 'aspm-demo'], folder: 'aspm-demo', env: { LANG: 'zh_CN.UTF-8' } },
  en: { args: ['demo', 'out', '--lang', 'en'], folder: 'out', env: {} },
};

/** How long a caller waits for a demo another process is making: longer than one takes on a busy machine, shorter than the hooks' 240 s. */
const WAIT_MS = 200_000;
const POLL_MS = 200;

/** The demo of a language: made by the first caller in the run, then the same for all. */
export async function sharedDemo(language: DemoLanguage): Promise<SharedDemo> {
  const root = inject('sharedDemoRoot');
  if (!root) throw new Error('No folder for the shared demo: vitest.config.ts must list test/shared-demo-setup.ts in globalSetup');
  const record = join(root, `${language}.json`);
  const lock = join(root, `${language}.lock`);
  let maker = false;
  try {
    mkdirSync(lock);
    maker = true;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
  }
  const result = maker ? await make(language, root, lock, record) : await waitFor(record, lock, language);
  if (!result.made) throw new Error(`The shared ${language} demo could not be made: ${result.error}`);
  return { dir: result.dir, run: result.run };
}

async function make(language: DemoLanguage, root: string, lock: string, record: string): Promise<SharedDemoRecord> {
  writeFileSync(join(lock, 'pid'), String(process.pid));
  const { args, folder, env } = RUNS[language];
  const cwd = join(root, language);
  let result: SharedDemoRecord;
  try {
    mkdirSync(cwd);
    const run = await runMain(args, { cwd, env });
    const dir = join(cwd, folder);
    result = { made: true, dir, run, digest: digestFolder(dir) };
  } catch (caught) {
    result = { made: false, error: caught instanceof Error ? (caught.stack ?? caught.message) : String(caught) };
  }
  const temporary = `${record}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(result));
  renameSync(temporary, record);
  return result;
}

async function waitFor(record: string, lock: string, language: DemoLanguage): Promise<SharedDemoRecord> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const text = readIfThere(record);
    if (text !== undefined) return JSON.parse(text) as SharedDemoRecord;
    const pid = Number(readIfThere(join(lock, 'pid')));
    // The maker's worker may end (a crash, a killed run) without a record: say so now.
    if (pid > 0 && !alive(pid)) throw new Error(`The shared ${language} demo's maker (process ${pid}) ended without leaving ${record}`);
    if (Date.now() > deadline) throw new Error(`The shared ${language} demo was not made within ${WAIT_MS / 1000} s by process ${pid || '(not yet known)'}: ${record} is still missing`);
    await sleep(POLL_MS);
  }
}

function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw cause;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    // EPERM: it exists, under another user.
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}
