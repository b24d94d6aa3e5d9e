/** The words of true/false checks. */
import type { Translations } from '../../i18n';

export const trueFalseStrings = {
  en: {
    /** Deck: how the room answers. */
    pollInstruction: 'True or false? Show of hands.',
  },
  fr: {
    pollInstruction: 'Vrai ou faux ? À main levée.',
  },
} satisfies Translations<{ pollInstruction: string }>;
