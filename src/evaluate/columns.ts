// Which column of an export holds which field. Headers are matched by name, English or
// Chinese, ignoring case, spaces, underscores and full/half width, against built-in
// synonyms; a policy's `data_sources.<kind>.columns` names other headers and takes
// precedence, and may say how a column is read: as a duration, as the first non-blank of
// several columns, or as a time plus a duration. Pure.
import { TICKET_TIME_FIELDS } from '../policy/ticket-field-kinds.js';
import type { DurationUnit } from '../tables/parse-value.js';

export type TableKind = 'tickets' | 'roster' | 'ratings' | 'metrics';

/** Canonical fields and the headers that mean them, most specific first. */
export const FIELD_SYNONYMS: Readonly<Record<TableKind, Readonly<Record<string, readonly string[]>>>> = {
  tickets: {
    ticket_id: ['ticket_id', '工单号', '工单编号', '工单ID', '服务单号', '维修单号', '单号', 'ticket id', 'ticket no', 'ticket number', 'ticket', 'case id', 'case number', 'work order', 'work order id', 'WO', 'incident', 'call id', 'number', 'id', '编号'],
    staff_id: ['staff_id', '处理人工号', '工号', '员工工号', '员工编号', '技术员工号', '客服工号', 'staff id', 'employee id', 'agent id', 'assignee id', 'technician id', 'engineer id'],
    staff_name: ['staff_name', '处理人', '负责人', '处理人员', '员工姓名', '技术员', '维修人员', '服务人员', '工程师', '客服', '姓名', 'staff name', 'assignee', 'assigned to', 'agent', 'technician', 'lead tech', 'engineer', 'handler', 'owner', 'staff'],
    created_at: ['created_at', '创建时间', '受理时间', '报修时间', '建单时间', '下单时间', '提交时间', 'created', 'created time', 'creation time', 'create time', 'opened', 'opened at', 'open time', 'submitted at'],
    first_response_at: ['first_response_at', '首次响应时间', '响应时间', '首响时间', '首次回复时间', 'first response', 'first response time', 'first reply', 'first reply time', 'responded at', 'response time'],
    resolved_at: ['resolved_at', '解决时间', '完成时间', '完工时间', '结单时间', '关闭时间', 'resolved', 'resolved time', 'resolution time', 'solved at', 'completed at', 'completed', 'finish time', 'closed at'],
    reopened: ['reopened', '是否重开', '重开次数', '重开', '是否重新打开', 'reopen', 'reopen count', 'reopened count'],
    revisit: ['revisit', '是否二次上门', '二次上门', '返修', '是否返修', 'second visit', 'repeat visit'],
    satisfaction: ['satisfaction', '满意度', '评分', '满意度评分', '回访满意度', '客户评分', 'satisfaction rating', 'satisfaction score', 'csat', 'rating', 'score'],
    complaint: ['complaint', '是否投诉', '投诉', '有效投诉', '是否有效投诉', 'complained', 'has complaint'],
    cost: ['cost', '维修费用', '维修成本', '费用', '成本', 'repair cost', 'total cost'],
    promised_at: ['promised_at', '预约时间', '预约上门时间', '约定时间', 'promised', 'appointment', 'appointment time', 'scheduled at', 'booked time'],
    arrived_at: ['arrived_at', '到达时间', '上门时间', '签到时间', 'arrived', 'arrival time', 'arrival', 'check in time', 'checked in at'],
    priority: ['priority', '优先级', '紧急程度'],
    type: ['type', '类型', '工单类型', '服务类型', 'ticket type', 'category'],
    team: ['team', '班组', '所属班组', '组别', '团队', 'group', 'assignment group'],
  },
  roster: {
    staff_id: ['staff_id', '工号', '员工工号', '员工编号', 'staff id', 'employee id', 'id'],
    name: ['name', '姓名', '员工姓名', 'staff name', 'employee name', 'staff_name'],
    role: ['role', '岗位', '职位', '岗位名称', 'position', 'job title'],
    team: ['team', '班组', '所属班组', '组别', '团队', 'group'],
    bonus_base: ['bonus_base', '绩效奖金基数', '奖金基数', 'bonus base'],
  },
  ratings: {
    staff_id: ['staff_id', '被评价人工号', '工号', '员工工号', 'staff id', 'employee id'],
    staff_name: ['staff_name', '被评价人', '姓名', 'staff name', 'name'],
    rater_type: ['rater_type', '评价人类型', '评价类型', 'rater type'],
    rater_id: ['rater_id', '评价人工号', '评价人', 'rater id', 'rater'],
    item: ['item', '评价项目', '考核项目', '项目', 'item id'],
    score: ['score', '评分', '分数', '得分'],
  },
  metrics: {
    staff_id: ['staff_id', '工号', '员工工号', '员工编号', 'staff id', 'employee id'],
    name: ['name', '姓名', '员工姓名', 'staff name', 'staff_name'],
  },
};

const HAN = /\p{Script=Han}/u;

/** A field and a few of the headers it is known by, Chinese and English (for messages). */
export interface KnownHeaders {
  readonly field: string;
  readonly zh: readonly string[];
  readonly en: readonly string[];
}

/** `field` may be several fields written `a / b` (either will do). */
export function knownHeaders(kind: TableKind, field: string, count = 2): KnownHeaders {
  const fields = field.split(' / ');
  const pick = (han: boolean) => fields.flatMap((f) => (FIELD_SYNONYMS[kind][f] ?? []).filter((n) => n !== f && HAN.test(n) === han).slice(0, count));
  return { field, zh: pick(true), en: pick(false) };
}

/** Time fields: two mapped headers mean a date column and a time column. */
export const TIME_FIELDS = TICKET_TIME_FIELDS;

/** Case, spaces, underscores, hyphens, dots and full-width forms do not distinguish headers. */
export function normaliseHeader(header: string): string {
  return header.normalize('NFKC').replace(/^\uFEFF/, '').toLowerCase().replace(/[\s_\-.·:]/g, '');
}

export interface ColumnBinding {
  readonly field: string;
  /** Column indexes: one, or a date and a time column for a time field, or (firstOf) the columns tried in order. */
  readonly columns: readonly number[];
  readonly headers: readonly string[];
  /** Whether the policy's column map chose it. */
  readonly mapped: boolean;
  /** Read as a duration written so (the policy's `duration`). */
  readonly duration?: DurationUnit;
  /** A time field: the first of `columns` that is not blank. */
  readonly firstOf?: boolean;
  /** A time field: plus the duration in this column. */
  readonly plus?: { readonly column: number; readonly header: string; readonly duration: DurationUnit };
}

export interface MappedHeaderMissing {
  readonly field: string;
  readonly headers: readonly string[];
}

export interface ColumnMatch {
  readonly bindings: ReadonlyMap<string, ColumnBinding>;
  /** Fields the policy maps to headers that the file does not have. */
  readonly missingMapped: readonly MappedHeaderMissing[];
}

/** A duration column as the policy declares it. */
export interface DurationColumn {
  readonly column: string;
  readonly duration: DurationUnit;
}

/**
 * How the policy maps one field: header(s), or an object saying how to read them. The
 * ticket export's stages before the evaluator (an event log's collapse) may add entries of
 * the same forms, e.g. `on_hold: { column: 'on_hold', duration: 'seconds' }`.
 */
export type ColumnSpec =
  | string
  | readonly string[]
  | { readonly column: string | readonly string[]; readonly duration?: DurationUnit; readonly plus?: DurationColumn }
  | { readonly first_of: readonly string[] };

export type ColumnMap = Readonly<Record<string, ColumnSpec>>;

/** The headers a mapping names, and how they are read. */
export function specParts(spec: ColumnSpec): { names: readonly string[]; firstOf: boolean; duration?: DurationUnit; plus?: DurationColumn } {
  if (typeof spec === 'string') return { names: [spec], firstOf: false };
  if (isHeaderList(spec)) return { names: spec, firstOf: false };
  if ('first_of' in spec) return { names: spec.first_of, firstOf: true };
  const names = typeof spec.column === 'string' ? [spec.column] : spec.column;
  return { names, firstOf: false, ...(spec.duration ? { duration: spec.duration } : {}), ...(spec.plus ? { plus: spec.plus } : {}) };
}

function isHeaderList(spec: ColumnSpec): spec is readonly string[] {
  return Array.isArray(spec);
}

/** Whether the map declares the field a duration. */
export function isDurationField(map: ColumnMap | undefined, field: string): boolean {
  const spec = map?.[field];
  return spec !== undefined && typeof spec === 'object' && !isHeaderList(spec) && 'column' in spec && spec.duration !== undefined && spec.plus === undefined;
}

/**
 * Which header(s) each field was read from, in the order of the file's columns: printed and
 * kept in the report, so that a column matched by its name but holding something else shows.
 * The columns of `first_of` after the first are written `| header`, a duration added to a
 * time `+ header`, so that neither reads as a date and a time column.
 */
export function columnsRead(bindings: ReadonlyMap<string, ColumnBinding>): Record<string, string[]> {
  const sorted = [...bindings.values()].sort((a, b) => a.columns[0]! - b.columns[0]!);
  const shown = (b: ColumnBinding) => [...b.headers.map((h, i) => (b.firstOf && i > 0 ? `| ${h}` : h)), ...(b.plus ? [`+ ${b.plus.header}`] : [])];
  return Object.fromEntries(sorted.map((b) => [b.field, shown(b)]));
}

/**
 * Binds each wanted field to a column. A field in `map` uses only the headers the policy
 * names; any other field tries its synonyms in order, then its own name (custom fields).
 */
export function matchColumns(headers: readonly string[], kind: TableKind, fields: Iterable<string>, map: ColumnMap = {}): ColumnMatch {
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (key !== '' && !index.has(key)) index.set(key, i);
  });
  const bindings = new Map<string, ColumnBinding>();
  const missingMapped: MappedHeaderMissing[] = [];
  // Mapped fields first, so that a header the policy names is never taken by a synonym.
  const ordered = [...fields].sort((a, b) => Number(map[b] !== undefined) - Number(map[a] !== undefined));
  const used = new Set<number>();
  for (const field of ordered) {
    const mapped = map[field];
    if (mapped !== undefined) {
      const { names, firstOf, duration, plus } = specParts(mapped);
      const found = names.map((n) => index.get(normaliseHeader(n))).filter((i): i is number => i !== undefined);
      const plusColumn = plus ? index.get(normaliseHeader(plus.column)) : undefined;
      // Every column of a `first_of` or `plus` must exist: one misspelt would otherwise fall back without a word.
      if (found.length === 0 || (firstOf && found.length < names.length) || (plus && plusColumn === undefined)) {
        // Name the headers the file lacks, not those it has (first_of: [解决时间, nosuch] lacks nosuch).
        const absent = names.filter((n) => !index.has(normaliseHeader(n)));
        missingMapped.push({ field, headers: [...absent, ...(plus && plusColumn === undefined ? [plus.column] : [])] });
        continue;
      }
      const columns = firstOf ? found : TIME_FIELDS.has(field) ? found.slice(0, 2) : found.slice(0, 1);
      bindings.set(field, {
        field,
        columns,
        headers: columns.map((c) => headers[c]!),
        mapped: true,
        ...(duration && !plus ? { duration } : {}),
        ...(firstOf && columns.length > 1 ? { firstOf } : {}),
        ...(plus && plusColumn !== undefined ? { plus: { column: plusColumn, header: headers[plusColumn]!, duration: plus.duration } } : {}),
      });
      for (const c of columns) used.add(c);
      if (plusColumn !== undefined) used.add(plusColumn);
      continue;
    }
    const synonyms = FIELD_SYNONYMS[kind][field] ?? [field];
    for (const name of synonyms) {
      const column = index.get(normaliseHeader(name));
      if (column !== undefined && !used.has(column)) {
        bindings.set(field, { field, columns: [column], headers: [headers[column]!], mapped: false });
        used.add(column);
        break;
      }
    }
  }
  return { bindings, missingMapped };
}

/**
 * Why a field the file seems to have is missing all the same: the header its name would
 * match (`Created` for created_at) is one the policy maps to another field — as its column,
 * or as the duration it adds — and a mapped column is read only for the fields mapped to it.
 * Or, for a time field, another time field is mapped as a time plus a duration, whose base
 * columns may well be this one's time (a call's Date and Time). Undefined when neither.
 */
export type MissingFieldCause =
  /** `as`: the other field's column, the time a duration is added to (`base`), or that duration (`plus`). */
  | { readonly kind: 'taken'; readonly field: string; readonly header: string; readonly by: string; readonly as: 'column' | 'base' | 'plus'; readonly plus?: string }
  | { readonly kind: 'derived'; readonly field: string; readonly headers: readonly string[]; readonly by: string; readonly plus: string };

export function missingFieldCause(headers: readonly string[], kind: TableKind, field: string, bindings: ReadonlyMap<string, ColumnBinding>): MissingFieldCause | undefined {
  const mapped = [...bindings.values()].filter((b) => b.mapped && b.field !== field);
  for (const name of FIELD_SYNONYMS[kind][field] ?? [field]) {
    const column = headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(name));
    if (column === -1) continue;
    const by = mapped.find((b) => b.columns.includes(column) || b.plus?.column === column);
    if (!by) continue;
    const as = by.plus?.column === column ? 'plus' : by.plus ? 'base' : 'column';
    return { kind: 'taken', field, header: headers[column]!, by: by.field, as, ...(as === 'base' ? { plus: by.plus!.header } : {}) };
  }
  if (!TIME_FIELDS.has(field)) return undefined;
  const derived = mapped.find((b) => b.plus !== undefined && TIME_FIELDS.has(b.field));
  return derived ? { kind: 'derived', field, headers: derived.headers, by: derived.field, plus: derived.plus!.header } : undefined;
}
