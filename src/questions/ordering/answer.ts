/** What the ordering type does with an answer (index.ts has the whole type): all a learner's page loads of it (questions/load.ts). */
import type { AnswerBehaviour } from '../contract';
import { asStringArray, charIndex, indexChar } from '../encoding';
import { orderingForm } from './form';
import type { OrderingCheck } from './schema';

/** Item ids in the learner's order, first to last. */
export type OrderingResponse = readonly string[];

/** The response when it is an order of exactly this check's items, else null. */
function asOrder(check: OrderingCheck, response: OrderingResponse): readonly string[] | null {
  const ids = asStringArray(response);
  if (!ids || ids.length !== check.items.length) return null;
  const known = new Set(check.items.map((i) => i.id));
  return new Set(ids).size === ids.length && ids.every((id) => known.has(id)) ? ids : null;
}

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

export const orderingAnswers: AnswerBehaviour<OrderingCheck, OrderingResponse> = {
  type: 'ordering',

  // One order of n! (every order is a complete response).
  guessChance: (check) => 1 / factorial(check.items.length),

  isComplete(check, response) {
    return asOrder(check, response) !== null;
  },

  score(check, response) {
    const order = asOrder(check, response);
    if (!order) return { correct: false, fraction: 0, feedback: [] };
    const feedback = check.items.map((item, i) => ({ key: item.id, correct: order[i] === item.id, text: item.feedback }));
    const rightly = feedback.filter((f) => f.correct).length;
    return { correct: rightly === check.items.length, fraction: rightly / check.items.length, feedback };
  },

  toInteraction(check, response) {
    const ids = check.items.map((i) => i.id);
    return { type: 'sequencing', items: ids, order: asOrder(check, response) ?? [], correct: ids };
  },

  encode(check, response) {
    const order = asOrder(check, response);
    return order ? order.map((id) => indexChar(check.items.findIndex((i) => i.id === id))).join('') : '';
  },

  decode(check, encoded) {
    const ids = [...encoded].map((c) => check.items[charIndex(c)]?.id);
    if (ids.some((id) => id === undefined)) return null;
    return asOrder(check, ids as string[]);
  },

  form: orderingForm,
};
