/**
 * From Pagefind's page hits to the reader's results
 * (src/modes/read/runtime/search-results.ts): one result per matching part
 * of a page, linked relative to the learner's page at the part's anchor,
 * with a plain-text excerpt of that part.
 */
import { describe, expect, it } from 'vitest';
import { excerptAround, partsOf, resultHref, searchResults, type PageHit } from '../../../../src/modes/read/runtime/search-results';

// A glossary of three entries, as Pagefind indexes it: word 0 is "Glossary.", each entry an anchor with its title.
const content = 'Glossary. Terms. Authenticity Being real. Controlling images Demeaning images of a group. Relational images Expectations from relationships; see also Controlling images.';
const glossary: PageHit = {
  url: '/glossary.html',
  meta: { title: 'Glossary' },
  content,
  locations: [5, 6, 8, 13, 19, 20],
  anchors: [
    { element: 'h1', id: 'glossary-title', text: 'Glossary', location: 0 },
    { element: 'div', id: 'term-authenticity', text: '', title: 'Authenticity', location: 2 },
    { element: 'div', id: 'term-controlling-images', text: '', title: 'Controlling images', location: 5 },
    { element: 'div', id: 'term-relational-images', text: '', title: 'Relational images', location: 12 },
  ],
};

describe('the parts of a page', () => {
  it('group the matches by the titled anchor before them, the part with most matches first', () => {
    expect(partsOf(glossary).map((p) => [p.anchor?.id, p.locations])).toEqual([
      ['term-controlling-images', [5, 6, 8]],
      ['term-relational-images', [13, 19, 20]],
    ]);
  });

  it('put a match before the first part (a module\'s objectives) under the page itself; untitled anchors are no parts', () => {
    expect(partsOf({ ...glossary, locations: [1] }).map((p) => p.anchor)).toEqual([null]);
  });
});

describe('a result link', () => {
  it("is the page at the part's anchor, relative to the learner's page, wherever the site is served", () => {
    expect(resultHref('modules/why.html', '/glossary.html', 'term-controlling-images')).toBe('../glossary.html#term-controlling-images');
    expect(resultHref('index.html', '/modules/rct-in-practice.html', 'therapy-in-practice')).toBe('modules/rct-in-practice.html#therapy-in-practice');
    expect(resultHref('glossary.html', '/glossary.html', 'term-x')).toBe('glossary.html#term-x');
  });

  it("drops Pagefind's own fragment and an origin, and encodes the anchor", () => {
    expect(resultHref('index.html', '/references.html#ref-a', 'ref-b c')).toBe('references.html#ref-b%20c');
    expect(resultHref('index.html', 'https://example.com/glossary.html')).toBe('glossary.html');
  });
});

describe('an excerpt', () => {
  it('is plain words with the matches marked, and starts no earlier than its part', () => {
    const parts = excerptAround(content, [5, 6, 8], 6, 5);
    expect(parts).toEqual([
      { text: '… ', mark: false },
      { text: 'Controlling images', mark: true },
      { text: ' Demeaning ', mark: false },
      { text: 'images', mark: true },
      { text: ' of a …', mark: false },
    ]);
  });

  it('keeps markup in the text as text (it is shown with textContent, never parsed)', () => {
    expect(excerptAround('a <b>x</b> c', [1], 10)).toEqual([
      { text: 'a ', mark: false },
      { text: '<b>x</b>', mark: true },
      { text: ' c', mark: false },
    ]);
  });
});

describe('the results', () => {
  it('are one per matching part, titled by the part, with its page named', () => {
    const [first, second] = searchResults('index.html', [glossary], { words: 2 });
    expect(first).toMatchObject({ href: 'glossary.html#term-controlling-images', title: 'Controlling images', page: 'Glossary', matches: 3 });
    expect(second).toMatchObject({ href: 'glossary.html#term-relational-images', title: 'Relational images' });
  });

  it('leave out a part that matched fewer words than the query has, while another part of the page matched them all', () => {
    const partial = { ...glossary, locations: [5, 6, 13] };
    expect(searchResults('index.html', [partial], { words: 2 }).map((r) => r.title)).toEqual(['Controlling images']);
    expect(searchResults('index.html', [{ ...glossary, locations: [13] }], { words: 2 }).map((r) => r.title)).toEqual(['Relational images']);
  });

  it('keep Pagefind\'s page order and stop at the limit', () => {
    const module: PageHit = { url: '/modules/m.html', meta: { title: 'Module' }, content: 'Module. images', locations: [1], anchors: [] };
    expect(searchResults('index.html', [module, glossary], { limit: 2 }).map((r) => [r.title, r.page])).toEqual([
      ['Module', null],
      ['Controlling images', 'Glossary'],
    ]);
  });
});
