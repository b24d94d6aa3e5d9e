/** The search (search.ts, loaded on the first use of the form): a part of the reader's words (../../strings.ts), in its own file so a chunk carries only its own. */
import type { Translations } from '../../../../i18n';

const en = {
  searchFailed: 'Search could not load. The glossary and the contents of each module list what the course covers.',
  searchLoading: 'Searching…',
  searchNone: (query: string) => `No results for "${query}". Try fewer or other words.`,
  searchResults: (n: number, query: string) => `${n} result${n === 1 ? '' : 's'} for "${query}".`,
};

export type SearchWords = typeof en;
const s = (n: number) => (n === 1 ? '' : 's');

const fr: SearchWords = {
  searchFailed: 'La recherche n’a pas pu se charger. Le glossaire et la table des matières de chaque module disent ce que couvre le cours.',
  searchLoading: 'Recherche…',
  searchNone: (query: string) => `Aucun résultat pour « ${query} ». Essayez moins de mots, ou d’autres.`,
  searchResults: (n: number, query: string) => `${n} résultat${s(n)} pour « ${query} ».`,
};

// In the browser's scripts only the course's locale is kept (src/i18n/index.ts, BROWSER_LOCALE).
export const searchWords: Translations<SearchWords> = {
  en: typeof __BROWSER_LOCALE__ === 'undefined' || __BROWSER_LOCALE__ === 'en' ? en : fr,
  fr: typeof __BROWSER_LOCALE__ === 'undefined' || __BROWSER_LOCALE__ === 'fr' ? fr : en,
};
