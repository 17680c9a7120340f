// The policy as its document presents it: which chapters, articles and appendices it has,
// numbered as text (第一章, 第一条 continuous across chapters, 附件一), and every value
// formatted in the document's language. Templates only arrange and word what this gives;
// a part the policy leaves out is null or empty here, so it is left out of the document and
// the numbers after it close up. Pure: Policy in, plain data out.
import { t } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { builtinKpi } from '../policy/kpi-catalogue.js';
import { itemsOfRoles, rescalesItems, roleItemWeights } from '../policy/item-weights.js';
import type { Kpi, Policy, RaterWeight, Role } from '../policy/policy.generated.js';
import { ON_HOLD_KPIS, onHoldSource } from '../policy/ticket-field-kinds.js';
import {
  cycleLabel,
  formatDate,
  formatNumber,
  formatPercent,
  formatScoreRange,
  formatScoring,
  formatTarget,
  formatTimezone,
  formatTrigger,
  formatUnit,
  formatValue,
  formatVetoEffect,
  gradeLabel,
  joinAlternatives,
  joinList,
  maxScore,
} from './document-values.js';

/** A numbered part: 第一章 / Chapter 1, 第三条 / Article 3, 附件一 / Appendix 1. */
export interface Numbered {
  readonly number: string;
}

const CHAPTERS = [
  'general',
  'duties',
  'goals',
  'kpis',
  'weights',
  'methods',
  'scoring',
  'outcomes',
  'appeal',
  'process',
  'supplementary',
] as const;
export type ChapterId = (typeof CHAPTERS)[number];

export const ARTICLES = [
  'purpose',
  'scope',
  'definitions',
  'goals',
  'goalBreakdown',
  'kpiList',
  'dataRules',
  'dataSources',
  'composition',
  'weightMatrix',
  'roleTargets',
  'multiRole',
  'cycles',
  'quantitative',
  'qualitative',
  'raters',
  'points',
  'vetoes',
  'kpiScoring',
  'missingData',
  'total',
  'grades',
  'forcedDistribution',
  'bonus',
  'promotion',
  'honours',
  'training',
  'development',
  'penalties',
  'appealFiling',
  'appealReview',
  'appealEffect',
  'appealEscalation',
  'appealProtection',
  'process',
  'interpretation',
  'democraticProcedure',
  'repeals',
  'effective',
] as const;
export type ArticleId = (typeof ARTICLES)[number];

export const APPENDICES = ['forms', 'appealForm'] as const;
export type AppendixId = (typeof APPENDICES)[number];

export interface KpiView {
  readonly no: number;
  readonly id: string;
  readonly name: string;
  readonly definition: string;
  readonly formula: string;
  readonly unit: string;
  readonly target: string;
  /** The target as a threshold without its unit (≥ 95), for a table with a unit column. */
  readonly targetNumber: string;
  readonly floor: string;
  readonly dataSource: string;
  readonly cycle: string;
  readonly scoring: string;
  readonly maxScore: string;
  readonly minSamples: number;
}

export interface RoleKpiView {
  readonly no: number;
  readonly name: string;
  readonly weight: string;
  readonly target: string;
  readonly floor: string;
  readonly dataSource: string;
  readonly team: boolean;
}

export interface RaterView {
  /** As in a sentence: 上级 / supervisor. */
  readonly label: string;
  /** As a column heading: 上级 / Supervisor. */
  readonly heading: string;
  /** In a running sentence: 上级 / the supervisor. */
  readonly inText: string;
  readonly weight: string;
}

export interface QualitativeItemView {
  readonly no: number;
  readonly name: string;
  readonly weight: string;
  readonly description: string;
}

export interface RoleView {
  readonly no: number;
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly quantitativeShare: string;
  readonly qualitativeShare: string;
  readonly hasQualitative: boolean;
  readonly bonusBase: string;
  readonly kpis: readonly RoleKpiView[];
  /** Every KPI of the role is computed over the person's team (a supervisor's). */
  readonly allTeam: boolean;
  /** Some, not all, of the role's KPIs are computed over the person's team. */
  readonly someTeam: boolean;
  /** The role's items with the weights it is scored with (adding up to 100). */
  readonly qualitativeItems: readonly QualitativeItemView[];
  /** The role rates some of the items, whose weights are rescaled to 100. */
  readonly itemsRescaled: boolean;
  readonly raters: readonly RaterView[];
  readonly ratersText: string;
  /** Set when the role has its own qualitative items or raters: how they differ. */
  readonly ownItems: string;
  readonly ownRaters: string;
}

export interface PolicyView {
  readonly language: Language;
  readonly company: string;
  readonly title: string;
  readonly fullTitle: string;
  readonly control: {
    readonly documentNo: string;
    readonly revision: string;
    readonly effectiveDate: string;
    readonly department: string;
  };
  readonly chapter: Readonly<Record<ChapterId, Numbered | null>>;
  readonly article: Readonly<Record<ArticleId, Numbered | null>>;
  readonly appendix: Readonly<Record<AppendixId, Numbered | null>>;
  /** Chapters in order, for a table of contents or a check of the numbering. */
  readonly chapters: readonly (Numbered & { readonly id: ChapterId })[];
  readonly articleCount: number;

  readonly purpose: string;
  readonly scope: string;
  readonly definitions: readonly { readonly term: string; readonly definition: string }[];
  readonly responsibilities: readonly (Numbered & {
    readonly party: string;
    /** The party as an English heading says it: the After-Sales Service Manager, every employee. */
    readonly partyHeading: string;
    /** The party, without its note in brackets, as the subject its duties follow: The General Manager. */
    readonly partySubject: string;
    readonly duties: readonly string[];
  })[];
  readonly goals: readonly { readonly description: string; readonly kpi: string; readonly target: string }[];
  readonly kpis: readonly KpiView[];
  /**
   * The cycle every KPI is assessed on, when they share one (月度), else empty: the KPI
   * table then states it once in its lead-in instead of a column that repeats it per row.
   */
  readonly kpiCycle: string;
  readonly data: {
    readonly business: boolean;
    readonly workingHours: string;
    readonly holidaysCn: boolean;
    /** The policy's holidays file as it names it, or empty. */
    readonly holidaysFile: string;
    /** KPIs whose time limit is in days or working days, with the limit (响应及时率 2 个工作日), or empty. */
    readonly slaDays: string;
    readonly slaWorkingDays: boolean;
    readonly slaCalendarDays: boolean;
    readonly satisfactionTopBox: boolean;
    readonly scaleMin: string;
    readonly scaleMax: string;
    readonly goodAtLeast: string;
    readonly usesSatisfaction: boolean;
    readonly byCreation: string;
    readonly byResolution: string;
    readonly timezone: string;
    /** The sentence saying which KPIs exclude time on hold and where it is read from; '' when the policy maps none. */
    readonly onHold: string;
  };
  readonly dataSources: readonly { readonly kind: string; readonly system: string; readonly owner: string }[];
  readonly roles: readonly RoleView[];
  readonly weightMatrix: {
    readonly roles: readonly string[];
    readonly rows: readonly { readonly kpi: string; readonly cells: readonly string[] }[];
    readonly totals: readonly string[];
  };
  readonly anyTeamScope: boolean;
  readonly roleTargets: readonly { readonly role: string; readonly kpi: string; readonly target: string; readonly floor: string }[];
  readonly cycles: {
    readonly primary: string;
    readonly also: string;
    readonly hasLonger: boolean;
    readonly average: boolean;
  };
  readonly qualitative: {
    readonly scaleMin: string;
    readonly scaleMax: string;
    readonly items: readonly QualitativeItemView[];
    readonly raters: readonly RaterView[];
    readonly ratersText: string;
    /** 同事或下属 / peers or subordinates: raters whose ratings need a minimum number; '' when none. */
    readonly anonymousRaters: string;
    readonly minPeerRatings: number;
    /** The anonymity rule in words ('' when no rater is anonymous): the one text the policy and the notices quote. */
    readonly anonymityRule: string;
    /** How a rating becomes a score out of 100, with a worked example on the policy's scale. */
    readonly ratingFormula: string;
    readonly roleOverrides: readonly { readonly role: string; readonly items: string; readonly rescaled: boolean; readonly raters: string }[];
    /** Some role rates only some of the items, with their weights rescaled (the document says how). */
    readonly anyRescaled: boolean;
  };
  readonly points: readonly {
    readonly no: number;
    readonly name: string;
    readonly description: string;
    readonly bonus: boolean;
    readonly perEvent: string;
    readonly cap: string;
  }[];
  readonly vetoes: readonly { readonly no: number; readonly name: string; readonly description: string; readonly threshold: string; readonly effect: string }[];
  readonly scoring: {
    readonly linear: boolean;
    readonly linearCap: boolean;
    readonly bands: boolean;
    readonly passFail: boolean;
    readonly redistribute: boolean;
    readonly neutralScore: string;
    /** The least share of weight scored from data for a grade, as text ('' when none). */
    readonly minScoredWeight: string;
  };
  readonly grades: readonly { readonly grade: string; readonly label: string; readonly range: string; readonly description: string }[];
  readonly forcedDistribution: {
    readonly byRole: boolean;
    readonly minGroupSize: number;
    readonly shares: readonly { readonly grade: string; readonly percent: string }[];
    readonly sharesText: string;
  } | null;
  readonly bonus: {
    readonly description: string;
    readonly paid: string;
    readonly coefficients: readonly { readonly grade: string; readonly label: string; readonly coefficient: string }[];
    readonly bases: readonly { readonly role: string; readonly base: string }[];
    readonly baseUnit: string;
  };
  readonly promotion: { readonly name: string; readonly description: string; readonly trigger: string } | null;
  readonly honours: readonly { readonly name: string; readonly description: string; readonly trigger: string }[];
  readonly training: readonly { readonly name: string; readonly description: string; readonly trigger: string }[];
  readonly development: readonly string[];
  readonly penalties: readonly {
    readonly no: number;
    readonly name: string;
    readonly kind: string;
    readonly trigger: string;
    readonly description: string;
  }[];
  readonly hasPayDeduction: boolean;
  readonly hasDemotion: boolean;
  readonly appeal: {
    readonly channel: string;
    /** The channel already names the appeal form's appendix: the article need not say it again. */
    readonly channelNamesForm: boolean;
    /** The channel already asks for evidence (证明材料): the article need not ask twice. */
    readonly channelAsksEvidence: boolean;
    readonly fileDays: number;
    readonly answerDays: number;
    readonly reviewers: string;
    readonly escalation: string;
    readonly effect: string;
  };
  readonly process: readonly { readonly no: number; readonly name: string; readonly description: string; readonly owner: string; readonly due: string }[];
  readonly supplementary: {
    readonly interpretation: string;
    readonly repeals: string;
    readonly extra: readonly (Numbered & { readonly text: string })[];
  };
  readonly effectiveDate: string;
}

/** Hands out numbers in document order; a part that is absent takes none. */
class Numbering {
  private count = 0;
  constructor(
    private readonly language: Language,
    private readonly code: 'doc-chapter-number' | 'doc-article-number' | 'doc-appendix-number',
  ) {}
  next(): Numbered {
    this.count += 1;
    return { number: t(this.language, this.code, { n: this.count }) };
  }
  when(present: boolean): Numbered | null {
    return present ? this.next() : null;
  }
  get total(): number {
    return this.count;
  }
}

function raterViews(language: Language, raters: readonly RaterWeight[]): RaterView[] {
  return raters.map((r) => {
    const label = t(language, `doc-rater-${r.type}`);
    return { label, heading: label.charAt(0).toUpperCase() + label.slice(1), inText: t(language, `doc-rater-in-text-${r.type}`), weight: formatPercent(language, r.weight) };
  });
}

function ratersText(language: Language, raters: readonly RaterView[]): string {
  return joinList(
    language,
    raters.map((r) => t(language, 'doc-rater-weight', { rater: r.inText, weight: r.weight })),
  );
}

/** The rating formula with the scale's middle as the example: 3 on 1–5 is 50, not the 60 people expect. */
function ratingFormula(language: Language, scale: { readonly min: number; readonly max: number }): string {
  const span = scale.max - scale.min;
  const example = scale.min + span / 2;
  return t(language, 'doc-rating-formula', {
    min: formatNumber(scale.min),
    max: formatNumber(scale.max),
    span: formatNumber(span),
    example: formatNumber(example),
    exampleScore: formatNumber(((example - scale.min) / span) * 100),
    naive: formatNumber((example / scale.max) * 100),
  });
}

const DATA_SOURCE_KINDS = ['tickets', 'roster', 'ratings', 'metrics'] as const;

/** Builds the view of a valid policy (one `readPolicy` or `parsePolicy` accepted). */
export function buildPolicyView(policy: Policy): PolicyView {
  const language = policy.meta.language;
  const { meta } = policy;
  const currency = meta.currency;
  const primary = policy.cycles.primary;
  const kpiById = new Map(policy.kpis.map((k) => [k.id, k]));
  const kpiName = (id: string) => kpiById.get(id)?.name ?? id;
  const value = (n: number, kpi: Kpi) => formatValue(language, n, kpi.unit, currency);
  /** A role's target and floor of a KPI: its own where it sets them, else the KPI's. */
  const roleLimits = (rk: Role['kpis'][number]) => {
    const kpi = kpiById.get(rk.kpi);
    return {
      target: kpi ? formatTarget(language, rk.target ?? kpi.target, kpi.unit, kpi.direction, currency) : '',
      floor: kpi ? value(rk.floor ?? kpi.floor, kpi) : '',
    };
  };

  const definitions = policy.definitions ?? [];
  const responsibilities = policy.responsibilities ?? [];
  const goals = policy.goals ?? [];
  const processSteps = policy.process ?? [];
  const incentives = policy.incentives;
  const honours = incentives.honours ?? [];
  const training = incentives.training ?? [];
  const development = incentives.development ?? [];
  const supplementary = policy.supplementary;
  const extra = supplementary.extra ?? [];
  const forced = policy.grades.forced_distribution;
  const forcedOn = forced !== undefined && forced.enabled;
  const usedSources = DATA_SOURCE_KINDS.filter((kind) => {
    const source = policy.data_sources[kind];
    return source !== undefined && (Boolean(source.system) || Boolean(source.owner));
  });
  const roleTargets = policy.roles.flatMap((role) =>
    role.kpis
      .filter((rk) => rk.target !== undefined || rk.floor !== undefined)
      .map((rk) => ({ role: role.name, kpi: kpiName(rk.kpi), ...roleLimits(rk) })),
  );

  // Chapters, articles and appendices, numbered in the order the document presents them.
  const chapters = new Numbering(language, 'doc-chapter-number');
  const articles = new Numbering(language, 'doc-article-number');
  const chapter = {} as Record<ChapterId, Numbered | null>;
  const article = {} as Record<ArticleId, Numbered | null>;

  chapter.general = chapters.next();
  article.purpose = articles.next();
  article.scope = articles.next();
  article.definitions = articles.when(definitions.length > 0);

  chapter.duties = chapters.when(responsibilities.length > 0);
  const responsibilityViews = responsibilities.map((r) => ({
    ...articles.next(),
    party: r.party,
    partyHeading: partyInHeading(r.party),
    partySubject: partyAsSubject(r.party),
    duties: r.duties,
  }));

  chapter.goals = chapters.when(goals.length > 0);
  article.goals = articles.when(goals.length > 0);
  article.goalBreakdown = articles.when(goals.length > 0);

  chapter.kpis = chapters.next();
  article.kpiList = articles.next();
  article.dataRules = articles.next();
  article.dataSources = articles.when(usedSources.length > 0);

  chapter.weights = chapters.next();
  article.composition = articles.next();
  article.weightMatrix = articles.next();
  article.roleTargets = articles.when(roleTargets.length > 0);
  article.multiRole = articles.when(policy.multi_role);

  chapter.methods = chapters.next();
  article.cycles = articles.next();
  article.quantitative = articles.next();
  article.qualitative = articles.next();
  article.raters = articles.next();
  article.points = articles.when(policy.point_items.length > 0);
  article.vetoes = articles.when(policy.vetoes.length > 0);

  chapter.scoring = chapters.next();
  article.kpiScoring = articles.next();
  article.missingData = articles.next();
  article.total = articles.next();
  article.grades = articles.next();
  article.forcedDistribution = articles.when(forcedOn);

  chapter.outcomes = chapters.next();
  article.bonus = articles.next();
  article.promotion = articles.when(incentives.promotion !== undefined);
  article.honours = articles.when(honours.length > 0);
  article.training = articles.when(training.length > 0);
  article.development = articles.when(development.length > 0);
  article.penalties = articles.when(policy.penalties.length > 0);

  chapter.appeal = chapters.next();
  article.appealFiling = articles.next();
  article.appealReview = articles.next();
  article.appealEffect = articles.when(Boolean(policy.appeal.effect));
  article.appealEscalation = articles.when(Boolean(policy.appeal.escalation));
  article.appealProtection = articles.next();

  chapter.process = chapters.when(processSteps.length > 0);
  article.process = articles.when(processSteps.length > 0);

  chapter.supplementary = chapters.next();
  article.interpretation = articles.next();
  article.democraticProcedure = articles.next();
  const extraViews = extra.map((text) => ({ ...articles.next(), text }));
  article.repeals = articles.when(Boolean(supplementary.repeals));
  article.effective = articles.next();

  const appendices = new Numbering(language, 'doc-appendix-number');
  const appendix: Record<AppendixId, Numbered | null> = { forms: appendices.next(), appealForm: appendices.next() };

  const qualitativeItems = policy.qualitative.items.map((item, index) => ({
    no: index + 1,
    name: item.name,
    weight: formatPercent(language, item.weight),
    description: item.description ?? '',
  }));
  const defaultRaters = raterViews(language, policy.qualitative.raters);

  const roles: RoleView[] = policy.roles.map((role, index) => roleView(role, index));
  function roleView(role: Role, index: number): RoleView {
    const own = role.qualitative_items;
    // The weights the role is scored with (item-weights.ts), not the policy-wide ones: a
    // role rating some of the items has theirs rescaled to 100.
    const items = itemsOfRoles(policy.qualitative.items, [role]);
    const weights = roleItemWeights(items, policy.qualitative.items);
    const roleItems = items.map((item, i) => ({ no: i + 1, name: item.name, weight: formatPercent(language, weights[i]!.weight), description: item.description ?? '' }));
    const raters = role.raters ? raterViews(language, role.raters) : defaultRaters;
    return {
      no: index + 1,
      id: role.id,
      name: role.name,
      description: role.description ?? '',
      quantitativeShare: formatPercent(language, role.quantitative_share),
      qualitativeShare: formatPercent(language, 100 - role.quantitative_share),
      hasQualitative: role.quantitative_share < 100,
      bonusBase: role.bonus_base > 0 ? formatValue(language, role.bonus_base, 'currency', currency) : '',
      kpis: role.kpis.map((rk, i) => ({
        no: i + 1,
        name: kpiName(rk.kpi),
        weight: formatPercent(language, rk.weight),
        ...roleLimits(rk),
        dataSource: kpiById.get(rk.kpi)?.data_source ?? '',
        team: rk.scope === 'team',
      })),
      allTeam: role.kpis.every((rk) => rk.scope === 'team'),
      someTeam: role.kpis.some((rk) => rk.scope === 'team') && !role.kpis.every((rk) => rk.scope === 'team'),
      qualitativeItems: roleItems,
      itemsRescaled: rescalesItems(items, policy.qualitative.items),
      raters,
      ratersText: ratersText(language, raters),
      ownItems: own ? joinList(language, roleItems.map((i) => t(language, 'doc-item-weight', { item: i.name, weight: i.weight }))) : '',
      ownRaters: role.raters ? ratersText(language, raters) : '',
    };
  }

  const usedKpiIds = new Set(policy.roles.flatMap((r) => r.kpis.map((k) => k.kpi)));
  // As the evaluator places records (kpi-plan.ts): a KPI of one's own over tickets by resolution unless it says otherwise.
  const placedBy = (kpi: Kpi) => kpi.placed_by ?? builtinKpi(kpi.id)?.placed_by ?? (kpi.compute?.from === 'tickets' ? 'resolved_at' : undefined);
  const usedKpis = policy.kpis.filter((k) => usedKpiIds.has(k.id));
  // Limits in minutes and hours speak for themselves; in days, how a day counts must be said.
  const slaInDays = usedKpis.flatMap((k) => (k.sla && (k.sla.unit === 'days' || k.sla.unit === 'working_days') ? [{ name: k.name, sla: k.sla }] : []));
  const evaluation = policy.evaluation;
  const scale = policy.qualitative.scale;
  const raterTypes = new Set([...policy.qualitative.raters, ...policy.roles.flatMap((r) => r.raters ?? [])].map((r) => r.type));
  // Peers and subordinates rate anonymously, so too few of their ratings are not used.
  const anonymousRaters = (['peer', 'subordinate'] as const).filter((type) => raterTypes.has(type)).map((type) => t(language, `doc-rater-${type}`));
  const scorings = policy.kpis.map((k) => k.scoring);

  return {
    language,
    company: meta.company,
    title: meta.title,
    fullTitle: t(language, 'doc-full-title', { company: meta.company, title: meta.title }),
    control: {
      documentNo: meta.document_no,
      revision: meta.revision,
      effectiveDate: formatDate(language, meta.effective_date),
      department: meta.department,
    },
    chapter,
    article,
    appendix,
    chapters: CHAPTERS.flatMap((id) => {
      const numbered = chapter[id];
      return numbered ? [{ id, ...numbered }] : [];
    }),
    articleCount: articles.total,

    purpose: policy.purpose,
    scope: policy.scope,
    definitions: definitions.map((d) => ({ term: d.term, definition: d.definition })),
    responsibilities: responsibilityViews,
    goals: goals.map((g) => {
        const kpi = g.kpi === undefined ? undefined : kpiById.get(g.kpi);
        return {
          description: g.description,
          kpi: kpi?.name ?? '',
          target: kpi && g.target !== undefined ? formatTarget(language, g.target, kpi.unit, kpi.direction, currency) : '',
        };
      }),
    kpis: policy.kpis.map((kpi, index) => ({
      no: index + 1,
      id: kpi.id,
      name: kpi.name,
      definition: kpi.definition,
      formula: kpi.formula,
      unit: formatUnit(language, kpi.unit, currency),
      target: formatTarget(language, kpi.target, kpi.unit, kpi.direction, currency),
      targetNumber: `${kpi.direction === 'higher' ? '≥' : '≤'} ${formatNumber(kpi.target)}`,
      floor: value(kpi.floor, kpi),
      dataSource: kpi.data_source,
      cycle: cycleLabel(language, kpi.cycle),
      scoring: formatScoring(language, kpi.scoring, kpi.unit),
      maxScore: formatNumber(maxScore(kpi.scoring)),
      minSamples: kpi.min_samples,
    })),
    kpiCycle: new Set(policy.kpis.map((kpi) => kpi.cycle)).size === 1 && policy.kpis[0] ? cycleLabel(language, policy.kpis[0].cycle) : '',
    data: {
      business: evaluation.duration === 'business',
      workingHours: joinList(
        language,
        evaluation.working_hours.map((span) => `${span.start}–${span.end}`),
      ),
      holidaysCn: evaluation.holidays === 'cn',
      holidaysFile: evaluation.holidays_file ?? '',
      slaDays: joinList(
        language,
        slaInDays.map((k) => t(language, 'policy-sla-limit', { kpi: k.name, limit: t(language, k.sla.unit === 'days' ? 'sla-limit-days' : 'sla-limit-working-days', { within: k.sla.within }) })),
      ),
      slaWorkingDays: slaInDays.some((k) => k.sla.unit === 'working_days'),
      slaCalendarDays: slaInDays.some((k) => k.sla.unit === 'days'),
      satisfactionTopBox: evaluation.satisfaction.method === 'top_box',
      scaleMin: formatNumber(evaluation.satisfaction.scale_min),
      scaleMax: formatNumber(evaluation.satisfaction.scale_max),
      goodAtLeast: formatNumber(evaluation.satisfaction.good_at_least),
      usesSatisfaction: usedKpis.some((k) => k.id === 'csat'),
      byCreation: joinList(
        language,
        usedKpis.filter((k) => placedBy(k) === 'created_at').map((k) => k.name),
      ),
      byResolution: joinList(
        language,
        usedKpis.filter((k) => placedBy(k) === 'resolved_at').map((k) => k.name),
      ),
      timezone: formatTimezone(language, meta.timezone),
      onHold: onHoldSentence(language, policy, usedKpis),
    },
    dataSources: usedSources.map((kind) => ({
      kind: t(language, `doc-source-${kind}`),
      system: policy.data_sources[kind]?.system ?? '',
      // A body in running English text takes its article: provided by the After-Sales Data Officer.
      owner: partyInHeading(policy.data_sources[kind]?.owner ?? ''),
    })),
    roles,
    weightMatrix: {
      roles: policy.roles.map((r) => r.name),
      rows: usedKpis.map((kpi) => ({
          kpi: kpi.name,
          cells: policy.roles.map((role) => {
            const rk = role.kpis.find((k) => k.kpi === kpi.id);
            if (!rk) return '—';
            const weight = formatPercent(language, rk.weight);
            return rk.scope === 'team' ? t(language, 'doc-team-scope', { weight }) : weight;
          }),
        })),
      totals: policy.roles.map((role) =>
        formatPercent(
          language,
          role.kpis.reduce((sum, k) => sum + k.weight, 0),
        ),
      ),
    },
    anyTeamScope: policy.roles.some((r) => r.kpis.some((k) => k.scope === 'team')),
    roleTargets,
    cycles: {
      primary: cycleLabel(language, primary),
      also: joinList(
        language,
        policy.cycles.also.filter((c) => c !== primary).map((c) => cycleLabel(language, c)),
      ),
      hasLonger: policy.cycles.also.some((c) => c !== primary),
      average: policy.cycles.longer_cycles === 'average',
    },
    qualitative: {
      scaleMin: formatNumber(scale.min),
      scaleMax: formatNumber(scale.max),
      items: qualitativeItems,
      raters: defaultRaters,
      ratersText: ratersText(language, defaultRaters),
      anonymousRaters: joinAlternatives(language, anonymousRaters),
      minPeerRatings: policy.qualitative.min_peer_ratings,
      anonymityRule:
        anonymousRaters.length === 0 ? '' : t(language, 'doc-anonymity-rule', { raters: joinAlternatives(language, anonymousRaters), min: policy.qualitative.min_peer_ratings }),
      ratingFormula: ratingFormula(language, scale),
      roleOverrides: roles
        .filter((r) => r.ownItems !== '' || r.ownRaters !== '')
        .map((r) => ({ role: r.name, items: r.ownItems, rescaled: r.itemsRescaled, raters: r.ownRaters })),
      anyRescaled: roles.some((r) => r.itemsRescaled),
    },
    points: policy.point_items.map((p, index) => ({
      no: index + 1,
      name: p.name,
      description: p.description ?? '',
      bonus: p.points >= 0,
      perEvent: t(language, 'doc-points-per-event', { sign: p.points >= 0 ? '+' : '−', n: formatNumber(Math.abs(p.points)) }),
      cap: p.cap !== undefined ? t(language, 'doc-points-cap', { n: formatNumber(p.cap) }) : t(language, 'doc-points-no-cap'),
    })),
    vetoes: policy.vetoes.map((v, index) => ({
      no: index + 1,
      name: v.name,
      description: v.description ?? '',
      threshold: t(language, 'doc-veto-threshold', { n: v.at_least }),
      effect: formatVetoEffect(language, v.effect),
    })),
    scoring: {
      linear: scorings.some((s) => s.method === 'linear'),
      linearCap: scorings.some((s) => s.method === 'linear' && (s.cap ?? 100) > 100),
      bands: scorings.some((s) => s.method === 'bands'),
      passFail: scorings.some((s) => s.method === 'pass_fail'),
      redistribute: evaluation.missing_kpi === 'redistribute',
      neutralScore: formatNumber(evaluation.neutral_score),
      minScoredWeight: evaluation.min_scored_weight > 0 ? formatValue(language, evaluation.min_scored_weight, 'percent') : '',
    },
    grades: policy.grades.bands.map((band) => ({
      grade: band.grade,
      label: band.label,
      range: formatScoreRange(language, band.min, band.max, band.max >= 100),
      description: band.description ?? '',
    })),
    forcedDistribution:
      forced && forcedOn
        ? {
            byRole: forced.group_by === 'role',
            minGroupSize: forced.min_group_size,
            shares: forced.shares.map((s) => ({ grade: s.grade, percent: formatPercent(language, s.percent) })),
            sharesText: joinList(
              language,
              forced.shares.map((s) => `${gradeLabel(language, s.grade)} ${formatPercent(language, s.percent)}`),
            ),
          }
        : null,
    bonus: {
      description: incentives.bonus.description ?? '',
      paid: incentives.bonus.paid ? cycleLabel(language, incentives.bonus.paid) : '',
      coefficients: incentives.bonus.coefficients.map((c) => ({
        grade: c.grade,
        label: policy.grades.bands.find((b) => b.grade === c.grade)?.label ?? '',
        coefficient: sameDecimals(c.coefficient, incentives.bonus.coefficients.map((k) => k.coefficient)),
      })),
      bases: policy.roles.filter((r) => r.bonus_base > 0).map((r) => ({ role: r.name, base: formatNumber(r.bonus_base) })),
      baseUnit: formatUnit(language, 'currency', currency),
    },
    promotion: incentives.promotion
      ? {
          name: incentives.promotion.name,
          description: incentives.promotion.description ?? '',
          trigger: formatTrigger(language, incentives.promotion.when, primary),
        }
      : null,
    honours: honours.map((h) => ({ name: h.name, description: h.description ?? '', trigger: formatTrigger(language, h.when, primary) })),
    training: training.map((h) => ({ name: h.name, description: h.description ?? '', trigger: formatTrigger(language, h.when, primary) })),
    development,
    penalties: policy.penalties.map((p, index) => ({
      no: index + 1,
      name: p.name,
      kind: t(language, `doc-penalty-${p.kind}`),
      trigger: formatTrigger(language, p.when, primary),
      description: p.description ?? '',
    })),
    hasPayDeduction: policy.penalties.some((p) => p.kind === 'pay_deduction'),
    hasDemotion: policy.penalties.some((p) => p.kind === 'demotion'),
    appeal: {
      channel: policy.appeal.channel,
      channelNamesForm: appendix.appealForm !== null && squeezed(policy.appeal.channel).includes(squeezed(appendix.appealForm.number)),
      channelAsksEvidence: /证明材料|证据|evidence/iu.test(policy.appeal.channel),
      fileDays: policy.appeal.file_within_days,
      answerDays: policy.appeal.answer_within_days,
      reviewers: joinList(language, policy.appeal.reviewers.map(partyInHeading)),
      escalation: policy.appeal.escalation ?? '',
      effect: policy.appeal.effect ?? '',
    },
    process: processSteps.map((step, index) => ({
      no: index + 1,
      name: step.name,
      description: step.description ?? '',
      owner: step.owner,
      due: step.due,
    })),
    supplementary: {
      interpretation: supplementary.interpretation ?? meta.department,
      repeals: supplementary.repeals ?? '',
      extra: extraViews,
    },
    effectiveDate: formatDate(language, meta.effective_date),
  };
}

/** Text without spaces, to find 附件二 or Appendix 2 however it is spaced. */
function squeezed(text: string): string {
  return text.replace(/\s+/gu, '').toLowerCase();
}

/**
 * A coefficient with as many decimals as the most precise in its column, at least one:
 * 1.0 beside 1.5 and 0.8, not a bare 1 that reads as a different kind of number.
 */
export function sameDecimals(value: number, column: readonly number[]): string {
  const decimals = (n: number) => (formatNumber(n).split('.')[1] ?? '').length;
  return value.toFixed(Math.max(1, ...column.map(decimals)));
}

/** Everyone (every employee, all staff) takes no article and no capital inside a sentence. */
const EVERYONE = /^(every|each|all)\b/iu;
/** Words a title leaves in lower case. */
const MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'for', 'in', 'on', 'at', 'to', 'by', 'with']);

/**
 * An English party (a post or a body) in a heading: "the" before it and its words in title
 * case (Responsibilities of the Service Supervisors (team leads)), or, for everyone, in lower
 * case (Responsibilities of every employee). A note in brackets is left as written. Chinese
 * names pass unchanged.
 */
export function partyInHeading(party: string): string {
  if (!/^[A-Za-z]/u.test(party)) return party;
  if (EVERYONE.test(party)) return party.charAt(0).toLowerCase() + party.slice(1);
  const bracket = party.search(/[(（]/u);
  const [name, note] = bracket < 0 ? [party, ''] : [party.slice(0, bracket), party.slice(bracket)];
  const titled = name.replace(/[A-Za-z][\w'-]*/gu, (word, at: number) =>
    at > 0 && MINOR_WORDS.has(word.toLowerCase()) ? word.toLowerCase() : word.replace(/(^|-)([a-z])/gu, (_, dash: string, c: string) => dash + c.toUpperCase()),
  );
  return `${/^the\b/iu.test(titled) ? '' : 'the '}${titled}${note}`;
}

/** The party without its note in brackets, starting a sentence: The General Manager, Every employee. */
export function partyAsSubject(party: string): string {
  const name = party.replace(/\s*[(（].*$/u, '').trim();
  if (!/^[A-Za-z]/u.test(name)) return name;
  if (EVERYONE.test(name)) return name.charAt(0).toUpperCase() + name.slice(1);
  const heading = partyInHeading(name);
  return heading.charAt(0).toUpperCase() + heading.slice(1);
}

/** Time on hold taken off resolution time: which KPIs, and the export's column it is read from. */
function onHoldSentence(language: Language, policy: Policy, usedKpis: readonly Kpi[]): string {
  const source = onHoldSource(policy.data_sources.tickets);
  const kpis = usedKpis.filter((k) => ON_HOLD_KPIS.has(k.id)).map((k) => k.name);
  if (source === undefined || kpis.length === 0) return '';
  if ('column' in source) return t(language, 'doc-data-on-hold', { kpis: joinList(language, kpis), count: kpis.length, column: source.column });
  return t(language, 'doc-data-on-hold-events', { kpis: joinList(language, kpis), count: kpis.length, states: source.conditions, at: source.at });
}
