/**
 * The glossary and the references (src/model/reference-matter.ts): terms
 * resolved to the works they come from, and the one bit of Markdown the
 * reference matter allows, written safely.
 */
import { describe, expect, it } from 'vitest';
import { glossaryModel, inlineMarkdown, referenceMatterProblems } from '../../../src/model/reference-matter';

const references = {
  title: 'References',
  introduction: 'Works cited.',
  references: [{ id: 'miller-stiver-1997', cited: 'Miller & Stiver, 1997', apa: 'Miller, J. B., & Stiver, I. P. (1997). *The healing connection*. Beacon Press.' }],
};
const glossary = {
  title: 'Glossary',
  introduction: 'Terms.',
  terms: [
    { id: 'central-relational-paradox', term: 'Central relational paradox', definition: 'Yearning and fear at once.', sources: ['miller-stiver-1997'], related: ['strategies-of-disconnection'] },
    { id: 'strategies-of-disconnection', term: 'Strategies of disconnection', definition: 'Ways of staying out of connection.', sources: ['miller-stiver-1997'], related: [] },
  ],
};

describe('the glossary', () => {
  it('gives each term its sources as cited and its related terms by name', () => {
    const model = glossaryModel(glossary, references);
    expect(model.terms[0]).toEqual({
      id: 'central-relational-paradox',
      term: 'Central relational paradox',
      definition: 'Yearning and fear at once.',
      sources: [{ id: 'miller-stiver-1997', cited: 'Miller & Stiver, 1997' }],
      related: [{ id: 'strategies-of-disconnection', term: 'Strategies of disconnection' }],
    });
  });

  it('is valid when every source, related term and <Term> in a slide resolves', () => {
    expect(referenceMatterProblems(glossary, references, [{ file: 'slides/01-a.mdx', line: 9, column: 1, id: 'central-relational-paradox' }], { glossary: false, references: false })).toEqual([]);
  });

  it('names the file, the field and the fix for a term defined twice, a related term that does not exist and a term related to itself', () => {
    const broken = { ...glossary, terms: [...glossary.terms, { ...glossary.terms[1]!, related: ['nope', 'strategies-of-disconnection'] }] };
    expect(referenceMatterProblems(broken, references, [], { glossary: false, references: false })).toEqual([
      { file: 'modules/glossary.yaml', field: 'terms[2].id', message: '"strategies-of-disconnection" is defined twice: define each term once' },
      { file: 'modules/glossary.yaml', field: 'terms[2].related[0]', message: 'names "nope", which is no term of the glossary: define it or fix the id' },
      { file: 'modules/glossary.yaml', field: 'terms[2].related[1]', message: 'names the term itself: list other terms only' },
    ]);
  });

  it('asks for the references file when a term names a source and there is none', () => {
    expect(referenceMatterProblems(glossary, null, [], { glossary: false, references: true })[0]).toEqual({
      file: 'modules/glossary.yaml',
      field: 'terms[0].sources[0]',
      message: 'names the reference "miller-stiver-1997", but there is no modules/references.yaml: create it and list the work there',
    });
  });
});

describe('the Markdown of a reference', () => {
  it('sets *titles* in italics', () => {
    expect(inlineMarkdown('Putnam, R. D. (2000). *Bowling alone*. Simon & Schuster.')).toBe('Putnam, R. D. (2000). <em>Bowling alone</em>. Simon &amp; Schuster.');
  });

  it('writes everything else as text, so a reference cannot inject markup', () => {
    expect(inlineMarkdown('<script>alert("x")</script> *<b>*')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <em>&lt;b&gt;</em>');
  });
});
