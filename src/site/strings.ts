/** The words of what every mode shows alike (the chart, the video). */
import type { Translations } from '../i18n';

export const siteStrings = {
  en: {
    chartTableCaption: (title: string) => `Data: ${title}`,
    source: 'Source',
    captions: 'Captions',
  },
  fr: {
    chartTableCaption: (title: string) => `Données : ${title}`,
    source: 'Source',
    captions: 'Sous-titres',
  },
} satisfies Translations<{ chartTableCaption: (title: string) => string; source: string; captions: string }>;
