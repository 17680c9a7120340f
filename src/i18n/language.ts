// The two languages aspm speaks, and how the user's language is chosen when no flag says.
// Never reads process state itself: callers pass the environment in.

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Maps a locale tag such as `zh_CN.UTF-8`, `zh-Hans`, `en_US` to a language. */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  if (!locale) return undefined;
  const tag = locale.trim().toLowerCase();
  if (tag === '' || tag === 'c' || tag === 'posix' || tag.startsWith('c.')) return undefined;
  return tag.startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * The language for messages: `LC_ALL`, `LC_MESSAGES`, `LANG` in that order (POSIX
 * precedence), else the system locale that Intl reports (what Windows users have), else
 * Chinese, the first language of the tool. The system locale may be given as a function,
 * called only when no variable decides: asking Intl costs the CLI tens of milliseconds of
 * start-up.
 */
export function detectLanguage(env: Record<string, string | undefined>, systemLocale?: string | (() => string | undefined)): Language {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const language = languageOfLocale(env[name]);
    if (language) return language;
  }
  return languageOfLocale(typeof systemLocale === 'function' ? systemLocale() : systemLocale) ?? 'zh-CN';
}
