/** The words of what every mode shows alike (the chart, the video). */
import type { Translations } from '../i18n';

export const siteStrings = {
  en: {
    chartTableCaption: (title: string) => `Data: ${title}`,
    source: 'Source',
    captions: 'Captions',
  },
} satisfies Translations<{ chartTableCaption: (title: string) => string; source: string; captions: string }>;
