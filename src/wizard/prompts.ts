// What the interactive wizard needs from a terminal, as an interface: the CLI passes an
// adapter over @inquirer/prompts, tests pass a scripted fake or inquirer driven by
// @inquirer/testing. Messages arrive already translated; `hint` is the line (or lines)
// shown under the question.

export interface PromptChoice<V extends string = string> {
  readonly value: V;
  readonly name: string;
  readonly description?: string;
  /** Shown but not selectable; the text says why. */
  readonly disabled?: string;
  readonly checked?: boolean;
}

export interface InputQuestion {
  readonly message: string;
  readonly hint?: string;
  readonly default?: string;
  /** True when the text is acceptable, else what is wrong with it. */
  readonly validate?: (value: string) => true | string;
}

export interface SelectQuestion<V extends string> {
  readonly message: string;
  readonly hint?: string;
  readonly choices: readonly PromptChoice<V>[];
  readonly default?: V;
}

export interface CheckboxQuestion<V extends string> {
  readonly message: string;
  readonly hint?: string;
  readonly choices: readonly PromptChoice<V>[];
  readonly validate?: (values: readonly V[]) => true | string;
}

export interface ConfirmQuestion {
  readonly message: string;
  readonly hint?: string;
  readonly default?: boolean;
}

export interface Prompts {
  input(question: InputQuestion): Promise<string>;
  select<V extends string>(question: SelectQuestion<V>): Promise<V>;
  checkbox<V extends string>(question: CheckboxQuestion<V>): Promise<V[]>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
  /** Text between questions: section headings, notes. */
  say(text: string): void;
}
