/** The words of matching checks. */
import type { Translations } from '../../i18n';

export const matchingStrings = {
  en: {
    /** Reader: the empty choice of each item's menu. */
    chooseCategory: 'Choose a category',
    /** Reader: submitting with an item not placed. */
    incomplete: 'Choose a category for every item first.',
    /** Deck: how the room answers. */
    pollInstruction: 'For each numbered statement, call out the letter of its category.',
    pollCategories: 'Categories',
    pollStatements: 'Statements',
    /** Deck answer: "Traditional theories: 1, 2". */
    matchedItems: (label: string, items: string) => `${label}: ${items}`,
  },
  fr: {
    chooseCategory: 'Choisir une catégorie',
    incomplete: 'Choisissez d’abord une catégorie pour chaque élément.',
    pollInstruction: 'Pour chaque affirmation numérotée, annoncez la lettre de sa catégorie.',
    pollCategories: 'Catégories',
    pollStatements: 'Affirmations',
    matchedItems: (label: string, items: string) => `${label} : ${items}`,
  },
} satisfies Translations<{
  chooseCategory: string;
  incomplete: string;
  pollInstruction: string;
  pollCategories: string;
  pollStatements: string;
  matchedItems: (label: string, items: string) => string;
}>;
