// Earlier results (`--history DIR`): the JSON reports of earlier periods, read for the
// grades that rules over consecutive cycles need (promotion after two quarters at A…), and
// the published report of the period being re-run after an appeal, whose forced
// distribution grades stand for everyone the appeal did not concern. Only what a scored
// aspm report holds is read: period id, result date, the policy's company and title and,
// per person, id, name and grades — each checked against the report schema's view of them
// (report-file.ts), so that a file wrong in what is read is refused with where it is wrong,
// and a report of any aspm (older, or newer of the same format version) is read.
// People are found by `personKey` (the staff id, else the name), so a roster of names only
// works across periods too.
// `parseHistoryReport` is pure; `readHistory` reads the folder.
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AspmError } from '../errors.js';
import type { MessageCode } from '../i18n/catalogue.js';
import { personKey } from '../evaluate/staff.js';
import { readSmallFile } from '../io/read-input.js';
import { readReportForHistory } from './report-file.js';
import { cycleOfPeriodId, periodIdBefore, periodIdOfDay } from './cycles.js';

/**
 * An earlier report is read whole: 32 MiB holds a report of 10,000 people (about 3 KB
 * each); anything larger is not a report of ours. The size is checked before reading,
 * and parsing a file this size needs a few hundred MB at most.
 */
export const MAX_HISTORY_BYTES = 32 * 1024 * 1024;

export interface HistoryPerson {
  readonly grade: string | null;
  readonly grade_by_bands: string | null;
  readonly grade_cap: string | null;
  readonly grade_distributed: string | null;
}

export interface HistoryReport {
  readonly path: string;
  readonly sha256: string;
  readonly periodId: string;
  readonly resultDate: string;
  /**
   * The company and title of the policy the report was scored under; every report read has
   * them (null only in a HistoryReport a program builds, which then counts for any policy).
   */
  readonly policy: PolicyIdentity | null;
  /** By `personKey` (the staff id, else the name, compared as staffKey). */
  readonly staff: ReadonlyMap<string, HistoryPerson>;
}

const GRADE_FIELDS = ['grade', 'grade_by_bands', 'grade_cap', 'grade_distributed'] as const;

/**
 * A scored report, or an error saying why the file is not one: not JSON; of a newer format
 * than this aspm reads; no report at all; or wrong in what history reads (report-file.ts),
 * each finding at its path in the file. A report written before reports were versioned has
 * no `format_version`, and is read like any other.
 */
export function parseHistoryReport(text: string, path: string): HistoryReport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AspmError('history-not-json', { file: path }, { location: { file: path } });
  }
  const report = readReportForHistory(json, path);
  const staff = new Map<string, HistoryPerson>();
  for (const s of report.staff) {
    const key = personKey({ id: s.id, name: s.name ?? '' });
    if (key === '') continue;
    staff.set(key, { grade: s.grade, grade_by_bands: s.grade_by_bands ?? null, grade_cap: s.grade_cap ?? null, grade_distributed: s.grade_distributed ?? null });
  }
  // Reports of the earliest versions may have no policy identity: they count for any policy.
  const identity = report.policy as { company?: unknown; title?: unknown } | null | undefined;
  const policy = identity && typeof identity.company === 'string' && typeof identity.title === 'string' ? { company: identity.company, title: identity.title } : null;
  return { path, sha256: createHash('sha256').update(text).digest('hex'), periodId: report.period.id, resultDate: report.result_date, policy, staff };
}

/** Which policy a report belongs to: reports of other policies in the folder are not history. */
export interface PolicyIdentity {
  readonly company: string;
  readonly title: string;
}

export interface HistoryRead {
  /** The latest report of each period scored under this policy. */
  readonly reports: HistoryReport[];
  /** Reports in the folder that belong to another policy (another team's, a trial run), left out. */
  readonly otherPolicies: string[];
}

/**
 * The latest report of each period in the folder (by result date, then file name), among
 * the reports of the same policy (company and title) when `policy` is given. Files
 * other than `*.json` are ignored; a `*.json` that is not a scored report is an error,
 * because a history silently half-read would decide promotions and demotions wrongly.
 */
export async function readHistory(dir: string, policy?: PolicyIdentity & { readonly grades?: readonly string[]; readonly effectiveDate?: string }): Promise<HistoryRead> {
  let names: string[];
  try {
    names = await reportFileNames(dir);
  } catch (cause) {
    throw folderFailure(dir, cause);
  }
  const reports: HistoryReport[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const read = await readSmallFile(path, MAX_HISTORY_BYTES);
    if (!read.ok) {
      const d = read.diagnostic;
      if (d.code === 'file-too-large') throw new AspmError('history-too-large', { file: path, size: d.params.size, limit: MAX_HISTORY_BYTES }, { location: { file: path } });
      throw new AspmError<MessageCode>(d.code, d.params, { location: { file: path } });
    }
    reports.push(parseHistoryReport(new TextDecoder('utf-8').decode(read.bytes), path));
  }
  const same = (r: HistoryReport) => !policy || r.policy === null || (r.policy.company === policy.company && r.policy.title === policy.title);
  // A grade the policy does not know would decide a rule or a bonus as undefined.
  // Only the reports a rule can look at: one of a period before the policy took effect (last
  // year's, under the old rules and their grades) is never consulted, so it is no error.
  const consulted = (r: HistoryReport) => !policy?.effectiveDate || !beforeEffective(r.periodId, policy.effectiveDate);
  if (policy?.grades) for (const report of reports.filter(same).filter(consulted)) checkGrades(report, policy.grades);
  return { reports: latestPerPeriod(reports.filter(same)), otherPolicies: reports.filter((r) => !same(r)).map((r) => r.path) };
}

/**
 * The names of the `*.json` files in a folder of reports, sorted, that history and the
 * dashboard read alike. Fails with the system's error (ENOENT, ENOTDIR…) for the caller
 * to word: the two commands name the folder differently.
 */
export async function reportFileNames(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names: string[] = [];
  for (const e of entries) {
    if (!e.name.toLowerCase().endsWith('.json')) continue;
    // A link is followed (history/2026-09.json → ../published/2026-09.json); one to a folder
    // is skipped like a folder; a broken one is read, and so reported, rather than skipped.
    if (e.isFile() || (e.isSymbolicLink() && (await stat(join(dir, e.name)).then((s) => s.isFile(), () => true)))) names.push(e.name);
  }
  return names.sort();
}

/** Whether period `id` lies before the one that holds `effectiveDate` (where rules start counting). */
function beforeEffective(id: string, effectiveDate: string): boolean {
  const cycle = cycleOfPeriodId(id);
  return cycle !== undefined && periodIdBefore(id, periodIdOfDay(effectiveDate, cycle));
}

/** Fails, naming the file, the person and the grade, if a grade of `report` is not one of `grades`. */
export function checkGrades(report: HistoryReport, grades: readonly string[]): void {
  const known = new Set(grades);
  for (const [person, entry] of report.staff) {
    for (const field of GRADE_FIELDS) {
      const grade = entry[field];
      if (grade !== null && !known.has(grade)) {
        throw new AspmError('history-unknown-grade', { file: report.path, person, grade, grades: grades.join(', ') }, { location: { file: report.path } });
      }
    }
  }
}

/** What is wrong with the folder given to --history, and what to give instead. */
function folderFailure(dir: string, cause: unknown): AspmError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new AspmError('history-not-found', { path: dir });
  if (code === 'ENOTDIR') return new AspmError('history-not-a-folder', { path: dir });
  return new AspmError('history-unreadable', { path: dir, reason: code ?? String(cause) });
}

export function latestPerPeriod(reports: readonly HistoryReport[]): HistoryReport[] {
  const byPeriod = new Map<string, HistoryReport>();
  for (const r of reports) {
    if (!cycleOfPeriodId(r.periodId)) continue;
    const known = byPeriod.get(r.periodId);
    if (!known || r.resultDate >= known.resultDate) byPeriod.set(r.periodId, r);
  }
  return [...byPeriod.values()].sort((a, b) => (a.periodId < b.periodId ? -1 : a.periodId > b.periodId ? 1 : 0));
}
