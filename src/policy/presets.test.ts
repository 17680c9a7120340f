// The shipped presets are what a new manager starts from, so each must load without a
// single finding, say what its file name says, follow what its company size needs, and
// carry the same numbers in Chinese and English (only wording may differ between them).
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../package-root.js';
import { readPolicy } from './load-policy.js';
import type { Policy } from './policy.generated.js';

const SIZES = ['small', 'medium', 'large'] as const;
const LANGUAGES = ['zh-CN', 'en'] as const;
const ROLE_IDS = ['agent', 'technician', 'supervisor'];

const presets = SIZES.flatMap((size) => LANGUAGES.map((language) => ({ name: `${size}.${language}`, size, language, file: packagePath('presets', `${size}.${language}.yaml`) })));

async function loadPreset(file: string): Promise<Policy> {
  const result = await readPolicy(file);
  if (!result.ok) throw new Error(`${file} does not load: ${JSON.stringify(result.diagnostics, null, 2)}`);
  return result.value;
}

// Keys whose string values are wording, which the two languages may phrase differently.
const TEXT_KEYS = new Set([
  'company', 'title', 'department', 'purpose', 'scope', 'term', 'definition', 'party', 'duties',
  'description', 'name', 'formula', 'data_source', 'column', 'label', 'development', 'channel',
  'reviewers', 'escalation', 'effect', 'owner', 'due', 'system', 'interpretation', 'repeals', 'extra',
]);

/**
 * The policy with every piece of wording replaced by a marker (a list of wording by its
 * length), so that two languages of one preset compare equal exactly when ids, weights,
 * targets, floors, grades, triggers and deadlines agree.
 */
function numbersOf(value: unknown, key = ''): unknown {
  if (TEXT_KEYS.has(key) && typeof value === 'string') return '<text>';
  if (TEXT_KEYS.has(key) && Array.isArray(value) && value.every((v) => typeof v === 'string')) return `<${value.length} texts>`;
  if (Array.isArray(value)) return value.map((v) => numbersOf(v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, numbersOf(v, k)]));
  }
  return value;
}

function withoutLanguage(policy: Policy): unknown {
  return numbersOf({ ...policy, meta: { ...policy.meta, language: '<language>' } });
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe.each(presets)('preset $name', ({ size, language, file }) => {
  it('loads with no errors and no warnings', async () => {
    const result = await readPolicy(file);
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('says in its meta what its file name says', async () => {
    const policy = await loadPreset(file);
    expect(policy.meta.size).toBe(size);
    expect(policy.meta.language).toBe(language);
  });

  it('has the agent, technician and supervisor roles', async () => {
    const policy = await loadPreset(file);
    expect(policy.roles.map((r) => r.id).sort()).toEqual([...ROLE_IDS].sort());
  });

  it('is written in its own language', async () => {
    const policy = await loadPreset(file);
    const han = strings(policy).filter((s) => /\p{Script=Han}/u.test(s));
    if (language === 'en') {
      expect(han).toEqual([]);
    } else {
      expect(policy.roles.every((r) => /\p{Script=Han}/u.test(r.name))).toBe(true);
      // A folded YAML line leaves a space between two Chinese characters, which shows in the document.
      expect(han.filter((s) => /[\p{Script=Han}，。；、：）”]\s+[\p{Script=Han}（“]/u.test(s))).toEqual([]);
    }
  });

  it('points editors at the schema on its first line', async () => {
    const text = await readFile(file, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/policy.schema.json');
  });
});

describe.each(LANGUAGES)('size rules (%s)', (language) => {
  const file = (size: (typeof SIZES)[number]) => packagePath('presets', `${size}.${language}.yaml`);

  it('small: one person may hold several roles, each role has 3–4 KPIs, no forced distribution, monthly cycle', async () => {
    const policy = await loadPreset(file('small'));
    expect(policy.multi_role).toBe(true);
    for (const role of policy.roles) {
      expect(role.kpis.length, role.id).toBeGreaterThanOrEqual(3);
      expect(role.kpis.length, role.id).toBeLessThanOrEqual(4);
    }
    expect(policy.grades.forced_distribution).toBeUndefined();
    expect(policy.cycles.primary).toBe('monthly');
    expect(policy.roles.every((r) => r.kpis.some((k) => k.kpi === 'csat'))).toBe(true);
  });

  it('medium: roles differ in their KPIs, and grades lead to tiered bonuses and training', async () => {
    const policy = await loadPreset(file('medium'));
    const sets = policy.roles.map((r) => r.kpis.map((k) => k.kpi).sort().join(','));
    expect(new Set(sets).size).toBe(policy.roles.length);
    const coefficients = policy.incentives.bonus.coefficients.map((c) => c.coefficient);
    expect(new Set(coefficients).size).toBe(policy.grades.bands.length);
    expect(policy.incentives.training?.length).toBeGreaterThan(0);
  });

  it('large: forced distribution, cost and quality KPIs, 360° rating, quarterly and annual cycles', async () => {
    const policy = await loadPreset(file('large'));
    const distribution = policy.grades.forced_distribution;
    expect(distribution?.enabled).toBe(true);
    expect(distribution?.min_group_size).toBeGreaterThan(1);

    const used = new Set(policy.roles.flatMap((r) => r.kpis.map((k) => k.kpi)));
    const costKpis = policy.kpis.filter((k) => k.unit === 'currency' && used.has(k.id));
    expect(costKpis.map((k) => k.id)).toContain('cost_per_ticket');
    for (const quality of ['reopen_rate', 'complaint_rate', 'first_time_fix_rate']) expect(used.has(quality), quality).toBe(true);

    expect(policy.qualitative.raters.map((r) => r.type).sort()).toEqual(['customer', 'peer', 'self', 'supervisor']);
    expect(policy.cycles.primary).toBe('quarterly');
    expect(policy.cycles.also).toContain('annual');
  });
});

describe.each(SIZES)('%s preset in both languages', (size) => {
  it('has the same KPIs, roles, weights, targets, floors and rules in Chinese and English', async () => {
    const [zh, en] = await Promise.all(LANGUAGES.map((language) => loadPreset(packagePath('presets', `${size}.${language}.yaml`))));
    if (!zh || !en) throw new Error('both languages must load');
    // The headline items first, so a drift reads plainly in the failure.
    const headline = (p: Policy) => ({
      kpis: p.kpis.map((k) => ({ id: k.id, target: k.target, floor: k.floor })),
      roles: p.roles.map((r) => ({ id: r.id, kpis: r.kpis.map((k) => ({ kpi: k.kpi, weight: k.weight, target: k.target, floor: k.floor })) })),
    });
    expect(headline(en)).toEqual(headline(zh));
    expect(withoutLanguage(en)).toEqual(withoutLanguage(zh));
  });
});
