/**
 * What the validator learns from a slide's MDX body (src/model/mdx-analysis.ts):
 * the components it embeds, the links to other sites, and what breaks the
 * authoring rules, each with its line in the file.
 */
import { describe, expect, it } from 'vitest';
import { analyzeMdx } from '../../../src/model/mdx-analysis';

const slide = (body: string) => `---\nid: s\ntitle: T\n---\n\n${body}\n`;

describe('a slide body', () => {
  it('embeds the course components by literal id, each with its line', () => {
    const r = analyzeMdx(slide('Text.\n\n<KnowledgeCheck id="a" />\n\n<Reflection id="b" />\n<Chart id="c" />'));
    expect(r.embeds).toEqual([
      { component: 'KnowledgeCheck', id: 'a', line: 8, column: 1 },
      { component: 'Reflection', id: 'b', line: 10, column: 1 },
      { component: 'Chart', id: 'c', line: 11, column: 1 },
    ]);
    expect(r.problems).toEqual([]);
  });

  it('collects links to other sites once each, in order, from Markdown and <a>', () => {
    const r = analyzeMdx(slide('[one](https://a.example/x) and <a href="http://b.example">two</a>, [again](https://a.example/x), [here](#s), [rel](other.html)'));
    expect(r.externalLinks).toEqual(['https://a.example/x', 'http://b.example']);
  });

  it('refuses headings above level 3, images without alt text, imports, unknown components and ids that are not literal', () => {
    const r = analyzeMdx(
      slide(
        [
          '## Too high',
          '![](pic.png)',
          '<img src="pic.png" />',
          "import X from './x.js'",
          '',
          '<Quiz id="v" />',
          '<KnowledgeCheck id={"a"} />',
        ].join('\n'),
      ),
    );
    expect(r.problems.map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [6, 'uses a level-2 heading'],
      [7, 'has an image without alt text'],
      [8, 'shows pic.png with <img>, which the build does not publish'],
      [9, 'has an import or export'],
      [11, 'uses an unknown component <Quiz>'],
      [12, 'has <KnowledgeCheck> without a literal id'],
    ]);
    expect(r.problems[4]?.message).toContain('use one of <KnowledgeCheck>, <Reflection>, <Chart>, <Video>');
  });

  it('says an MDX body that does not parse is not valid MDX, and what usually causes it', () => {
    const r = analyzeMdx(slide('A stray { brace'));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.message).toMatch(/^is not valid MDX .*unescaped "\{", "\}" or "<"/);
  });

  it('counts the teaching text for readers and the glossary terms it links, each with its line and column', () => {
    const r = analyzeMdx(slide('- A bullet.\n\n<Explain>\n\nWhat <Term id="mutual-empathy">mutual empathy</Term> means, with an example.\n\n</Explain>'));
    expect(r.explains).toBe(1);
    expect(r.terms).toEqual([{ id: 'mutual-empathy', line: 10, column: 6 }]);
    expect(r.problems).toEqual([]);
  });

  it('refuses a <Term> without a literal id or without words, nested <Explain>, and embeds the deck would lose inside <Explain>', () => {
    const r = analyzeMdx(slide('<Explain>\n\n<Term>words</Term> and <Term id="x" />.\n\n<Explain>\n\nAgain.\n\n</Explain>\n\n<KnowledgeCheck id="k" />\n\n</Explain>'));
    expect(r.problems.map((p) => p.message.split(':')[0])).toEqual([
      'has <Term> without a literal id',
      'has an empty <Term id="x" />',
      'has an <Explain> inside another <Explain>',
      'has <KnowledgeCheck> inside <Explain>, which the deck leaves out',
    ]);
  });
});

describe('what a slide may not contain', () => {
  it('refuses script URLs however they are spelt, and allows pages, anchors and data images', async () => {
    const { isScriptUrl } = await import('../../../src/model/mdx-analysis');
    for (const url of ['javascript:alert(1)', ' JavaScript:x', 'java\tscript:x', 'vbscript:x', 'data:text/html,<script>x</script>']) expect(isScriptUrl(url), url).toBe(true);
    for (const url of ['https://example.org/', 'other.html#x', '#top', 'data:image/png;base64,AAAA']) expect(isScriptUrl(url), url).toBe(false);
  });

  it('refuses event handlers, styles, spreads and expressions in attributes, and frames of other sites, each once with its column', () => {
    const r = analyzeMdx(slide('<span onClick="x()" style="color:red">a</span> <iframe src="//other.example/" title="t" /> <iframe src="local.html" title="t" /> <b {...props}>c</b>'));
    expect(r.problems.map((p) => [p.line, p.column, p.message.split(':')[0]])).toEqual([
      [6, 1, 'has an event handler onClick= on <span>, which would run code in the learner\'s browser'],
      [6, 1, 'has a style= attribute on <span>'],
      [6, 48, 'embeds //other.example/ in <iframe>'],
      [6, 130, 'has a spread attribute {…} on <b>'],
    ]);
  });
});
