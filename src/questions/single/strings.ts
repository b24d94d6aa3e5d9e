/** The words of single-choice checks. */
import type { Translations } from '../../i18n';

export const singleStrings = {
  en: {
    /** Deck: how the room answers. */
    pollInstruction: 'Show of hands: which one is right?',
  },
  fr: {
    pollInstruction: 'À main levée : laquelle est juste ?',
  },
} satisfies Translations<{ pollInstruction: string }>;
