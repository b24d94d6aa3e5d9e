/** The words of what every mode shows alike (the chart, the video). */
import type { Translations } from '../i18n';

export const siteStrings = {
  en: {
    chartTableCaption: (title: string) => `Data: ${title}`,
    /** The line under a chart naming where its figures come from. */
    sourceLine: (source: string) => `Source: ${source}`,
    captions: 'Captions',
  },
  fr: {
    chartTableCaption: (title: string) => `Données : ${title}`,
    // French sets a (no-break) space before a colon.
    sourceLine: (source: string) => `Source\u00a0: ${source}`,
    captions: 'Sous-titres',
  },
} satisfies Translations<{ chartTableCaption: (title: string) => string; sourceLine: (source: string) => string; captions: string }>;
