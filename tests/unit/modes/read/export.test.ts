/**
 * "Download my reflections": a Markdown file in which a viewer shows exactly
 * what the learner wrote, markup never interpreted.
 */
import { describe, expect, it } from 'vitest';
import type { PageData } from '../../../../src/model/outline';
import { escapeMarkdown, exportFileName, reflectionsMarkdown } from '../../../../src/modes/read/runtime/export';
import { initialState } from '../../../../src/session/state';

const data: PageData = {
  course: { id: 'rct-intro', version: '1.0.0', title: 'Introducing <RCT> & *more*', masteryScore: 80 },
  modules: [{ id: 'm', title: 'M', slideIds: ['s1', 's2'], objectives: [] }],
  slides: [
    { id: 's1', title: 'Pause and reflect', moduleId: 'm', track: 0 },
    { id: 's2', title: 'Reflecting on Relationships', moduleId: 'm', track: 1 },
  ],
  checks: [],
  pageChecks: [],
  reflections: [
    { reflection: { id: 'r1', prompt: 'Who helped you grow?', hint: 'How?' }, slideId: 's1', moduleId: 'm' },
    { reflection: { id: 'r2', prompt: 'And you?' }, slideId: 's2', moduleId: 'm' },
  ],
  assessment: null,
};
const words = {
  title: (course: string) => `My reflections: ${course}`,
  written: (date: string) => `Written ${date}`,
  empty: '(no reflection written)',
  downloaded: (date: string) => `Downloaded ${date}`,
};
const when = new Date('2025-03-01T09:00:00.000Z');

describe('escapeMarkdown', () => {
  it('escapes what CommonMark would read as emphasis, code, links or HTML', () => {
    expect(escapeMarkdown('*a* _b_ `c` [d](e) <img src=x onerror=alert(1)> & | \\')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<img src=x onerror=alert(1)\\> \\& \\| \\\\',
    );
  });

  it('escapes what would start a heading, quote, list or numbered list at a line start', () => {
    expect(escapeMarkdown('# not a heading\n> not a quote\n- not a list\n+ nor this\n1. not numbered\n2) nor this')).toBe(
      '\\# not a heading\n\\> not a quote\n\\- not a list\n\\+ nor this\n1\\. not numbered\n2\\) nor this',
    );
  });

  it('escapes setext underlines, fences and strikethrough, so a line of === or ~~~ stays a line of text', () => {
    expect(escapeMarkdown('Title\n===\nSub\n---\n~~~\n~~gone~~')).toBe('Title\n\\===\nSub\n\\---\n\\~\\~\\~\n\\~\\~gone\\~\\~');
  });

  it('keeps a line indented four spaces or a tab as text with its indentation, not a code block', () => {
    expect(escapeMarkdown('    four spaces\n\ta tab\n  two spaces')).toBe('\u00a0\u00a0\u00a0\u00a0four spaces\n\u00a0\u00a0\u00a0\u00a0a tab\n  two spaces');
  });

  it('leaves plain text as written', () => {
    expect(escapeMarkdown('My grandmother’s table, “always”.')).toBe('My grandmother’s table, “always”.');
  });
});

describe('the reflections file', () => {
  it('lists every prompt in course order, with the learner\'s words, their date, and the line breaks kept', () => {
    const state = { ...initialState(when), reflections: { r1: { text: 'Ms. Okafor.\n<b>She listened.</b>', at: when.toISOString() } } };
    const text = reflectionsMarkdown(data, state, when, () => '1 March 2025', words);
    expect(text).toBe(
      [
        '# My reflections: Introducing \\<RCT\\> \\& \\*more\\*',
        '',
        'Downloaded 1 March 2025',
        '',
        '## Who helped you grow?',
        '',
        '*How?*',
        '',
        '(Pause and reflect)',
        '',
        '_Written 1 March 2025_',
        '',
        'Ms. Okafor.  ',
        '\\<b\\>She listened.\\</b\\>  ',
        '',
        '## And you?',
        '',
        '(Reflecting on Relationships)',
        '',
        '(no reflection written)',
        '',
      ].join('\n'),
    );
  });

  it('is named by course and date, in ASCII', () => {
    expect(exportFileName('rct-intro', when)).toBe('rct-intro-reflections-2025-03-01.md');
  });
});
