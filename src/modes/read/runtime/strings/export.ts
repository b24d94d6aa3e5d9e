/** The reflections download (export.ts, loaded when the learner asks for it): a part of the reader's words (../../strings.ts), in its own file so a chunk carries only its own. */
import type { Translations } from '../../../../i18n';

const en = {
  exportDownloaded: (date: string) => `Downloaded ${date}`,
  exportTitle: (course: string) => `My reflections: ${course}`,
  exportWritten: (date: string) => `Written ${date}`,
};

export type ExportWords = typeof en;

const fr: ExportWords = {
  exportDownloaded: (date: string) => `Téléchargé le ${date}`,
  exportTitle: (course: string) => `Mes réflexions : ${course}`,
  exportWritten: (date: string) => `Écrit le ${date}`,
};

// In the browser's scripts only the course's locale is kept (src/i18n/index.ts, BROWSER_LOCALE).
export const exportWords: Translations<ExportWords> = {
  en: typeof __BROWSER_LOCALE__ === 'undefined' || __BROWSER_LOCALE__ === 'en' ? en : fr,
  fr: typeof __BROWSER_LOCALE__ === 'undefined' || __BROWSER_LOCALE__ === 'fr' ? fr : en,
};
