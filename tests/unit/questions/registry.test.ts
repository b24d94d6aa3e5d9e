/**
 * The registry of question types: each type is one folder registered under
 * its own `type`, with everything a type is (schema, rules, behaviour, the
 * reader's form and the deck's poll view, its words). What the compiler
 * checks is in registry.test-d.ts.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldKit } from '../../../src/model/fields';
import { checkTypeNames, guessChance, judge, questionTypeOf, questionTypes } from '../../../src/questions/registry';
import { matchingCheck, multipleCheck, orderingCheck, singleCheck, trueFalseCheck } from '../../support/checks';

const folder = (type: string) => new URL(`../../../src/questions/${type}/`, import.meta.url);

describe('question type registry', () => {
  it('registers each type under its own type name', () => {
    expect(checkTypeNames).toEqual(['single', 'multiple', 'true-false', 'matching', 'ordering']);
    for (const t of checkTypeNames) expect(questionTypes[t].type).toBe(t);
  });

  it('finds each type in a folder of its own, with its answer behaviour, schema, views and words', () => {
    for (const t of checkTypeNames)
      for (const file of ['index.ts', 'answer.ts', 'schema.ts', 'Form.astro', 'Poll.astro', 'strings.ts']) expect(existsSync(new URL(file, folder(t))), `src/questions/${t}/${file}`).toBe(true);
  });

  it('builds each type\'s schema from the shared field kit, and it accepts a check of that type', () => {
    for (const check of [singleCheck, multipleCheck, trueFalseCheck, matchingCheck, orderingCheck]) {
      const schema = questionTypeOf(check).schema(fieldKit);
      expect(schema.safeParse(check).success, check.type).toBe(true);
      expect(schema.safeParse({ ...check, surprise: 1 }).success, `${check.type} is strict`).toBe(false);
    }
  });

  it('finds the question type for a check', () => {
    expect(questionTypeOf(singleCheck).type).toBe('single');
    expect(questionTypeOf(orderingCheck).type).toBe('ordering');
  });

  it('writes encodings only in the codec-safe alphabet', () => {
    const encoded = [
      questionTypes.single.encode(singleCheck, 'connection'),
      questionTypes.multiple.encode(multipleCheck, ['mutual-empathy', 'equal-roles']),
      questionTypes['true-false'].encode(trueFalseCheck, true),
      questionTypes.matching.encode(matchingCheck, { zest: 'good-things' }),
      questionTypes.ordering.encode(orderingCheck, ['yearning', 'repeated-disconnection', 'fear-of-engaging', 'parts-kept-out']),
    ];
    for (const e of encoded) expect(e).toMatch(/^[0-9a-z_]+$/);
  });

  it('judges an answer for the learner\'s record, or refuses an incomplete one', () => {
    expect(judge({ check: matchingCheck, response: { zest: 'good-things' } })).toBeNull();
    expect(judge({ check: singleCheck, response: 'connection' })).toEqual({
      checkId: 'two-views-of-growth',
      prompt: singleCheck.prompt,
      objectiveId: 'contrast-views-of-growth',
      result: { correct: true, fraction: 1, feedback: [{ key: 'connection', correct: true, text: 'Yes: growth happens in relationships.' }] },
      encoded: '1',
      interaction: { type: 'choice', options: ['separation', 'connection', 'self-sufficiency'], chosen: ['connection'], correct: ['connection'] },
    });
  });

  it('says how likely a blind, complete answer is right: the baseline a score is measured against', () => {
    expect(guessChance(singleCheck)).toBeCloseTo(1 / singleCheck.options.length);
    expect(guessChance(multipleCheck)).toBeCloseTo(1 / (2 ** multipleCheck.options.length - 1));
    expect(guessChance(trueFalseCheck)).toBe(0.5);
    expect(guessChance(matchingCheck)).toBeCloseTo(1 / matchingCheck.categories.length ** matchingCheck.items.length);
    expect(guessChance(orderingCheck)).toBeCloseTo(1 / [...Array(orderingCheck.items.length).keys()].reduce((f, i) => f * (i + 1), 1));
  });
});
