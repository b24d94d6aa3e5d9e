/**
 * Reads a slide's MDX source as a syntax tree (satteri, the parser Astro's
 * MDX integration uses) and reports what the validator needs: which course
 * components it embeds and what breaks the authoring rules. Pure: source in,
 * findings out.
 */
import { mdxToMdast } from 'satteri';
import { embedNames, isEmbedName, proseNames, type EmbedName } from './embeds';
import { didYouMean } from './suggest';

export interface Embed {
  component: EmbedName;
  id: string;
  line: number;
  column: number;
}

export interface MdxFinding {
  line: number;
  column: number;
  message: string;
}

/** A file the slide shows (an image, a video, its captions), as written. */
export interface MediaRef {
  url: string;
  line: number;
  column: number;
}

export interface MdxAnalysis {
  /** False when the body is not valid MDX: then embeds and media are unknown, not absent. */
  parsed: boolean;
  embeds: Embed[];
  /** Glossary terms linked with <Term id>, in order. */
  terms: Array<{ id: string; line: number; column: number }>;
  /** How many <Explain> blocks (teaching text for the reader) the body has. */
  explains: number;
  problems: MdxFinding[];
  /** Links to other sites (http/https), in order: learners may follow them; the course never fetches them. */
  externalLinks: string[];
  /** Local files the body shows, for the loader to check they exist. */
  media: MediaRef[];
  /** Ids given to components that do not exist: already an error, so not also "defined but not shown". */
  unknownIds: string[];
}

interface Node {
  type: string;
  url?: string;
  name?: string | null;
  depth?: number;
  alt?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  value?: unknown;
  position?: { start: { line: number; column: number } };
  children?: Node[];
}

/** Elements a slide may not contain, and why: they run code, restyle or redirect the page, or belong to its head. */
const REFUSED_ELEMENTS: Record<string, string> = {
  script: "slides run no scripts: the course's components (KnowledgeCheck, Reflection, ...) provide the interaction",
  style: "the course's Content-Security-Policy refuses inline styles: the course's stylesheets style every slide",
  base: 'it would redirect every link of the page',
  meta: 'it belongs to the page head the builder writes',
  link: 'it belongs to the page head the builder writes',
  video: 'define the video and its captions in the frontmatter (videos: [{ id, title, src, captions }]) and write <Video id="…" />',
  audio: 'audio is not supported yet: link to the file and give its transcript in the slide',
};

/** Elements that show another document; allowed only from the course itself (a relative src). */
const FRAMES = new Set(['iframe', 'frame', 'embed', 'object', 'portal', 'fencedframe']);

/** Attributes whose value is a URL a browser may follow or load. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'cite', 'background', 'ping']);

/** javascript:, vbscript: and data: URLs run or render code; browsers ignore tabs, line breaks and leading spaces in the scheme. */
export function isScriptUrl(url: string): boolean {
  const scheme = url.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return /^(javascript|vbscript|data):/.test(scheme) && !/^data:image\/(png|jpeg|gif|webp|avif);/.test(scheme);
}

/** Absolute (http:, //host) URLs point to another origin. */
const isOtherOrigin = (url: string): boolean => /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url.trim());

/** A local file reference (not a link to another site, an anchor or a data URL). */
const isLocalFile = (url: string): boolean => url.trim() !== '' && !isOtherOrigin(url) && !url.startsWith('#');

/** An expression that is only a comment: {/* ... *\/} is how MDX writes comments, and runs nothing. */
const isComment = (code: unknown): boolean => typeof code === 'string' && /^\s*\/\*[\s\S]*\*\/\s*$/.test(code);

/** Where satteri's error message says the problem is ("5:6: Unexpected ..."), and the message without it. */
function errorPosition(message: string): { line: number; column: number; reason: string } {
  const m = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*([\s\S]*)$/.exec(message);
  const reason = (m?.[3] ?? message).replace(/\s*\((?:mdx|micromark)[\w:-]*\)\s*$/, '').replace(/\s*\(\d+:\d+\)/g, '');
  return { line: Number(m?.[1] ?? 1), column: Number(m?.[2] ?? 1), reason };
}

function stringAttribute(node: Node, name: string): string | undefined | null {
  const attr = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attr) return undefined;
  return typeof attr.value === 'string' ? attr.value : null; // null: present but an expression
}

/** Analyse a whole .mdx file (frontmatter included, so line numbers match the file). */
export function analyzeMdx(source: string): MdxAnalysis {
  const embeds: Embed[] = [];
  const terms: Array<{ id: string; line: number; column: number }> = [];
  let explains = 0;
  const problems: MdxFinding[] = [];
  const externalLinks: string[] = [];
  const media: MediaRef[] = [];
  const unknownIds: string[] = [];
  const external = (url: unknown) => {
    if (typeof url === 'string' && /^https?:\/\//i.test(url) && !externalLinks.includes(url)) externalLinks.push(url);
  };
  let tree: Node;
  try {
    tree = mdxToMdast(source) as unknown as Node;
  } catch (error) {
    const { line, column, reason } = errorPosition(error instanceof Error ? error.message : String(error));
    return {
      parsed: false,
      embeds,
      terms,
      explains,
      externalLinks,
      media,
      unknownIds,
      problems: [{ line, column, message: `is not valid MDX (${reason}): check for unescaped "{", "}" or "<" in text (write \\{ or \\< for the character itself)` }],
    };
  }

  /** Whether the node being visited sits inside an <Explain> block. */
  let inExplain = false;
  const visit = (node: Node): void => {
    const line = node.position?.start.line ?? 0;
    const column = node.position?.start.column ?? 1;
    const problem = (message: string) => problems.push({ line, column, message });
    const url = (value: unknown, what: string) => {
      if (typeof value === 'string' && isScriptUrl(value))
        problem(`has a ${what} to a "${value.split(':')[0]?.trim()}:" URL, which would run code in the learner's browser: link to a page (https://… or a file of the course) instead`);
    };
    switch (node.type) {
      case 'heading':
        // The layout renders the slide title (h2 in the reader); body headings must nest below it.
        if ((node.depth ?? 3) < 3) problem(`uses a level-${node.depth} heading: the slide title is the heading; use ### (level 3) or deeper inside a slide`);
        break;
      case 'image':
      case 'imageReference':
        if (!node.alt?.trim()) problem('has an image without alt text: write what the image shows in ![alt text](file), for screen-reader users (WCAG 1.1.1)');
        if (node.type === 'image') {
          url(node.url, 'image');
          if (typeof node.url === 'string' && isOtherOrigin(node.url) && !isScriptUrl(node.url))
            problem(`shows an image from another site (${node.url}): the course fetches nothing from other origins; save the image next to the slide and write ![alt](file.png)`);
          else if (typeof node.url === 'string' && isLocalFile(node.url)) media.push({ url: node.url, line, column });
        }
        break;
      case 'link':
      case 'definition':
        url(node.url, 'link');
        external(node.url);
        break;
      case 'mdxjsEsm':
        problem(`has an import or export: slides use no imports; ${embedNames.join(', ')} are provided`);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isComment(node.value))
          problem('has an MDX expression {…}: slides run no code at build time or in the browser; write \\{ and \\} for the braces themselves, or {/* … */} for a comment');
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        elementProblems(node, name, problem, url);
        if (name === 'a') external(stringAttribute(node, 'href'));
        else if (name === 'img') {
          const alt = stringAttribute(node, 'alt');
          const src = stringAttribute(node, 'src');
          const hasAlt = typeof alt === 'string' && alt.trim() !== '';
          if (typeof src === 'string' && isOtherOrigin(src) && !isScriptUrl(src))
            problem(`shows an image from another site (${src}): the course fetches nothing from other origins; save the image next to the slide`);
          // Only Markdown images are published with the course: an <img> would point at a file the site does not have.
          else if (typeof src === 'string' && isLocalFile(src))
            problem(`shows ${src} with <img>, which the build does not publish: write it as ![${hasAlt ? alt : 'what the image shows'}](${src})${hasAlt ? '' : ', with alt text (WCAG 1.1.1)'}`);
          else if (!hasAlt) problem('has an <img> without alt text: add alt="what the image shows" (WCAG 1.1.1)');
        } else if (name === 'Explain') {
          if (node.type !== 'mdxJsxFlowElement')
            problem('has <Explain> inside a paragraph: put <Explain> and </Explain> on lines of their own, with the teaching text between them');
          if (inExplain) problem('has an <Explain> inside another <Explain>: close the first one before opening the next');
          explains++;
          const outer = inExplain;
          inExplain = true;
          node.children?.forEach(visit);
          inExplain = outer;
          return;
        } else if (name === 'Term') {
          const id = stringAttribute(node, 'id');
          if (typeof id === 'string' && id) terms.push({ id, line, column });
          else problem('has <Term> without a literal id: write <Term id="term-id">the words</Term> with the id of an entry in modules/glossary.yaml');
          if (!node.children?.length) problem(`has an empty <Term${id ? ` id="${id}"` : ''} />: put the words it links between <Term id="…"> and </Term>`);
        } else if (isEmbedName(name)) {
          if (inExplain) problem(`has <${name}> inside <Explain>, which the deck leaves out: move it outside the <Explain> block`);
          const id = stringAttribute(node, 'id');
          if (typeof id === 'string' && id) embeds.push({ component: name, id, line, column });
          else problem(`has <${name}> without a literal id: write <${name} id="the-id" /> with an id defined in this slide's frontmatter`);
        } else if (/^[A-Z]/.test(name) || name.includes('.')) {
          const id = stringAttribute(node, 'id');
          if (typeof id === 'string') unknownIds.push(id);
          const known = [...embedNames, ...proseNames];
          const guess = didYouMean(name, known);
          const list = `${known.map((c) => `<${c}>`).join(', ')} or plain Markdown`;
          problem(`uses an unknown component <${name}>: ${guess ? `${guess.replace(/^did you mean (.*)\?$/, 'did you mean <$1>?')} Otherwise use one of ${list}` : `use one of ${list}`}`);
        }
        break;
      }
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return { parsed: true, embeds, terms, explains, problems, externalLinks, media, unknownIds };
}

/** What makes an element unsafe: a refused element, an event handler, code in an attribute, another site's document in a frame. */
function elementProblems(node: Node, name: string, problem: (message: string) => void, url: (value: unknown, what: string) => void): void {
  // HTML elements are lower-case; <Video> is a component, not <video>.
  const lower = /^[a-z]/.test(name) ? name.toLowerCase() : '';
  const refused = Object.hasOwn(REFUSED_ELEMENTS, lower) ? REFUSED_ELEMENTS[lower] : undefined;
  if (refused) problem(`has a <${lower}> element, which slides may not contain: ${refused}; remove it`);
  for (const attr of node.attributes ?? []) {
    if (attr.type === 'mdxJsxExpressionAttribute') {
      problem(`has a spread attribute {…} on <${name}>: slides run no code; write each attribute as name="value"`);
      continue;
    }
    const attrName = attr.name ?? '';
    // An embed's id has its own message ("without a literal id"): one mistake, one error.
    if (attr.value && typeof attr.value === 'object' && !(isEmbedName(name) && attrName === 'id'))
      problem(`has an expression as the value of ${attrName}= on <${name}>: slides run no code; write ${attrName}="value"`);
    if (/^on/i.test(attrName))
      problem(`has an event handler ${attrName}= on <${name}>, which would run code in the learner's browser: remove it (the course's components provide the interaction)`);
    else if (attrName.toLowerCase() === 'style')
      problem(`has a style= attribute on <${name}>: the course's Content-Security-Policy refuses inline styles; remove it (the course's stylesheets style every slide)`);
    else if (attrName.toLowerCase() === 'srcdoc') problem(`has srcdoc= on <${name}>, a document written inline: remove it`);
    else if (URL_ATTRIBUTES.has(attrName.toLowerCase())) {
      url(attr.value, `${attrName}=`);
      if (FRAMES.has(lower) && typeof attr.value === 'string' && isOtherOrigin(attr.value) && !isScriptUrl(attr.value))
        problem(`embeds ${attr.value} in <${lower}>: the course shows nothing from other sites (learners in an LMS or offline could not load it, and it could track them); link to it with [text](${attr.value}) instead`);
    }
  }
}
