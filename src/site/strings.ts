/** The words of what every mode shows alike (the chart). */
import type { Translations } from '../i18n';

export const siteStrings = {
  en: {
    chartTableCaption: (title: string) => `Data: ${title}`,
    source: 'Source',
  },
  fr: {
    chartTableCaption: (title: string) => `Données : ${title}`,
    source: 'Source',
  },
} satisfies Translations<{ chartTableCaption: (title: string) => string; source: string }>;
