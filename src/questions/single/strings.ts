/** The words of single-choice checks. */
import type { Translations } from '../../i18n';

export const singleStrings = {
  en: {
    /** Deck: how the room answers. */
    pollInstruction: 'Show of hands: which one is right?',
  },
} satisfies Translations<{ pollInstruction: string }>;
