// The shipped templates (templates/<language>/) as scripts/precompile-templates.mjs
// precompiled them at `npm run gen`: their text, and what Handlebars made of it for its
// runtime. One module per language, loaded only for the language a document is in. Never
// edited by hand; precompiled-templates.test.ts holds them to the files.
import type { Language } from '../i18n/language.js';

export interface PrecompiledTemplate {
  /** Its path below templates/<language>/, with `/` between folders. */
  readonly file: string;
  readonly text: string;
  /** `Handlebars.precompile(text, COMPILE_OPTIONS)`, for the runtime's `template()`. */
  readonly spec: object;
}

/** Templates by name (`policy`, `policy/kpis`), in the order of their files' paths. */
export type PrecompiledTemplates = Readonly<Record<string, PrecompiledTemplate>>;

export async function loadPrecompiledTemplates(language: Language): Promise<PrecompiledTemplates> {
  switch (language) {
    case 'zh-CN':
      return (await import('./precompiled/zh-CN.generated.js')).templates;
    case 'en':
      return (await import('./precompiled/en.generated.js')).templates;
  }
}
