/**
 * Reads a slide's MDX source as a syntax tree (satteri, the parser Astro's
 * MDX integration uses) and reports what the validator needs: which course
 * components it embeds and what breaks the authoring rules. Pure: source in,
 * findings out.
 */
import { mdxToMdast } from 'satteri';
import { embedNames, isEmbedName, proseNames, type EmbedName } from './embeds';

export interface Embed {
  component: EmbedName;
  id: string;
  line: number;
}

export interface MdxFinding {
  line: number;
  message: string;
}

export interface MdxAnalysis {
  embeds: Embed[];
  /** Glossary terms linked with <Term id>, in order. */
  terms: Array<{ id: string; line: number }>;
  /** How many <Explain> blocks (teaching text for the reader) the body has. */
  explains: number;
  problems: MdxFinding[];
  /** Links to other sites (http/https), in order: learners may follow them; the course never fetches them. */
  externalLinks: string[];
}

interface Node {
  type: string;
  url?: string;
  name?: string | null;
  depth?: number;
  alt?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  position?: { start: { line: number } };
  children?: Node[];
}

function stringAttribute(node: Node, name: string): string | undefined | null {
  const attr = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attr) return undefined;
  return typeof attr.value === 'string' ? attr.value : null; // null: present but an expression
}

/** Analyse a whole .mdx file (frontmatter included, so line numbers match the file). */
export function analyzeMdx(source: string): MdxAnalysis {
  const embeds: Embed[] = [];
  const terms: Array<{ id: string; line: number }> = [];
  let explains = 0;
  const problems: MdxFinding[] = [];
  const externalLinks: string[] = [];
  const external = (url: unknown) => {
    if (typeof url === 'string' && /^https?:\/\//i.test(url) && !externalLinks.includes(url)) externalLinks.push(url);
  };
  let tree: Node;
  try {
    tree = mdxToMdast(source) as unknown as Node;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { embeds, terms, explains, externalLinks, problems: [{ line: 0, message: `is not valid MDX (${message}): check for unescaped "{", "}" or "<" in text` }] };
  }

  /** Whether the node being visited sits inside an <Explain> block. */
  let inExplain = false;
  const visit = (node: Node): void => {
    const line = node.position?.start.line ?? 0;
    switch (node.type) {
      case 'heading':
        // The layout renders the slide title (h2 in the reader); body headings must nest below it.
        if ((node.depth ?? 3) < 3)
          problems.push({ line, message: `uses a level-${node.depth} heading: the slide title is the heading; use ### (level 3) or deeper inside a slide` });
        break;
      case 'image':
      case 'imageReference':
        if (!node.alt?.trim())
          problems.push({ line, message: 'has an image without alt text: write what the image shows in ![alt text](file), for screen-reader users (WCAG 1.1.1)' });
        break;
      case 'link':
        external(node.url);
        break;
      case 'mdxjsEsm':
        problems.push({ line, message: `has an import or export: slides use no imports; ${embedNames.join(', ')} are provided` });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        if (name === 'a') external(stringAttribute(node, 'href'));
        else if (name === 'img') {
          const alt = stringAttribute(node, 'alt');
          if (alt === undefined || (typeof alt === 'string' && !alt.trim()))
            problems.push({ line, message: 'has an <img> without alt text: add alt="what the image shows" (WCAG 1.1.1)' });
        } else if (name === 'Explain') {
          if (node.type !== 'mdxJsxFlowElement')
            problems.push({ line, message: 'has <Explain> inside a paragraph: put <Explain> and </Explain> on lines of their own, with the teaching text between them' });
          if (inExplain) problems.push({ line, message: 'has an <Explain> inside another <Explain>: close the first one before opening the next' });
          explains++;
          const outer = inExplain;
          inExplain = true;
          node.children?.forEach(visit);
          inExplain = outer;
          return;
        } else if (name === 'Term') {
          const id = stringAttribute(node, 'id');
          if (typeof id === 'string' && id) terms.push({ id, line });
          else problems.push({ line, message: 'has <Term> without a literal id: write <Term id="term-id">the words</Term> with the id of an entry in modules/glossary.yaml' });
          if (!node.children?.length) problems.push({ line, message: `has an empty <Term${id ? ` id="${id}"` : ''} />: put the words it links between <Term id="…"> and </Term>` });
        } else if (isEmbedName(name)) {
          if (inExplain)
            problems.push({ line, message: `has <${name}> inside <Explain>, which the deck leaves out: move it outside the <Explain> block` });
          const id = stringAttribute(node, 'id');
          if (typeof id === 'string' && id) embeds.push({ component: name, id, line });
          else problems.push({ line, message: `has <${name}> without a literal id: write <${name} id="the-id" /> with an id defined in this slide's frontmatter` });
        } else if (/^[A-Z]/.test(name) || name.includes('.')) {
          problems.push({ line, message: `uses an unknown component <${name}>: use one of ${[...embedNames, ...proseNames].map((c) => `<${c}>`).join(', ')} or plain Markdown` });
        }
        break;
      }
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return { embeds, terms, explains, problems, externalLinks };
}
