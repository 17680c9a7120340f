// The dashboard use case: a folder of published reports in, one self-contained HTML file
// out (src/dashboard/render-dashboard.ts draws it). It serves `aspm dashboard` and the
// library; `aspm evaluate --html` draws its dashboard through `dashboardOfRun` below. The
// target is checked before anything is read, the file written atomically, and an existing
// one replaced only with `force`. It never touches process or a terminal.

// Every message: a use case's errors and documents may speak any of them.
import '../i18n/all-messages.js';

import { AspmError, type Diagnostic } from '../errors.js';
import type { Language } from '../i18n/language.js';
import { readSmallFile } from '../io/read-input.js';
import { MAX_POLICY_BYTES, parsePolicyBytes } from '../policy/load-policy.js';
import type { Policy } from '../policy/policy.generated.js';
import { checkTargets, writeOutputs } from '../io/write-output.js';
import { renderDashboard, type RenderDashboardOptions } from '../dashboard/render-dashboard.js';
import type { PolicyIdentity } from '../scoring/history.js';
import { chooseReports, comparePeriods, readReportFiles, readReportFolder, type ReportOfFolder } from '../scoring/read-reports.js';
import type { ScoredReport } from '../scoring/scored-report.js';

/** What to show and where: the options of `aspm dashboard`, as data. */
export interface DashboardRequest {
  /** The folder of published report.json files (the reports `--history` reads). */
  readonly reports: string;
  /** Where the dashboard goes (.html). */
  readonly output: string;
  /** The policy file (YAML): its goals chapter is shown, and only its reports (default: the latest report's policy, without goals). */
  readonly policy?: string;
  /** The language of the page (default: the policy's, as its reports say). */
  readonly language?: Language;
  /** Replace an existing file. */
  readonly force?: boolean;
}

/** What was shown and written. */
export interface DashboardResult {
  /** The file written. */
  readonly path: string;
  /** Its size in bytes. */
  readonly bytes: number;
  /** The policy shown: the latest report's. */
  readonly policy: PolicyIdentity;
  /** The periods shown, oldest first, and the report each came from. */
  readonly periods: readonly { readonly id: string; readonly path: string }[];
  /** Reports of other policies in the folder, not shown. */
  readonly otherPolicies: readonly string[];
  /** The warnings of the policy file, when one was given. */
  readonly policyWarnings: readonly Diagnostic[];
  /** Temporaries of an earlier, killed run that were removed. */
  readonly staleRemoved: readonly string[];
}

/**
 * Reads every report in `request.reports`, draws the dashboard of the latest report's
 * policy over all its periods and writes it. User-fixable problems (no folder, no
 * report, a file that is not a report, an existing output without `force`) throw an
 * AspmError; nothing is written unless everything succeeds.
 */
export async function writeDashboard(request: DashboardRequest): Promise<DashboardResult> {
  const force = request.force ?? false;
  const inputs = request.policy !== undefined ? [request.policy] : [];
  await checkTargets([request.output], { force, inputs });
  const loaded = request.policy !== undefined ? await readPolicyFile(request.policy) : undefined;
  const folder = await readReportFolder(request.reports, loaded ? { company: loaded.policy.meta.company, title: loaded.policy.meta.title } : undefined);
  const html = await renderDashboard(folder.reports.map((r) => r.report), {
    ...(request.language ? { language: request.language } : {}),
    ...(loaded ? { goals: loaded.policy.goals ?? [] } : {}),
  });
  const data = new TextEncoder().encode(html);
  // The reports are never replaced by the page, even with --force (-o reports/2026-09.json).
  const written = await writeOutputs([{ path: request.output, data }], { force, inputs: [...inputs, ...folder.reports.map((r) => r.path)] });
  return {
    path: request.output,
    bytes: data.byteLength,
    policy: folder.policy,
    periods: folder.reports.map((r) => ({ id: r.report.period.id, path: r.path })),
    otherPolicies: folder.otherPolicies,
    policyWarnings: loaded?.warnings ?? [],
    staleRemoved: written.staleRemoved,
  };
}

/** A policy file read and checked as every command checks it; one with errors is refused with them. */
async function readPolicyFile(path: string): Promise<{ readonly policy: Policy; readonly warnings: readonly Diagnostic[] }> {
  const bytes = await readSmallFile(path, MAX_POLICY_BYTES);
  if (!bytes.ok) throw new AspmError('policy-invalid', { file: path }, { diagnostics: [bytes.diagnostic] });
  const loaded = parsePolicyBytes(bytes.bytes, path);
  if (!loaded.ok) throw new AspmError('policy-invalid', { file: path }, { diagnostics: loaded.diagnostics });
  return { policy: loaded.value, warnings: loaded.diagnostics };
}

/** The reports of a history folder, read whole for a run's dashboard before the run (so that a bad one stops it early). */
export const readDashboardHistory = readReportFiles;

/**
 * The dashboard of a run: its report after the reports of the same policy from its history
 * folder (the latest of each earlier period, read by readDashboardHistory), oldest first; as
 * HTML bytes, with the policy's goals when `options` gives them. The run's period is the page's current one: a published report of the same
 * period (an appeal re-run) or of a later one (a month re-scored after its quarter) is not
 * shown.
 */
export async function dashboardOfRun(report: ScoredReport, history: readonly ReportOfFolder[], options: RenderDashboardOptions = {}): Promise<Uint8Array> {
  const identity = { company: report.policy.company, title: report.policy.title };
  const earlier = history.filter((r) => comparePeriods(r.report.period, report.period) < 0);
  const reports = chooseReports([...earlier, { path: '', report }], identity).reports.map((r) => r.report);
  return new TextEncoder().encode(await renderDashboard(reports, options));
}
