/** The words of multiple-response checks. */
import type { Translations } from '../../i18n';

export const multipleStrings = {
  en: {
    /** Deck: how the room answers. */
    pollInstruction: 'Show of hands for each option: choose all that apply.',
  },
  fr: {
    pollInstruction: 'À main levée pour chaque option : choisissez toutes celles qui conviennent.',
  },
} satisfies Translations<{ pollInstruction: string }>;
