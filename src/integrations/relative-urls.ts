/**
 * Makes the URLs Astro itself writes into a built site path-independent
 * (src/README.md: "Every URL inside the package is relative"): Astro links its
 * bundled scripts, styles and images root-relative (`/_astro/x.js`); each
 * becomes relative to the file that holds it (`./_astro/x.js` at the root,
 * `../_astro/x.js` one folder down), so the site and the SCORM package work
 * served from any path.
 *
 * Only references into the assets folder (`build.assets` in
 * astro.config.mjs) are touched, and only where a document loads them:
 * the resource attributes of elements (`<script src>`, `<link href>`,
 * `<img src/srcset>`…), CSS `url()`/`@import`/`image-set()` in stylesheets,
 * `<style>` and `style` attributes, and import specifiers of inline
 * scripts. They are found with real parsers (parse5 for HTML, a CSS
 * tokenizer, acorn's tokenizer for JS) and changed where they are written;
 * every other byte of the file stays as it was. Text, code samples, other
 * attributes and root-relative links to pages are not this module's
 * business: pages write their own links relative, and the package guard
 * (src/packager/relative-urls.ts) refuses any that are not.
 *
 * Pure: text in, text out.
 */
import { parse as parseHtml, type DefaultTreeAdapterMap } from 'parse5';
import { cssResourceUrls } from './css-urls';
import { moduleSpecifiers } from './js-specifiers';

/** "../" once per folder between the file and the site root ("./" at the root). */
export function prefixFor(pathFromRoot: string): string {
  const depth = pathFromRoot.split('/').length - 1;
  return depth === 0 ? './' : '../'.repeat(depth);
}

export interface AssetUrlOptions {
  /** The folder Astro writes its assets to, from the site root (`build.assets`); default "_astro". */
  assetsDir?: string;
}

/** A replacement of `source.slice(start, end)`. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(source: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return source;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error(`relative-urls: overlapping edits at offset ${edit.start}`);
    out += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + source.slice(at);
}

/** What a rewrite needs: the assets' root-relative prefix ("/_astro/") and the replacement for its leading "/". */
interface Rewrite {
  assetPrefix: string;
  relative: string;
}

function rewriteFor(pathFromRoot: string, options: AssetUrlOptions): Rewrite {
  if (pathFromRoot.startsWith('/') || pathFromRoot.includes('\\')) {
    throw new TypeError(`relative-urls: pathFromRoot must be relative to the site root with "/" separators, e.g. "modules/a.html"; got ${JSON.stringify(pathFromRoot)}`);
  }
  const dir = (options.assetsDir ?? '_astro').replace(/^\/+|\/+$/g, '');
  if (dir === '') throw new TypeError('relative-urls: assetsDir must name a folder, e.g. "_astro"');
  return { assetPrefix: `/${dir}/`, relative: prefixFor(pathFromRoot) };
}

/**
 * The edit that makes the URL written at `source[start, end)` relative, if
 * it is an asset reference; leading spaces (which URL parsing strips) are
 * kept.
 */
function urlEdit(source: string, start: number, end: number, rw: Rewrite): Edit | null {
  let s = start;
  while (s < end && /[\t\n\f\r ]/.test(source[s] ?? '')) s++;
  if (!source.startsWith(rw.assetPrefix, s) || s + rw.assetPrefix.length > end) return null;
  return { start: s, end: s + 1, text: rw.relative };
}

// ---------------------------------------------------------------------------
// CSS
// ---------------------------------------------------------------------------

function cssEdits(css: string, base: number, rw: Rewrite): Edit[] {
  return cssResourceUrls(css).flatMap((u) => {
    const edit = urlEdit(css, u.start, u.end, rw);
    return edit === null ? [] : [{ ...edit, start: edit.start + base, end: edit.end + base }];
  });
}

/**
 * `css` (a stylesheet file at `pathFromRoot`, e.g. "_astro/app.css") with
 * each reference into the assets folder made relative to it: `url()`
 * (quoted or not), `@import "…"` and `image-set()` strings. Comments and
 * other strings are left alone. Returns `css` itself when nothing changes.
 */
export function relativizeCssAssetUrls(css: string, pathFromRoot: string, options: AssetUrlOptions = {}): string {
  return applyEdits(css, cssEdits(css, 0, rewriteFor(pathFromRoot, options)));
}

// ---------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------

type HtmlNode = DefaultTreeAdapterMap['node'];
type HtmlElement = DefaultTreeAdapterMap['element'];

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Attributes through which an HTML element loads a resource, one URL each. */
const LOADING_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  link: ['href'],
  script: ['src'],
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  input: ['src'],
  embed: ['src'],
  iframe: ['src'],
  object: ['data'],
  // Astro's islands: the component and renderer modules it imports to hydrate them.
  'astro-island': ['component-url', 'renderer-url', 'before-hydration-url'],
};

/** Attributes holding a list of image candidates. */
const SRCSET_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  img: ['srcset'],
  source: ['srcset'],
  link: ['imagesrcset'],
};

/** SVG elements that load what their `href` (or legacy `xlink:href`) names. */
const SVG_LOADING = new Set(['image', 'use', 'feImage', 'script']);

/** Where an attribute's value is written: its offsets in the source, without quotes. */
function valueSpan(source: string, element: HtmlElement, name: string): { start: number; end: number } | null {
  const loc = element.sourceCodeLocation?.attrs?.[name];
  if (loc === undefined) return null;
  const written = source.slice(loc.startOffset, loc.endOffset);
  const lead = /^=?[^\t\n\f\r =]*[\t\n\f\r ]*=[\t\n\f\r ]*(["']?)/.exec(written);
  if (lead === null) return null; // an attribute without a value
  const start = loc.startOffset + lead[0].length;
  const quoted = (lead[1] ?? '') !== '' && written.endsWith(lead[1] ?? '') && written.length > lead[0].length;
  return { start, end: quoted ? loc.endOffset - 1 : loc.endOffset };
}

/** The URLs of a `srcset` value written at `source[start, end)` (HTML §4.8.4.3.11: candidates split by commas, each URL up to a space). */
function srcsetEdits(source: string, start: number, end: number, rw: Rewrite): Edit[] {
  const edits: Edit[] = [];
  let i = start;
  const space = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
  while (i < end) {
    while (i < end && (space(source[i]) || source[i] === ',')) i++;
    const urlStart = i;
    while (i < end && !space(source[i])) i++;
    const edit = urlEdit(source, urlStart, i, rw);
    if (edit !== null) edits.push(edit);
    // A URL ending in commas ends its candidate; otherwise its descriptors run to the next comma outside parentheses.
    if (source[i - 1] === ',') continue;
    let depth = 0;
    while (i < end && !(source[i] === ',' && depth === 0)) {
      if (source[i] === '(') depth++;
      else if (source[i] === ')') depth = Math.max(0, depth - 1);
      i++;
    }
  }
  return edits;
}

/**
 * The characters of an attribute value as written, with the character
 * references a `style` value may use for quotes (`&quot;`, `&#39;`…) or
 * other characters decoded, and for each decoded character the offset it
 * was written at, so CSS found in the decoded value is edited in place.
 */
function decodeCharacterReferences(source: string, start: number, end: number): { text: string; offsets: number[] } {
  const named: Record<string, string> = { quot: '"', apos: "'", amp: '&', lt: '<', gt: '>' };
  let text = '';
  const offsets: number[] = [];
  const re = /&(?:#[xX]([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|(quot|apos|amp|lt|gt));/y;
  for (let i = start; i < end; ) {
    re.lastIndex = i;
    const m = source[i] === '&' ? re.exec(source) : null;
    const code = m === null ? null : m[1] !== undefined ? parseInt(m[1], 16) : m[2] !== undefined ? parseInt(m[2], 10) : null;
    const char = m === null ? null : code !== null ? (code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd') : named[m[3] ?? ''] ?? null;
    if (m !== null && char !== null && i + m[0].length <= end) {
      for (const unit of char.split('')) {
        text += unit;
        offsets.push(i);
      }
      i += m[0].length;
    } else {
      text += source[i];
      offsets.push(i);
      i++;
    }
  }
  return { text, offsets };
}

/** CSS in a `style` attribute written at `source[start, end)`: edits at the source offsets of the decoded value. */
function styleAttributeEdits(source: string, start: number, end: number, rw: Rewrite): Edit[] {
  const { text, offsets } = decodeCharacterReferences(source, start, end);
  return cssEdits(text, 0, rw).flatMap((e) => {
    const at = offsets[e.start];
    // The "/" that is replaced is itself written as "/", never as a reference: else leave it.
    return at !== undefined && source[at] === '/' ? [{ start: at, end: at + 1, text: e.text }] : [];
  });
}

/** An inline script's module specifiers (static and dynamic imports); a script acorn cannot read is left as it is. */
function scriptEdits(source: string, start: number, end: number, type: string | undefined, rw: Rewrite): Edit[] {
  const essence = (type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const sourceType = essence === 'module' ? 'module' : essence === '' || /^(?:text|application)\/(?:x-)?(?:java|ecma)script$/.test(essence) ? 'script' : null;
  if (sourceType === null) return []; // a data block (JSON, a template…), not a script
  const body = source.slice(start, end);
  return (moduleSpecifiers(body, sourceType) ?? []).flatMap((s) => {
    const edit = urlEdit(body, s.start, s.end, rw);
    return edit === null ? [] : [{ ...edit, start: edit.start + start, end: edit.end + start }];
  });
}

function elementEdits(source: string, el: HtmlElement, rw: Rewrite): Edit[] {
  const edits: Edit[] = [];
  const each = (names: readonly string[] | undefined, edit: (start: number, end: number) => Edit[]) => {
    for (const name of names ?? []) {
      const span = valueSpan(source, el, name);
      if (span !== null) edits.push(...edit(span.start, span.end));
    }
  };
  const one = (start: number, end: number): Edit[] => {
    const edit = urlEdit(source, start, end, rw);
    return edit === null ? [] : [edit];
  };
  if (el.namespaceURI === HTML_NS) {
    each(LOADING_ATTRIBUTES[el.tagName], one);
    each(SRCSET_ATTRIBUTES[el.tagName], (s, e) => srcsetEdits(source, s, e, rw));
  } else if (el.namespaceURI === SVG_NS && SVG_LOADING.has(el.tagName)) {
    each(['href', 'xlink:href'], one);
  }
  each(['style'], (s, e) => styleAttributeEdits(source, s, e, rw));

  const loc = el.sourceCodeLocation;
  if ((el.tagName === 'style' || el.tagName === 'script') && loc?.startTag !== undefined) {
    const start = loc.startTag.endOffset;
    const end = loc.endTag?.startOffset ?? loc.endOffset;
    if (el.tagName === 'style') edits.push(...cssEdits(source.slice(start, end), start, rw));
    else if (el.namespaceURI === HTML_NS) edits.push(...scriptEdits(source, start, end, el.attrs.find((a) => a.name === 'type')?.value, rw));
  }
  return edits;
}

/**
 * `html` (a page at `pathFromRoot`, e.g. "index.html" or "modules/a.html")
 * with each reference into Astro's assets folder made relative to it:
 * the resource attributes of elements (`<script src>`, `<link href>`
 * — stylesheet, modulepreload, icon… —, `src`/`srcset` of `<img>` and
 * `<source>`, `poster`, `<astro-island component-url>`…, SVG `<image href>`),
 * CSS in `<style>` and `style` attributes, and the import specifiers of
 * inline scripts. Every other byte is left as written (the document is
 * parsed, never re-serialized); returns `html` itself when nothing changes.
 */
export function relativizeAssetUrls(html: string, pathFromRoot: string, options: AssetUrlOptions = {}): string {
  const rw = rewriteFor(pathFromRoot, options);
  // A quick exit that is also a guarantee: without the prefix there is nothing to rewrite.
  if (!html.includes(rw.assetPrefix)) return html;
  // Scripting off: <noscript> holds elements (a fallback stylesheet link), not text.
  const document = parseHtml(html, { sourceCodeLocationInfo: true, scriptingEnabled: false });
  const edits: Edit[] = [];
  const visit = (node: HtmlNode): void => {
    if ('tagName' in node) {
      edits.push(...elementEdits(html, node, rw));
      if ('content' in node) visit(node.content); // <template>'s contents
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(document);
  return applyEdits(html, edits);
}
