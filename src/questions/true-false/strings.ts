/** The words of true/false checks. */
import type { Translations } from '../../i18n';

export const trueFalseStrings = {
  en: {
    /** Deck: how the room answers. */
    pollInstruction: 'True or false? Show of hands.',
  },
} satisfies Translations<{ pollInstruction: string }>;
