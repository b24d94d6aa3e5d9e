import { describe, expect, it } from 'vitest';
import { deckConfig, deckView, PRINT_MARGIN, printKind, SLIDE_HEIGHT, SLIDE_WIDTH } from '../../../../src/modes/present/runtime/config';

const env = { reducedMotion: false, keyboardCondition: () => true };

describe('deckView', () => {
  it('tells the projected deck, speaker-view copies and the handout apart', () => {
    expect(deckView('')).toBe('live');
    expect(deckView('?view=print')).toBe('print');
    expect(deckView('?print-pdf')).toBe('print');
    expect(deckView('?receiver&progress=false&history=false')).toBe('preview');
    expect(deckView('?notes')).toBe('live');
  });
});

describe('deckConfig', () => {
  it('is a 16:9 deck with slide numbers and a URL per slide', () => {
    const c = deckConfig({ view: 'live', ...env });
    expect(Number(c.width) / Number(c.height)).toBeCloseTo(16 / 9);
    expect([c.width, c.height]).toEqual([SLIDE_WIDTH, SLIDE_HEIGHT]);
    expect(c.slideNumber).toBe('c/t');
    expect(c.hash).toBe(true);
    expect(c.showNotes).toBe(false);
  });

  it('turns transitions off for reduced motion', () => {
    const c = deckConfig({ view: 'live', ...env, reducedMotion: true });
    expect(c.transition).toBe('none');
    expect(c.backgroundTransition).toBe('none');
    expect(deckConfig({ view: 'live', ...env }).transition).not.toBe('none');
  });

  it('prints one 16:9 page per slide with its notes and every fragment shown', () => {
    const c = deckConfig({ view: 'print', ...env });
    expect(c.showNotes).toBe(true);
    expect(c.pdfSeparateFragments).toBe(false);
    expect(c.pdfMaxPagesPerSlide).toBe(1);
    // The page is the slide plus the margin reveal is given on each axis: 1600 × 900 at 1280 × 720, still 16:9.
    expect([c.width, c.height]).toEqual([SLIDE_WIDTH, SLIDE_HEIGHT]);
    expect(c.margin).toBe(PRINT_MARGIN);
    expect([Number(c.width) * (1 + Number(c.margin)), Number(c.height) * (1 + Number(c.margin))]).toEqual([1600, 900]);
  });

  it("prints the attendees' slides alone: no notes, a 1280 × 720 page per slide", () => {
    expect(printKind('?view=print')).toBe('notes');
    expect(printKind('?view=print&slides-only')).toBe('slides');
    const c = deckConfig({ view: 'print', print: 'slides', ...env });
    expect(c.showNotes).toBe(false);
    expect(c.margin).toBe(0);
  });

  it('leaves narrow windows to the deck, not to reveal\'s scroll view', () => {
    expect(deckConfig({ view: 'live', ...env }).scrollActivationWidth).toBe(0);
  });

  it('passes the keyboard condition through', () => {
    const keyboardCondition = () => false;
    expect(deckConfig({ view: 'live', reducedMotion: false, keyboardCondition }).keyboardCondition).toBe(keyboardCondition);
  });
});
