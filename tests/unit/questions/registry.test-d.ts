/**
 * What the compiler checks about question types (vitest --typecheck): a
 * check and its response travel together, and each entry of the registry
 * sits under its own type name.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { questionTypes, type AnsweredCheck, type CheckOf, type ResponseOf } from '../../../src/questions/registry';
import { matchingCheck, singleCheck } from '../../support/checks';

describe('question types, at compile time', () => {
  it('ties each check type to its own response type', () => {
    expectTypeOf<ResponseOf<'single'>>().toEqualTypeOf<string>();
    expectTypeOf<ResponseOf<'matching'>>().toEqualTypeOf<Readonly<Record<string, string>>>();
    expectTypeOf<ResponseOf<'ordering'>>().toEqualTypeOf<readonly string[]>();
    expectTypeOf(questionTypes.matching.score).parameter(1).toEqualTypeOf<Readonly<Record<string, string>>>();
    expectTypeOf<CheckOf<'ordering'>['items'][number]>().toHaveProperty('feedback');
  });

  it('refuses a check with another type\'s response', () => {
    // @ts-expect-error a single-choice question type does not accept a matching check
    questionTypes.single.score(matchingCheck, 'zest');
    // @ts-expect-error nor a true/false response
    questionTypes.single.score(singleCheck, true);
    // @ts-expect-error an answered check pairs a check with a response of its own type
    const mismatched: AnsweredCheck = { check: singleCheck, response: { zest: 'good-things' } };
    void mismatched;
  });
});
