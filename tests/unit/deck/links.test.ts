import { describe, expect, it } from 'vitest';
import { deckHref, readerHref } from '../../../src/components/present/links';

describe('deckHref', () => {
  it('links from a root page to the slide in the deck', () => {
    expect(deckHref('x', 'index.html')).toBe('present.html#/x');
    expect(deckHref('five-good-things', 'all.html')).toBe('present.html#/five-good-things');
  });

  it('climbs one folder per level of the page', () => {
    expect(deckHref('x', 'modules/a.html')).toBe('../present.html#/x');
    expect(deckHref('x', 'a/b/c.html')).toBe('../../present.html#/x');
  });

  it('ignores a leading slash or ./ and any query or hash of the page', () => {
    expect(deckHref('x', '/modules/a.html')).toBe('../present.html#/x');
    expect(deckHref('x', './index.html')).toBe('present.html#/x');
    expect(deckHref('x', 'modules/a.html?y=1#z')).toBe('../present.html#/x');
  });

  it('never produces a root-relative or absolute URL', () => {
    for (const from of ['index.html', 'modules/a.html', '/present.html'])
      expect(deckHref('slide-id', from)).not.toMatch(/^(\/|[a-z]+:)/);
  });
});

describe('readerHref', () => {
  it('links from the deck to the slide on its module page', () => {
    expect(readerHref('why-relationships', 'rct-proposes')).toBe('modules/why-relationships.html#rct-proposes');
    expect(readerHref('m', 's', 'modules/other.html')).toBe('../modules/m.html#s');
  });
});
