import { beforeAll, describe, expect, it } from 'vitest';
import { loadPreset } from '../../test/helpers/presets.js';
import { checkPolicyObject } from '../policy/load-policy.js';
import type { Policy } from '../policy/policy.generated.js';
import { buildPolicyView, partyAsSubject, partyInHeading, type ChapterId } from './policy-view.js';
import { toChineseNumeral } from '../text/chinese-numerals.js';

let medium: Policy;
beforeAll(async () => {
  medium = await loadPreset('medium.zh-CN');
});

/** The medium preset changed by `edit`, checked to be still a valid policy. */
function variant(edit: (p: Policy) => void): Policy {
  const copy = structuredClone(medium);
  edit(copy);
  const checked = checkPolicyObject(copy);
  if (!checked.ok) throw new Error(JSON.stringify(checked.diagnostics, null, 2));
  return checked.value;
}

const chapterNumbers = (p: Policy) => buildPolicyView(p).chapters.map((c) => `${c.number} ${c.id}`);

describe('the policy view: chapters and articles', () => {
  it('numbers the eleven chapters of a complete policy 第一章 … 第十一章', () => {
    expect(chapterNumbers(medium)).toEqual([
      '第一章 general',
      '第二章 duties',
      '第三章 goals',
      '第四章 kpis',
      '第五章 weights',
      '第六章 methods',
      '第七章 scoring',
      '第八章 outcomes',
      '第九章 appeal',
      '第十章 process',
      '第十一章 supplementary',
    ]);
  });

  it('numbers articles continuously across chapters: 第一条 目的, 第二条 适用范围, 第三条 术语与定义, then one per responsible party', () => {
    const view = buildPolicyView(medium);
    expect(view.article.purpose?.number).toBe('第一条');
    expect(view.article.scope?.number).toBe('第二条');
    expect(view.article.definitions?.number).toBe('第三条');
    expect(view.responsibilities.map((r) => r.number)).toEqual(['第四条', '第五条', '第六条', '第七条', '第八条', '第九条']);
    expect(view.article.goals?.number).toBe('第十条');
    expect(view.article.effective?.number).toBe(`第${toChineseNumeral(view.articleCount)}条`);
  });

  const removals: [string, (p: Policy) => void, ChapterId | null][] = [
    ['responsibilities', (p) => delete p.responsibilities, 'duties'],
    ['goals', (p) => delete p.goals, 'goals'],
    ['process', (p) => delete p.process, 'process'],
    ['definitions', (p) => delete p.definitions, null],
  ];

  it.each(removals)('leaves out what %s would give, and closes up the numbers after it', (_name, edit, chapter) => {
    const full = buildPolicyView(medium);
    const reduced = buildPolicyView(variant(edit));
    if (chapter) {
      expect(reduced.chapter[chapter]).toBeNull();
      expect(reduced.chapters).toHaveLength(full.chapters.length - 1);
      // Still 第一章 … 第N章 without a gap.
      expect(reduced.chapters.map((c) => c.number)).toEqual(reduced.chapters.map((_, i) => `第${toChineseNumeral(i + 1)}章`));
    } else {
      expect(reduced.chapters).toHaveLength(full.chapters.length);
    }
    expect(reduced.articleCount).toBeLessThan(full.articleCount);
    expect(reduced.article.effective?.number).toBe(`第${toChineseNumeral(reduced.articleCount)}条`);
  });

  it('with every optional part gone, keeps the eight chapters a policy always has', () => {
    const bare = variant((p) => {
      delete p.definitions;
      delete p.responsibilities;
      delete p.goals;
      delete p.process;
      p.vetoes = [];
      p.point_items = [];
      p.penalties = [];
      delete p.incentives.promotion;
      delete p.incentives.honours;
      delete p.incentives.training;
      delete p.incentives.development;
      delete p.appeal.escalation;
      delete p.appeal.effect;
      p.supplementary = {};
      p.data_sources = {};
    });
    const view = buildPolicyView(bare);
    expect(view.chapters.map((c) => `${c.number} ${c.id}`)).toEqual([
      '第一章 general',
      '第二章 kpis',
      '第三章 weights',
      '第四章 methods',
      '第五章 scoring',
      '第六章 outcomes',
      '第七章 appeal',
      '第八章 supplementary',
    ]);
    for (const id of ['definitions', 'goals', 'dataSources', 'points', 'vetoes', 'promotion', 'honours', 'training', 'development', 'penalties', 'appealEscalation', 'appealEffect', 'repeals', 'process'] as const) {
      expect(view.article[id], id).toBeNull();
    }
    // 解释权 falls back to the owning department; 生效 and the democratic procedure are always there.
    expect(view.supplementary.interpretation).toBe(medium.meta.department);
    expect(view.article.democraticProcedure).not.toBeNull();
    expect(view.article.effective?.number).toBe(`第${toChineseNumeral(view.articleCount)}条`);
  });

  it('numbers extra supplementary provisions as articles of their own', () => {
    const view = buildPolicyView(variant((p) => (p.supplementary.extra = ['其他一', '其他二'])));
    const base = buildPolicyView(medium);
    expect(view.supplementary.extra.map((e) => e.number)).toHaveLength(2);
    expect(view.articleCount).toBe(base.articleCount + 2);
  });

  it('writes English numbering for an English policy', () => {
    const view = buildPolicyView(variant((p) => (p.meta.language = 'en')));
    expect(view.chapters[0]?.number).toBe('Chapter 1');
    expect(view.article.scope?.number).toBe('Article 2');
    expect(view.appendix.appealForm?.number).toBe('Appendix 2');
    expect(view.effectiveDate).toBe('1 January 2026');
  });
});

describe('the policy view: values', () => {
  it('formats targets with direction and unit, and the weight matrix with team scope', () => {
    const view = buildPolicyView(medium);
    const csat = view.kpis.find((k) => k.id === 'csat');
    expect(csat?.target).toBe('≥ 95%');
    expect(view.kpis.find((k) => k.id === 'first_response_minutes')?.target).toBe('≤ 30 分钟');
    expect(view.weightMatrix.roles).toEqual(['客服专员', '维修技术员', '服务主管']);
    const csatRow = view.weightMatrix.rows.find((r) => r.kpi === '客户满意度');
    expect(csatRow?.cells).toEqual(['30%', '25%', '30%（班组）']);
    expect(view.weightMatrix.totals).toEqual(['100%', '100%', '100%']);
  });

  it('states triggers, veto effects and grade ranges in words', () => {
    const view = buildPolicyView(medium);
    expect(view.penalties.map((p) => p.trigger)).toEqual(['月度考核为 D 级', '连续两个月考核为 D 级', '连续两个月考核为 D 级', '连续两个季度考核为 D 级']);
    expect(view.vetoes[0]?.effect).toBe('当期等级最高为 C 级，取消当期绩效奖金');
    expect(view.grades[0]?.range).toBe('得分 ≥ 90');
    expect(view.grades[1]?.range).toBe('80 ≤ 得分 < 90');
    expect(view.control.effectiveDate).toBe('2026年1月1日');
  });
});

describe('which time places a KPI in a period', () => {
  it('a KPI of one’s own over tickets without placed_by is placed by resolution, as the evaluator places it', () => {
    const custom = variant((p) => {
      p.kpis.push({ ...p.kpis.find((k) => k.id === 'tickets_resolved')!, id: 'urgent_resolved', name: '加急工单解决量', compute: { from: 'tickets', aggregate: 'count', where: [{ field: 'priority', equals: '加急' }] } });
      delete (p.kpis.at(-1) as { placed_by?: string }).placed_by;
      const agent = p.roles.find((r) => r.id === 'agent')!;
      agent.kpis = agent.kpis.map((k) => (k.kpi === 'tickets_resolved' ? { ...k, kpi: 'urgent_resolved' } : k));
    });
    const data = buildPolicyView(custom).data;
    expect(data.byResolution).toContain('加急工单解决量');
    expect(data.byCreation).not.toContain('加急工单解决量');
  });
});

describe('the policy view: how ratings become a score', () => {
  it('states the formula with a worked example on the policy’s scale — the middle rating is 50, not 60', () => {
    const { ratingFormula } = buildPolicyView(medium).qualitative;
    expect(ratingFormula).toContain('项目得分 =（平均分 − 1）÷（5 − 1）× 100');
    expect(ratingFormula).toContain('（3 − 1）÷ 4 × 100 = 50 分（不是 3 ÷ 5 × 100 = 60 分）');
    const tenPoint = variant((p) => {
      p.qualitative.scale = { min: 0, max: 10 };
    });
    // On a scale from 0 the formula is the plain share, and no "not …" is said.
    expect(buildPolicyView(tenPoint).qualitative.ratingFormula).toContain('（5 − 0）÷ 10 × 100 = 50 分。');
  });

  it('words the anonymity rule as scoring applies it: per item, naming only the rater types the policy has', () => {
    expect(buildPolicyView(medium).qualitative.anonymityRule).toBe(
      '为保护评价人匿名，同事对某一项目的评价人少于 3 人的，该项目的同事评价不予采用，其权重分给该类评价人评价的其他项目；没有一个项目达到 3 人的，该类评价人的评价不予采用。',
    );
    const withSubordinates = variant((p) => {
      p.qualitative.raters = [
        { type: 'supervisor', weight: 50 },
        { type: 'peer', weight: 25 },
        { type: 'subordinate', weight: 25 },
      ];
    });
    expect(buildPolicyView(withSubordinates).qualitative.anonymityRule).toContain('同事或下属对某一项目的评价人少于 3 人的');
    const noneAnonymous = variant((p) => {
      p.qualitative.raters = [
        { type: 'supervisor', weight: 60 },
        { type: 'customer', weight: 40 },
      ];
      for (const role of p.roles) delete role.raters;
    });
    expect(buildPolicyView(noneAnonymous).qualitative.anonymityRule).toBe('');
  });
});

describe('an English party in its article heading', () => {
  it.each([
    ['After-Sales Service Manager', 'the After-Sales Service Manager', 'The After-Sales Service Manager'],
    ['Every employee', 'every employee', 'Every employee'],
    ['Service supervisors (team leads)', 'the Service Supervisors (team leads)', 'The Service Supervisors'],
    ['Data operations team', 'the Data Operations Team', 'The Data Operations Team'],
    ['Head of quality', 'the Head of Quality', 'The Head of Quality'],
    ['The board', 'The Board', 'The Board'],
    ['售后服务部经理', '售后服务部经理', '售后服务部经理'],
  ])('%s: Responsibilities of %s; %s: …', (party, heading, subject) => {
    expect(partyInHeading(party)).toBe(heading);
    expect(partyAsSubject(party)).toBe(subject);
  });
});
