// Policy → the YAML text a manager will open and edit: a `$schema` line for editor
// completion, a header, a short comment above each section in the policy's language, and
// small records on one line as the presets write them. Only layout, comments and a default
// the loader fills back in are changed: the text parses back to exactly the policy given
// (a test holds it to that). Pure.
import { Document, isMap, isScalar, isSeq, Scalar, type Node, type Pair } from 'yaml';
import { t, type MessageCode } from '../i18n/catalogue.js';
import type { Policy } from '../policy/policy.generated.js';
import { nextCommands } from './next-steps.js';

export interface PolicyYamlOptions {
  /**
   * Where editors find policy.schema.json, as seen from the written file; by default the
   * copy `aspm init` writes beside it, which still resolves after the two are moved.
   */
  readonly schemaRef?: string;
  /** The day the file is generated (YYYY-MM-DD), named in the header. */
  readonly generatedOn: string;
  /** The file's name (without folders), for the commands the header suggests; default policy.yaml. */
  readonly fileName?: string;
  /** Roles whose bonus base the wizard estimated: a comment asks for the real figure. */
  readonly estimatedBonusBases?: readonly string[];
  /** Explanations of what the situation changed, listed above the roles. */
  readonly adjustments?: readonly { readonly code: MessageCode; readonly params: Readonly<Record<string, unknown>>; readonly kept: boolean }[];
}

/** The schema file `aspm init` writes next to the policy (a relative reference, so it travels with it). */
export const POLICY_SCHEMA_BESIDE = './policy.schema.json';

const SECTION_COMMENTS: Readonly<Record<string, MessageCode>> = {
  meta: 'comment-meta',
  purpose: 'comment-purpose',
  responsibilities: 'comment-responsibilities',
  goals: 'comment-goals',
  kpis: 'comment-kpis',
  roles: 'comment-roles',
  multi_role: 'comment-multi-role',
  qualitative: 'comment-qualitative',
  vetoes: 'comment-vetoes',
  point_items: 'comment-point-items',
  cycles: 'comment-cycles',
  grades: 'comment-grades',
  incentives: 'comment-incentives',
  penalties: 'comment-penalties',
  appeal: 'comment-appeal',
  process: 'comment-process',
  evaluation: 'comment-evaluation',
  data_sources: 'comment-data-sources',
  supplementary: 'comment-supplementary',
  document: 'comment-document',
};

/** Records written on one line (`*` stands for any list index or key). */
const FLOW_PATHS = [
  'kpis.*.sla',
  'kpis.*.scoring',
  'roles.*.kpis.*',
  'roles.*.raters.*',
  'roles.*.qualitative_items',
  'qualitative.scale',
  'qualitative.raters.*',
  'vetoes.*.count',
  'vetoes.*.effect',
  'point_items.*.count',
  'cycles.also',
  'grades.bands.*',
  'grades.forced_distribution.shares.*',
  'incentives.bonus.coefficients.*',
  'incentives.promotion.when',
  'incentives.honours.*.when',
  'incentives.training.*.when',
  'penalties.*.when',
  'appeal.reviewers',
  'evaluation.working_hours.*',
  'evaluation.satisfaction',
  'data_sources.*.columns',
].map((p) => p.split('.'));

/** Strings that other YAML readers (YAML 1.1) would take for dates or times. */
const LOOKS_LIKE_TIME = /^(\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}(:\d{2})?)$/;

export function renderPolicyYaml(policy: Policy, options: PolicyYamlOptions): string {
  const language = policy.meta.language;
  const say = (code: MessageCode, params: Readonly<Record<string, unknown>> = {}) => t(language, code, params);
  const doc = new Document(policy);

  layout(doc.contents as Node | null, []);

  doc.commentBefore = commentText([
    `yaml-language-server: $schema=${options.schemaRef ?? POLICY_SCHEMA_BESIDE}`,
    '',
    say('comment-header-title', { company: policy.meta.company, title: policy.meta.title }),
    say('comment-header-generated', { date: options.generatedOn, size: { $t: `size-${policy.meta.size}` } }),
    say('comment-header-edit', nextCommands(options.fileName ?? 'policy.yaml', policy.meta.title)),
    say('comment-header-calibrate'),
  ]);

  const root = doc.contents;
  if (isMap(root)) {
    for (const pair of root.items as Pair<Scalar, Node>[]) {
      const key = String(pair.key.value);
      const lines: string[] = [];
      const code = SECTION_COMMENTS[key];
      if (code) lines.push(say(code));
      if (key === 'roles' && options.adjustments && options.adjustments.length > 0) {
        lines.push('', say('comment-adjustments'));
        for (const a of options.adjustments) lines.push(`- ${say(a.code, a.params)}${a.kept ? '' : say('adjustment-undone')}`);
      }
      if (lines.length > 0) {
        pair.key.commentBefore = commentText(lines);
        pair.key.spaceBefore = true;
      }
      if (key === 'roles' && isSeq(pair.value)) {
        pair.value.items.forEach((item, index) => {
          const role = policy.roles[index];
          if (!role || !isMap(item)) return;
          const note = options.estimatedBonusBases?.includes(role.id) && role.bonus_base > 0 ? say('comment-role-bonus-estimated', { base: role.bonus_base }) : role.bonus_base === 0 ? say('comment-new-role') : undefined;
          if (note) (item as { commentBefore?: string }).commentBefore = commentText([note]);
        });
      }
    }
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

function commentText(lines: readonly string[]): string {
  return lines.map((line) => (line === '' ? '' : ` ${line}`)).join('\n');
}

function matches(path: readonly string[], pattern: readonly string[]): boolean {
  return path.length === pattern.length && pattern.every((segment, i) => segment === '*' || segment === path[i]);
}

function layout(node: Node | null, path: readonly string[]): void {
  if (isScalar(node)) {
    if (typeof node.value === 'string' && LOOKS_LIKE_TIME.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    return;
  }
  if (isMap(node) || isSeq(node)) {
    if (path.length > 0 && FLOW_PATHS.some((pattern) => matches(path, pattern))) node.flow = true;
    // `scope: individual` is the default on every role KPI; only `team` says something.
    if (isMap(node) && matches(path, ['roles', '*', 'kpis', '*']) && node.get('scope') === 'individual') node.delete('scope');
    if (isMap(node)) {
      for (const pair of node.items) layout(pair.value as Node | null, [...path, String((pair.key as Scalar).value)]);
    } else {
      node.items.forEach((item) => layout(item as Node | null, [...path, '*']));
    }
  }
}
