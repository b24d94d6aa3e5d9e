import { describe, expect, expectTypeOf, it } from 'vitest';
import { questionTypeOf, questionTypes } from '../../../src/questions';
import type { QuestionType } from '../../../src/questions';
import type { CheckType } from '../../../src/model/schema';
import { matchingCheck, multipleCheck, singleCheck, trueFalseCheck } from './checks';

describe('question type registry', () => {
  it('has one question type per check type, keyed by its own type', () => {
    const types: CheckType[] = ['single', 'multiple', 'true-false', 'matching'];
    expect(Object.keys(questionTypes).sort()).toEqual([...types].sort());
    for (const t of types) expect(questionTypes[t].type).toBe(t);
  });

  it('finds the question type for a check', () => {
    expect(questionTypeOf(singleCheck).type).toBe('single');
    expect(questionTypeOf(multipleCheck).type).toBe('multiple');
    expect(questionTypeOf(trueFalseCheck).type).toBe('true-false');
    expect(questionTypeOf(matchingCheck).type).toBe('matching');
  });

  it('ties each check type to its own response type', () => {
    expectTypeOf(questionTypeOf(singleCheck)).toEqualTypeOf<QuestionType<'single'>>();
    expectTypeOf(questionTypes.matching.score).parameter(1).toEqualTypeOf<Readonly<Record<string, string>>>();
    // Compile-time only: these calls must not type-check.
    const mistakes = () => {
      // @ts-expect-error a single-choice question type does not accept a matching check
      questionTypes.single.score(matchingCheck, 'zest');
      // @ts-expect-error nor a true/false response
      questionTypes.single.score(singleCheck, true);
    };
    expect(mistakes).toBeTypeOf('function');
  });

  it('writes encodings only in the codec-safe alphabet', () => {
    const encoded = [
      questionTypes.single.encode(singleCheck, 'connection'),
      questionTypes.multiple.encode(multipleCheck, ['mutual-empathy', 'equal-roles']),
      questionTypes['true-false'].encode(trueFalseCheck, true),
      questionTypes.matching.encode(matchingCheck, { zest: 'good-things' }),
    ];
    for (const e of encoded) expect(e).toMatch(/^[0-9a-z_]+$/);
  });
});
