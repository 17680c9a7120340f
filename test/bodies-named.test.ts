// A document names only bodies the company has: every department, post or committee the
// policy document (articles, forms, the appeal form) or a result notice (its result, appeal
// routing and signature block) names is one the policy's own duties list (responsibilities)
// names. Checked for every preset in both languages, against a vocabulary of the bodies a
// template or a preset could name — the small company has no 人力资源部 and no 部门经理.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Policy } from '../src/policy/policy.generated.js';
import { renderPolicyMarkdown } from '../src/render/render-policy.js';
import { readTemplateSet, type TemplateSet } from '../src/render/templates.js';
import { buildNoticeView } from '../src/report/notice-view.js';
import { renderNoticeMarkdown } from '../src/report/render-notice.js';
import { scoreEvaluation } from '../src/scoring/score-evaluation.js';
import { loadPreset, presetNames } from './helpers/presets.js';
import { makeEvaluation, type PersonInput } from './helpers/scoring-fixtures.js';

/** Company bodies (departments, posts, committees) by language; relations such as 直属上级 / line manager are not bodies. */
const BODIES = {
  'zh-CN': ['人力资源部', '人力资源', '部门经理', '总经理', '财务部', '质量管理部', '培训中心', '数据运营组', '售后服务部经理', '客户服务中心总监', '区域服务经理', '售后负责人', '行政人事', '售后数据专员', '绩效管理委员会', 'HRBP'],
  en: ['Human Resources', 'HR Department', 'Department manager', 'General Manager', 'Finance Department', 'Quality Management', 'Training Centre', 'Data operations', 'After-Sales Service Manager', 'Customer Service Centre Director', 'Regional service manager', 'After-sales manager', 'HR officer', 'After-sales data officer', 'Performance Management Committee', 'HRBP'],
} as const;

const templates: Partial<Record<string, TemplateSet>> = {};
beforeAll(async () => {
  templates['zh-CN'] = await readTemplateSet('zh-CN');
  templates.en = await readTemplateSet('en');
});

/** Notices of one person assessed and one not, published when the holiday data runs out (the notice then says whom to ask). */
function notices(policy: Policy): string[] {
  const role = policy.roles[0]!;
  const atTarget = Object.fromEntries(role.kpis.map((k) => [k.kpi, k.target ?? policy.kpis.find((x) => x.id === k.kpi)!.target]));
  const people: PersonInput[] = [
    { id: 'E1', name: '张伟', role: role.id, kpis: atTarget },
    { id: 'E2', name: '李娜', role: role.id, kpis: {} },
  ];
  const report = scoreEvaluation({ policy, policyFile: { path: 'p', sha256: '0' }, evaluation: makeEvaluation(policy, people), resultDate: '2026-12-28', language: policy.meta.language, toolVersion: 't' });
  return report.staff.map((person) => renderNoticeMarkdown(buildNoticeView(report, person, policy), templates[policy.meta.language]!));
}

describe('every body a document names is in the policy’s duties list', () => {
  it.each(presetNames())('%s: the policy document and its notices', async (name) => {
    const policy = await loadPreset(name);
    const parties = (policy.responsibilities ?? []).map((r) => r.party.toLowerCase());
    expect(parties.length).toBeGreaterThan(0);
    const texts = { policy: renderPolicyMarkdown(policy, templates[policy.meta.language]!), notice: notices(policy).join('\n') };
    const strays: string[] = [];
    for (const [where, text] of Object.entries(texts)) {
      for (const body of BODIES[policy.meta.language]) {
        if (text.toLowerCase().includes(body.toLowerCase()) && !parties.some((p) => p.includes(body.toLowerCase()))) strays.push(`${where}: ${body}`);
      }
    }
    expect(strays).toEqual([]);
  });
});
