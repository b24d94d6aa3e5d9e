/** The lead-in of a feedback line (src/modes/read/runtime/label.ts): no ".:" after an item that is a sentence. */
import { describe, expect, it } from 'vitest';
import { leadIn } from '../../../../src/modes/read/runtime/label';

describe('a feedback line names what it is about', () => {
  it('after a word or a phrase, with a colon', () => {
    expect(leadIn('Clarity')).toBe('Clarity: ');
  });

  it('after a sentence, without its full stop', () => {
    expect(leadIn('Growth involves a process of separating from relationships.')).toBe('Growth involves a process of separating from relationships: ');
  });

  it('after a quoted remark, keeping the quotation mark and dropping the full stop inside it', () => {
    expect(leadIn('"She no longer calls her mother for advice."')).toBe('"She no longer calls her mother for advice": ');
    expect(leadIn('“A mature professional solves problems alone.”')).toBe('“A mature professional solves problems alone”: ');
  });

  it('after a question, with a dash rather than "?:"', () => {
    expect(leadIn('Who holds power here?')).toBe('Who holds power here? — ');
  });
});
