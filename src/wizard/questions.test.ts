import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { t } from '../i18n/catalogue.js';
import { packagePath } from '../package-root.js';
import type { Policy } from '../policy/policy.generated.js';
import { completeAnswers } from './complete-answers.js';
import { isCalendarDay as isRealDate } from '../text/calendar-day.js';
import { firstOfNextMonth, POLICY_QUESTIONS, PRESET_QUESTIONS, QUESTIONS, type AnyQuestion, type PresetContext, type QuestionContext } from './questions.js';
import { availablePresets, presetFileName, readPreset } from './read-preset.js';

interface PropertySchema {
  type?: string;
  enum?: string[];
  format?: string;
  minimum?: number;
  maximum?: number;
  items?: PropertySchema & { $ref?: string };
  additionalProperties?: PropertySchema & { $ref?: string };
}

const schema = parse(readFileSync(packagePath('schemas', 'src', 'answers.schema.yaml'), 'utf8')) as { properties: Record<string, PropertySchema> };

let preset: Policy;
let ctx: QuestionContext;
const presetCtx: PresetContext = { messageLanguage: 'zh-CN', answers: {}, hasPreset: () => true };
beforeAll(async () => {
  preset = await readPreset({ size: 'medium', language: 'zh-CN' });
  ctx = { preset, today: '2026-03-14', answers: completeAnswers({}, { preset, today: '2026-03-14' }).answers };
});

function choiceValues(question: AnyQuestion | AnyQuestion<PresetContext>): string[] {
  if (question.kind !== 'select' && question.kind !== 'multiselect') return [];
  const isPreset = PRESET_QUESTIONS.includes(question as AnyQuestion<PresetContext>);
  return (question.choices as (c: unknown) => readonly { value: string }[])(isPreset ? presetCtx : ctx).map((c) => c.value);
}

describe('the questions and the answers schema', () => {
  it('have the same keys', () => {
    const keys = Object.keys(schema.properties).filter((k) => k !== '$schema');
    expect(QUESTIONS.map((q) => q.id).sort()).toEqual(keys.sort());
  });

  it.each(QUESTIONS.map((q) => [q.id, q] as const))('%s: the schema type fits the kind of question', (id, question) => {
    const property = schema.properties[id]!;
    switch (question.kind) {
      case 'select':
        expect(property.type).toBe('string');
        expect([...(property.enum ?? [])].sort()).toEqual(choiceValues(question).sort());
        break;
      case 'multiselect':
      case 'list':
        expect(property.type).toBe('array');
        if (property.items?.enum) expect([...property.items.enum].sort()).toEqual(expect.arrayContaining(choiceValues(question)));
        break;
      case 'text':
        expect(property.type).toBe('string');
        break;
      case 'date':
        expect(property).toMatchObject({ type: 'string', format: 'date' });
        break;
      case 'integer':
        expect(property).toMatchObject({ type: 'integer', minimum: question.min, maximum: question.max });
        break;
      case 'confirm':
        expect(property.type).toBe('boolean');
        break;
      case 'weights':
      case 'numbers':
        expect(property.type).toBe('object');
        expect(property.additionalProperties).toBeDefined();
        break;
      case 'custom-roles':
        expect(property.items?.$ref).toBe('#/$defs/CustomRole');
        break;
      case 'role-kpis':
        expect(property.additionalProperties?.items?.$ref).toBe('#/$defs/RoleKpi');
        break;
    }
  });

  it.each(availablePresets().map((p) => [presetFileName(p), p] as const))('%s: every default passes its own check', async (_name, id) => {
    const each = await readPreset(id);
    const answers = completeAnswers({}, { preset: each, today: '2026-03-14' }).answers;
    const c: QuestionContext = { preset: each, today: '2026-03-14', answers };
    for (const question of POLICY_QUESTIONS) {
      const value = question.default(c);
      const check = question.check as ((v: unknown, c: QuestionContext) => unknown[]) | undefined;
      expect({ id: question.id, problems: check?.(value, c) ?? [] }).toEqual({ id: question.id, problems: [] });
    }
  });

  it('every question, hint and choice reads in both languages', () => {
    for (const question of QUESTIONS) {
      for (const language of ['zh-CN', 'en'] as const) {
        expect(t(language, question.message)).not.toBe('');
        expect(t(language, question.hint).length).toBeGreaterThan(10);
      }
    }
  });
});

describe('dates', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
  ])('%s is a real date: %s', (text, real) => {
    expect(isRealDate(text)).toBe(real);
  });

  it('grades are labelled in the policy’s language, brackets included', async () => {
    const mins = QUESTIONS.find((q) => q.id === 'grade_mins') as AnyQuestion;
    const labels = (c: QuestionContext) => (mins as unknown as { entries: (c: QuestionContext) => readonly { label: string }[] }).entries(c).map((e) => e.label);
    expect(labels(ctx)[0]).toBe('S（卓越）');
    const en = await readPreset({ size: 'medium', language: 'en' });
    const enCtx = { preset: en, today: '2026-03-14', answers: completeAnswers({}, { preset: en, today: '2026-03-14' }).answers };
    expect(labels(enCtx)[0]).toMatch(/^S \(\w+\)$/);
  });

  it('the default effective date is the first of next month', () => {
    expect(firstOfNextMonth('2026-01-31')).toBe('2026-02-01');
    expect(firstOfNextMonth('2026-12-01')).toBe('2027-01-01');
  });
});

describe('hints agree with the suggestions', () => {
  const numbers: Record<string, number> = { three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
  const count = (word: string) => numbers[word] ?? Number(word);
  const word = '(\\d+|three|four|five|six|seven|eight|nine|ten)';
  /** Every count a hint names ("常见 5–7 个", "five to seven", "常见 10 个"), as the range it allows. */
  const ranges = (hint: string): [number, number][] => {
    const text = hint.toLowerCase();
    const span = new RegExp(`${word}\\s*(?:–|-| to )\\s*${word}`, 'g');
    const spans = [...text.matchAll(span)].map((m): [number, number] => [count(m[1]!), count(m[2]!)]);
    const single = [...text.replace(span, '').matchAll(new RegExp(`常见 ${word} 个|${word} working days is common`, 'g'))].map((m): [number, number] => [count(m[1] ?? m[2]!), count(m[1] ?? m[2]!)]);
    return [...spans, ...single];
  };

  it.each(availablePresets().map((p) => [presetFileName(p), p] as const))('%s: the appeal deadlines and the KPIs ticked per role are within what the hints call common', async (_name, which) => {
    const policy = await readPreset(which);
    const { language } = which;
    const within = (code: Parameters<typeof t>[1], value: number) => {
      for (const [low, high] of ranges(t(language, code))) expect(value >= low && value <= high, `${code}: ${value} not in ${low}–${high}`).toBe(true);
    };
    within('q-appeal-file-days-hint', policy.appeal.file_within_days);
    within('q-appeal-answer-days-hint', policy.appeal.answer_within_days);
    // A role's KPIs as suggested, and with every situation answer that adds one.
    const busiest = completeAnswers({ competition: 'intense', complaints: 'frequent', cost_pressure: 'high' }, { preset: policy, today: '2026-03-14' }).answers;
    for (const kpis of Object.values(busiest.role_kpis)) {
      within('role-kpis-pick-hint', kpis.length);
      within('custom-role-kpis-hint', kpis.length);
    }
  });
});
