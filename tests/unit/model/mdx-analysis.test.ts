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
          '<Video id="v" />',
          '<KnowledgeCheck id={"a"} />',
        ].join('\n'),
      ),
    );
    expect(r.problems.map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [6, 'uses a level-2 heading'],
      [7, 'has an image without alt text'],
      [8, 'has an <img> without alt text'],
      [9, 'has an import or export'],
      [11, 'uses an unknown component <Video>'],
      [12, 'has <KnowledgeCheck> without a literal id'],
    ]);
    expect(r.problems[4]?.message).toContain('use one of <KnowledgeCheck>, <Reflection>, <Chart>');
  });

  it('says an MDX body that does not parse is not valid MDX, and what usually causes it', () => {
    const r = analyzeMdx(slide('A stray { brace'));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.message).toMatch(/^is not valid MDX .*unescaped "\{", "\}" or "<"/);
  });
});
