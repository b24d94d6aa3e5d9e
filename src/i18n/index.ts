/**
 * Languages of the interface. Every part of the builder keeps its own UI
 * strings beside its code (a mode's `strings.ts`, a question type's
 * `strings.ts`) as a table per locale; English is the reference that every
 * other locale must match key for key (the compiler checks it). The course's
 * own text comes from the author's files and is never translated here.
 */

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

declare global {
  /**
   * The course's interface locale, defined as a constant for the build's
   * scripts by the build hook (Vite `define`, src/integrations/course.ts) and
   * undefined elsewhere (tests, tools). Each strings table gives every
   * locale as `fr: typeof __BROWSER_LOCALE__ === 'undefined' || __BROWSER_LOCALE__ === 'fr' ? fr : en`
   * (and `en: … === 'en' ? en : fr`), which the bundler folds, so a page
   * carries its course's words and no other translation, in an English
   * course and a French one alike (about 2.4 KB gzipped per reader page).
   * A third locale adds its line to each table and its name to the others'
   * fallbacks.
   */
  const __BROWSER_LOCALE__: string | undefined;
}

/** One part's strings, in every locale: a table without one does not compile. */
export type Translations<T> = { readonly [L in Locale]: T };

/** The interface locale for a course language (a BCP 47 tag): its primary subtag when translated, else English. */
export function localeOf(language: string): Locale {
  const primary = language.toLowerCase().split('-')[0] ?? '';
  return (LOCALES as readonly string[]).includes(primary) ? (primary as Locale) : 'en';
}

/** The strings of `table` for `locale`. */
export function translate<T>(table: Translations<T>, locale: Locale): T {
  return table[locale];
}

/** Scripts written right to left (by primary language subtag); every other language is written left to right. */
const RIGHT_TO_LEFT = new Set(['ar', 'dv', 'fa', 'he', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** The `dir` of a page in the course's `language` (a BCP 47 tag). */
export function textDirection(language: string): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(language.toLowerCase().split('-')[0] ?? '') ? 'rtl' : 'ltr';
}
