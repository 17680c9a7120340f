// A scripted stand-in for the terminal: each question goes to `reply`, which returns the
// answer or DEFAULT to take what the wizard suggests (what Enter does). Everything asked
// and said is recorded, so tests can check what a user would have seen.
import type { CheckboxQuestion, ConfirmQuestion, InputQuestion, Prompts, SelectQuestion } from '../../src/wizard/prompts.js';

export const DEFAULT = Symbol('default');

export type Asked =
  | ({ kind: 'input' } & InputQuestion)
  | ({ kind: 'select' } & SelectQuestion<string>)
  | ({ kind: 'checkbox' } & CheckboxQuestion<string>)
  | ({ kind: 'confirm' } & ConfirmQuestion);

export type Reply = (question: Asked, index: number) => unknown;

export interface FakePrompts extends Prompts {
  readonly asked: Asked[];
  readonly said: string[];
  /** Validation messages the fake met (an answer the prompt would have refused). */
  readonly refused: string[];
}

export function fakePrompts(reply: Reply = () => DEFAULT): FakePrompts {
  const asked: Asked[] = [];
  const said: string[] = [];
  const refused: string[] = [];
  const answer = (question: Asked, fallback: unknown): unknown => {
    asked.push(question);
    // A script that never says yes to writing would go round the summary for ever.
    if (asked.length > 3000) throw new Error(`more than 3000 questions, the last: ${question.message}`);
    const value = reply(question, asked.length - 1);
    return value === DEFAULT ? fallback : value;
  };
  return {
    asked,
    said,
    refused,
    input: async (q) => {
      // Like the real prompt: a refused answer is asked again, here by asking `reply` again.
      for (let attempt = 0; attempt < 5; attempt++) {
        const value = String(answer({ kind: 'input', ...q }, q.default ?? ''));
        const verdict = q.validate?.(value) ?? true;
        if (verdict === true) return value;
        refused.push(verdict);
      }
      throw new Error(`input refused five times: ${q.message}`);
    },
    select: async <V extends string>(q: SelectQuestion<V>) => answer({ kind: 'select', ...q } as Asked, q.default ?? q.choices.find((c) => !c.disabled)?.value) as V,
    checkbox: async <V extends string>(q: CheckboxQuestion<V>) => {
      const value = answer({ kind: 'checkbox', ...q } as Asked, q.choices.filter((c) => c.checked).map((c) => c.value)) as V[];
      const verdict = q.validate?.(value) ?? true;
      if (verdict !== true) throw new Error(`checkbox answer refused: ${verdict}`);
      return value;
    },
    confirm: async (q) => answer({ kind: 'confirm', ...q }, q.default ?? true) as boolean,
    say: (text) => {
      said.push(text);
    },
  };
}
