// The summary `aspm evaluate` prints in the terminal: who was assessed and, by name, who was
// not and why; the grade distribution with bars; the top and bottom of each ranking group
// (role, or team under a forced distribution by team); and how many adjustments, warnings
// and notes there are. Columns are padded by display width, so Chinese names line up.
// Returns text; printing is the command's job. Pure.
import { terminalSafe } from '../text/terminal-safe.js';
import { t } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import type { Policy } from '../policy/policy.generated.js';
import { displayWidth, padEnd, padStart } from '../text/display-width.js';
import { whyNotAssessed } from './notice-view.js';
import type { ReportPerson, ScoredReport } from '../scoring/scored-report.js';

/** People shown at each end of a role. */
const SHOWN = 3;
const BAR = 30;
/** People not assessed named one by one; past this many the summary says how many more. */
const NOT_ASSESSED_SHOWN = 10;

function fixed(n: number | null): string {
  return n === null ? '—' : n.toFixed(2);
}

export function renderSummary(report: ScoredReport, policy: Policy, language: Language): string {
  const lines: string[] = [];
  const cycle = report.period.cycle ? t(language, `score-cycle-${report.period.cycle}`) : '';
  lines.push(t(language, 'result-summary-title', { period: report.period.id, cycle, date: report.result_date, deadline: report.appeal.deadline }));
  if (report.trial) lines.push(t(language, 'result-summary-trial', { mark: t(language, 'trial-mark'), period: report.period.id, effective: report.policy.effective_date }));
  lines.push(t(language, 'result-summary-people', { people: report.summary.people, assessed: report.summary.assessed, not: report.summary.people - report.summary.assessed }));
  // The people not assessed by name: HR has to handle each of them, and the notes the
  // count used to point to are per person, in the report, not in this summary.
  const notAssessed = report.staff.filter((p) => p.status === 'not_assessed');
  for (const p of notAssessed.slice(0, NOT_ASSESSED_SHOWN)) lines.push(`  · ${t(language, 'result-summary-not-assessed', { id: p.id, name: p.name, why: t(language, `result-summary-why-${whyNotAssessed(p)}`) })}`);
  if (notAssessed.length > NOT_ASSESSED_SHOWN) lines.push(`  · ${t(language, 'result-summary-not-assessed-more', { count: notAssessed.length - NOT_ASSESSED_SHOWN })}`);
  lines.push('');

  lines.push(t(language, 'result-summary-grades'));
  const counts = report.grades.bands.map((b) => ({ label: `${b.grade} ${b.label}`, count: report.summary.grades[b.grade] ?? 0 }));
  const most = Math.max(1, ...counts.map((c) => c.count));
  const labelWidth = Math.max(...counts.map((c) => displayWidth(c.label)));
  const assessed = Math.max(1, report.summary.assessed);
  for (const c of counts) {
    const bar = '█'.repeat(Math.round((c.count / most) * BAR));
    const share = `${Math.round((c.count / assessed) * 100)}%`;
    lines.push(`  ${padEnd(c.label, labelWidth)}  ${padStart(String(c.count), 4)}  ${padStart(share, 4)}  ${bar}`);
  }
  lines.push('');

  // People are listed by the group that ranked them — their role, or their team under a
  // forced distribution `group_by: team` — so that "top" and "bottom" and the rank column
  // mean the same thing: the rank is only comparable within its group, and a role's list
  // with two rank-1 people from two teams would read as a tie that is not one.
  const byTeam = report.grades.forced_distribution?.group_by === 'team';
  lines.push(t(language, byTeam ? 'result-summary-teams' : 'result-summary-roles'));
  const groups: { label: string; people: ReportPerson[] }[] = [];
  if (byTeam) {
    const teams = new Map<string, ReportPerson[]>();
    for (const p of report.staff) teams.set(p.team, [...(teams.get(p.team) ?? []), p]);
    for (const [team, people] of teams) groups.push({ label: team === '' ? t(language, 'result-summary-no-team') : team, people });
  } else {
    for (const role of policy.roles) groups.push({ label: role.name, people: report.staff.filter((p) => p.role === role.id) });
  }
  const roleName = (id: string) => policy.roles.find((r) => r.id === id)?.name ?? id;
  let anyVetoed = false;
  for (const { label, people } of groups) {
    if (people.length === 0) continue;
    // Stable: people of equal rank stay in roster order.
    const ranked = people.filter((p) => p.rank !== null).sort((a, b) => a.rank! - b.rank!);
    const missing = people.length - ranked.length;
    lines.push(`  ${t(language, 'result-summary-group', { group: label, count: people.length, missing })}`);
    // null marks the people left out between the top and the bottom.
    const shown: ({ tag: string; p: ReportPerson } | null)[] = [];
    if (ranked.length <= SHOWN * 2) for (const p of ranked) shown.push({ tag: '', p });
    else {
      for (const p of ranked.slice(0, SHOWN)) shown.push({ tag: t(language, 'result-summary-top'), p });
      shown.push(null);
      for (const p of ranked.slice(-SHOWN)) shown.push({ tag: t(language, 'result-summary-bottom'), p });
    }
    const rows = shown.filter((s): s is { tag: string; p: ReportPerson } => s !== null);
    const nameWidth = Math.max(0, ...rows.map((s) => displayWidth(s.p.name)));
    const idWidth = Math.max(0, ...rows.map((s) => displayWidth(s.p.id)));
    const tagWidth = Math.max(0, ...rows.map((s) => displayWidth(s.tag)));
    // A team may hold several roles: then each line names the person's role.
    const roleWidth = byTeam ? Math.max(0, ...rows.map((s) => displayWidth(roleName(s.p.role)))) : 0;
    for (const row of shown) {
      if (!row) {
        lines.push(`    ${padEnd('', tagWidth)}    ⋮`);
        continue;
      }
      const { tag, p } = row;
      const vetoed = p.vetoes.some((v) => v.triggered);
      if (vetoed) anyVetoed = true;
      const moved = p.grade_distributed !== null && p.grade_distributed !== p.grade_by_bands;
      const grade = (moved ? `${p.grade ?? ''} (${p.grade_by_bands ?? ''})` : (p.grade ?? '')) + (vetoed ? ' *' : '');
      const role = byTeam ? `${padEnd(roleName(p.role), roleWidth)}  ` : '';
      lines.push(`    ${padEnd(tag, tagWidth)} ${padStart(String(p.rank), 4)}  ${padEnd(p.name, nameWidth)}  ${padEnd(p.id, idWidth)}  ${role}${padStart(fixed(p.total_rounded), 6)}  ${grade}`);
    }
  }
  lines.push('');
  const distributed = report.staff.some((p) => p.grade_distributed !== null && p.grade_distributed !== p.grade_by_bands);
  if (distributed) lines.push(t(language, 'result-summary-distributed-hint'));
  if (anyVetoed) lines.push(t(language, 'result-summary-vetoed-hint'));
  // Every warning, also those past the 10,000 the report keeps; and the notes on people's
  // results as well as the report's own (only the latter are listed here).
  const personNotes = report.staff.reduce((n, p) => n + p.notes.length, 0);
  const noted = report.staff.filter((p) => p.notes.length > 0).length;
  lines.push(t(language, 'result-summary-footer', { adjustments: report.adjustments.length, warnings: report.summary.warnings, personNotes, noted, notes: report.notes.length }));
  for (const n of report.notes) lines.push(`  · ${n.message}`);
  // For a terminal: a name holding escape sequences is shown, never obeyed.
  return terminalSafe(lines.join('\n')) + '\n';
}
