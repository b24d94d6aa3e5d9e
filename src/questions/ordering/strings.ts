/** The words of ordering checks. */
import type { Translations } from '../../i18n';

export const orderingStrings = {
  en: {
    /** Reader: the buttons beside each item, and their accessible names. */
    up: 'Up',
    down: 'Down',
    moveUp: (item: string) => `Move “${item}” up`,
    moveDown: (item: string) => `Move “${item}” down`,
    /** Reader: said after a move; {item}, {position} and {total} are filled in by the form. */
    moved: '{item}: now number {position} of {total}.',
    /** Reader: above the list. */
    hint: 'Put the items in order with the Up and Down buttons, first at the top.',
    /** Deck: how the room answers. */
    pollInstruction: 'Call out the letters in the right order, first to last.',
    /** Deck answer: the order by letter. */
    order: 'Right order',
  },
  fr: {
    up: 'Monter',
    down: 'Descendre',
    moveUp: (item: string) => `Monter « ${item} »`,
    moveDown: (item: string) => `Descendre « ${item} »`,
    moved: '{item} : maintenant numéro {position} sur {total}.',
    hint: 'Mettez les éléments dans l’ordre avec les boutons Monter et Descendre, le premier en haut.',
    pollInstruction: 'Annoncez les lettres dans le bon ordre, du premier au dernier.',
    order: 'Bon ordre',
  },
} satisfies Translations<{
  up: string;
  down: string;
  moveUp: (item: string) => string;
  moveDown: (item: string) => string;
  moved: string;
  hint: string;
  pollInstruction: string;
  order: string;
}>;
