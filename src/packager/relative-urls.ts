/**
 * Find URLs that would break a package served from an arbitrary path or
 * fetch from another origin (DESIGN.md "Every URL inside the package is
 * relative; … Nothing is fetched from another origin"):
 *
 * - absolute URLs: `https://cdn…`, `http://…` (any `scheme://`);
 * - protocol-relative URLs: `//fonts.example.com/…`;
 * - root-relative URLs: `/_astro/app.js`, in URL contexts: HTML `href`,
 *   `src`, `srcset`, `action`, `poster`, `*-url` attributes…, CSS `url()` and
 *   `@import`, JS `import`/`from`/`import()`/`fetch()`/`new URL()`/
 *   `new Worker()`/`.src =`/`.href =`, and any JS string or attribute value
 *   that names a root-relative asset file (`"/x/y.js"`, `"/_astro/…"`).
 *
 * Allowed: XML namespace names (`xmlns`, the namespace half of each
 * `xsi:schemaLocation` pair; namespace names are identifiers, never fetched),
 * the W3C namespace URIs wherever they appear (`http://www.w3.org/2000/svg`
 * in `xmlns` or `createElementNS`), comments, prose (HTML text content; JS
 * strings that do not start with a URL, or are passed to `console.*` or an
 * `Error`), regular expression literals, bare scheme prefixes
 * (`"http://" + host`, as markdown autolinkers write), and whatever
 * `options.allow` lists.
 *
 * How each kind is read:
 * - HTML with parse5 (the WHATWG parser browsers follow), so comments, raw
 *   text, `<template>` and `<noscript>` contents, entities and attribute
 *   quoting are what a browser sees; inline `<script>`, `on*` handlers,
 *   `<style>` and `style` attributes are scanned as JS and CSS.
 * - JS with acorn's tokenizer: string, template and regular expression
 *   literals are told apart from comments and division by a real ECMAScript
 *   lexer. A script it cannot tokenize is reported (a finding with
 *   `problem`), never passed unread: nothing in it could be checked.
 * - CSS and XML (the manifests, SVG files) lexically: comments skipped,
 *   `url()`, `@import` and quoted strings checked; tags and attributes of the
 *   small, machine-written XML the package holds.
 *
 * Pure: text in, findings out. It aims to catch what the build emits
 * (Astro/Vite output, reveal.js, scorm-again), not to judge arbitrary code.
 */
import { tokenizer, tokTypes as tt, type Token, type TokenType } from 'acorn';
import { parse as parseHtml, type DefaultTreeAdapterMap } from 'parse5';

export interface AbsoluteUrlFinding {
  /** The file, as passed in. */
  path: string;
  /** 1-based line of the URL in the file. */
  line: number;
  /** The URL as written (a JS string's value, its escapes resolved; "" for a `problem`). */
  url: string;
  /**
   * Set, instead of a URL, when part of the file could not be read (a
   * script acorn cannot tokenize), so none of its URLs could be checked.
   */
  problem?: string;
}

export interface FindAbsoluteUrlsOptions {
  /** URLs to accept: a string accepts URLs that start with it, a RegExp those it matches. */
  allow?: ReadonlyArray<string | RegExp>;
}

/** Namespace URIs that are identifiers, never fetched; allowed anywhere. */
export const NAMESPACE_URIS: readonly string[] = [
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/2000/xmlns/',
  'http://www.w3.org/2001/XMLSchema',
  'http://www.w3.org/2001/XMLSchema-instance',
];

export type ScannedKind = 'html' | 'css' | 'js' | 'xml';

/** Which scanner a file gets, by extension; `null`: not scanned (images, fonts, JSON…). */
export function scannedKind(path: string): ScannedKind | null {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'css') return 'css';
  if (ext === 'js' || ext === 'mjs' || ext === 'cjs') return 'js';
  if (ext === 'xml' || ext === 'svg' || ext === 'xhtml') return 'xml';
  return null;
}

/** `scheme://…` */
const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
/** `//host.name…` (a host with a dot, or localhost). */
const PROTOCOL_RELATIVE = /^\/\/(?:localhost|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?::\d+)?(?:[/?#]|$)/;
/** `/x…` but not `//…`. */
const ROOT_RELATIVE = /^\/(?!\/)/;
/** A root-relative path naming a file the site serves: "/_astro/…", "/x/y.js", "/index.html". */
const ROOT_ASSET =
  /^\/(?:_astro\/|[^\s"'`<>?#]*\.(?:m?js|css|html?|json|xml|svg|png|jpe?g|gif|webp|avif|ico|woff2?|ttf|otf|eot|mp[34]|webm|ogg|pdf|txt|wasm|map)(?:[?#]|$))/i;

type Check = 'absolute' | 'url' | 'asset';

/**
 * Whether `value` is a URL we refuse, for a value in a context of strength
 * `check`: 'absolute' flags only `scheme://` and `//host`; 'url' (a URL
 * context) also any root-relative path; 'asset' also root-relative asset paths.
 */
function refused(value: string, check: Check): boolean {
  if (ABSOLUTE.test(value) || PROTOCOL_RELATIVE.test(value)) return true;
  if (check === 'url') return ROOT_RELATIVE.test(value);
  if (check === 'asset') return ROOT_ASSET.test(value);
  return false;
}

interface Found {
  url: string;
  problem?: string;
}

class Collector {
  readonly found = new Map<number, Found>();
  private readonly allow: ReadonlyArray<string | RegExp>;
  constructor(allow: ReadonlyArray<string | RegExp>) {
    this.allow = allow;
  }

  /** Record `value` found at `offset` if it is refused in a context of strength `check`. */
  consider(rawValue: string, offset: number, check: Check): void {
    const lead = rawValue.length - rawValue.trimStart().length;
    const value = rawValue.trim();
    if (value === '' || !refused(value, check)) return;
    if (NAMESPACE_URIS.includes(value)) return;
    for (const rule of this.allow) {
      if (typeof rule === 'string' ? value.startsWith(rule) : rule.test(value)) return;
    }
    if (!this.found.has(offset + lead)) this.found.set(offset + lead, { url: value });
  }

  /** Record that the text at `offset` could not be read, so was not checked. */
  unreadable(offset: number, problem: string): void {
    this.found.set(offset, { url: '', problem });
  }
}

/**
 * Where a scanned piece of text sits in the file: the file offset of the
 * piece's character `k`. Scanners take one so that a script or style found
 * inside an HTML attribute or element reports lines of the whole file.
 */
type At = (k: number) => number;

const from = (base: number): At => (k) => base + k;

/** Replace a span with spaces, keeping newlines, so offsets and line numbers stay. */
function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

function maskMatches(text: string, re: RegExp): string {
  return text.replace(re, (m) => blank(m));
}

// ---------------------------------------------------------------------------
// CSS
// ---------------------------------------------------------------------------

function scanCss(css: string, at: At, out: Collector): void {
  const text = maskMatches(css, /\/\*[\s\S]*?(?:\*\/|$)/g);
  const urlFn = /\burl\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/gi;
  for (const m of text.matchAll(urlFn)) {
    const value = m[1] ?? m[2] ?? m[3] ?? '';
    const start = m.index + m[0].indexOf(value, 4);
    out.consider(value, at(start), 'url');
  }
  const importString = /@import\s+(?:"([^"]*)"|'([^']*)')/gi;
  for (const m of text.matchAll(importString)) {
    const value = m[1] ?? m[2] ?? '';
    out.consider(value, at(m.index + m[0].indexOf(value, 7)), 'url');
  }
  // Any other absolute URL (e.g. in image-set("…") strings).
  for (const m of text.matchAll(/(["'])([^"'\n]*)\1/g)) {
    out.consider(m[2] ?? '', at(m.index + 1), 'absolute');
  }
}

// ---------------------------------------------------------------------------
// JavaScript, read with acorn's tokenizer
// ---------------------------------------------------------------------------

/** How a script is run: as a module, a classic script, or unknown (a `.js` file: try module, then script). */
type JsGoal = 'module' | 'script' | 'either';

interface JsToken {
  type: TokenType;
  start: number;
  end: number;
  value: unknown;
}

/**
 * The tokens of `src`, or where and why acorn could not read it. Module
 * code is strict, where legacy octal escapes are errors and `<!--` is no
 * comment, so a script of unknown goal that fails as a module is read again
 * as a classic script before it is given up on.
 *
 * acorn's tokenizer decides regular expression or division from the same
 * context its parser keeps (after `)` of `if (…)`, a block's `}`, a
 * keyword…). Its one blind spot without the parser, `await /re/` inside an
 * async function of a classic script (read as division), awaits a regular
 * expression literal, which real code does not do.
 */
function tokenize(src: string, goal: JsGoal): JsToken[] | { pos: number; message: string } {
  const goals: Array<'module' | 'script'> = goal === 'either' ? ['module', 'script'] : [goal];
  let failure = { pos: 0, message: '' };
  for (const sourceType of goals) {
    try {
      return [...tokenizer(src, { ecmaVersion: 'latest', sourceType, allowHashBang: true })] as Array<Token & { value: unknown }>;
    } catch (error) {
      const pos = (error as { pos?: unknown }).pos;
      failure = {
        pos: typeof pos === 'number' ? pos : 0,
        // acorn appends "(line:column)" of the piece it read; the finding carries the file's line.
        message: (error instanceof Error ? error.message : String(error)).replace(/\s*\(\d+:\d+\)$/, ''),
      };
    }
  }
  return failure;
}

const URL_CONSTRUCTORS = new Set(['URL', 'Worker', 'SharedWorker', 'EventSource', 'WebSocket', 'Request']);
/** `fetch`, and wrappers named like it (`$fetch`, ofetch's). */
const URL_FUNCTION = /^(?:[\w$]*\$)?(?:fetch|importScripts|sendBeacon)$/;
const URL_METHODS = new Set(['register', 'assign', 'replace']);
const URL_PROPERTIES = new Set(['src', 'href', 'action', 'poster', 'location']);
const URL_ATTRIBUTE_NAMES = new Set(['src', 'href', 'action', 'poster']);
const ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError']);
const FROM = new Set(['from']);
const LOCATION = new Set(['location']);
const SET_ATTRIBUTE = new Set(['setAttribute']);
const CONSOLE = new Set(['console']);

const isName = (t: JsToken | undefined, names?: ReadonlySet<string>): boolean =>
  t !== undefined && t.type === tt.name && (names === undefined || names.has(t.value as string));
const isDot = (t: JsToken | undefined): boolean => t !== undefined && (t.type === tt.dot || t.type === tt.questionDot);

/**
 * Whether the literal after `tokens[b]` (the token just before it) is in a
 * URL context: `import "…"`, `import("…")`, `from "…"`, `fetch("…")`,
 * `new URL("…")` (and Worker, EventSource…), `importScripts("…")`,
 * `sendBeacon("…")`, `.register("…")`, `.assign("…")`, `.replace("…")`,
 * `.src = "…"` (href, action, poster, location), `location = "…"`,
 * `setAttribute("src", "…")`.
 */
function isUrlContext(tokens: readonly JsToken[], b: number): boolean {
  const [p1, p2, p3, p4] = [tokens[b], tokens[b - 1], tokens[b - 2], tokens[b - 3]];
  if (p1 === undefined) return false;
  if (p1.type === tt._import) return !isDot(p2);
  if (isName(p1, FROM)) return true;
  if (p1.type === tt.parenL) {
    if (p2?.type === tt._import) return !isDot(p3);
    if (isName(p2) && URL_FUNCTION.test(p2?.value as string)) return true;
    if (isName(p2, URL_CONSTRUCTORS) && p3?.type === tt._new) return true;
    if (isName(p2, URL_METHODS) && isDot(p3)) return true;
    return false;
  }
  if (p1.type === tt.eq) {
    if (isName(p2, LOCATION)) return true;
    return isName(p2, URL_PROPERTIES) && isDot(p3);
  }
  if (p1.type === tt.comma) {
    return p2?.type === tt.string && URL_ATTRIBUTE_NAMES.has(p2.value as string) && p3?.type === tt.parenL && isName(p4, SET_ATTRIBUTE);
  }
  return false;
}

/** Whether the literal after `tokens[b]` is the first argument of `console.*(…)` or an `Error(…)`: a message, not a reference. */
function isMessageContext(tokens: readonly JsToken[], b: number): boolean {
  const [p1, p2, p3, p4] = [tokens[b], tokens[b - 1], tokens[b - 2], tokens[b - 3]];
  if (p1?.type !== tt.parenL) return false;
  return isName(p2, ERRORS) || (isName(p2) && p3?.type === tt.dot && isName(p4, CONSOLE));
}

/** A bare scheme prefix such as "http://", used to build URLs (e.g. autolinking "www."), not one itself. */
const BARE_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/$/;

/**
 * Check every string literal and template literal of a script. A string or
 * the head of a template (with `${…}` appended when a substitution follows)
 * is checked by its context; the later static parts of a template, which
 * follow an expression, only for absolute URLs. Comments and regular
 * expression literals are not references and are not checked.
 */
function scanJs(src: string, at: At, out: Collector, goal: JsGoal): void {
  const tokens = tokenize(src, goal);
  if (!Array.isArray(tokens)) {
    out.unreadable(at(tokens.pos), `could not parse as JavaScript: ${tokens.message}`);
    return;
  }
  tokens.forEach((t, i) => {
    let value: string;
    let before: number; // index of the token just before the literal
    let after = i + 1; // index of the token just after it
    if (t.type === tt.string) {
      value = t.value as string;
      before = i - 1;
    } else if (t.type === tt.template || t.type === tt.invalidTemplate) {
      const text = typeof t.value === 'string' ? t.value : src.slice(t.start, t.end);
      if (tokens[i - 1]?.type !== tt.backQuote) {
        out.consider(text, at(t.start), 'absolute');
        return;
      }
      value = tokens[i + 1]?.type === tt.dollarBraceL ? `${text}\${…}` : text;
      before = i - 2;
      after = i + 2; // past the closing backtick
    } else {
      return;
    }
    const offset = t.type === tt.string ? t.start + 1 : t.start;
    if (BARE_SCHEME.test(value) || isMessageContext(tokens, before)) return;
    if (isUrlContext(tokens, before)) {
      out.consider(value, at(offset), 'url');
    } else if (
      value === '/' &&
      (tokens[before]?.type === tt._return || tokens[before]?.type === tt.arrow) &&
      tokens[after]?.type === tt.plusMin &&
      tokens[after]?.value === '+' &&
      tokens[after]?.start === tokens[after - 1]?.end
    ) {
      // Vite's preload helper with base "/", as its minified output writes it:
      // `return"/"+dep` (or `return\`/\`+dep`) makes every chunk URL root-relative.
      out.consider('/', at(offset), 'url');
    } else {
      out.consider(value, at(offset), 'asset');
    }
  });
}

/** JavaScript MIME type essences (HTML §4.12.1.1 and the MIME Sniffing standard's list). */
const JS_TYPES = new Set([
  'text/javascript', 'application/javascript', 'application/ecmascript', 'application/x-ecmascript',
  'application/x-javascript', 'text/ecmascript', 'text/javascript1.0', 'text/javascript1.1', 'text/javascript1.2',
  'text/javascript1.3', 'text/javascript1.4', 'text/javascript1.5', 'text/jscript', 'text/livescript',
  'text/x-ecmascript', 'text/x-javascript',
]);

/**
 * How a `<script>` body is read, by its `type`: as module or classic script;
 * JSON (import maps, `application/json` data, which are valid JS tokens and
 * are read the same way); or a data block in some other language (e.g.
 * reveal.js's `text/template` Markdown), scanned as text.
 */
function scriptBodyKind(type: string | undefined): 'module' | 'script' | 'json' | 'data' {
  const essence = (type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (essence === '' || JS_TYPES.has(essence)) return 'script';
  if (essence === 'module') return 'module';
  if (essence === 'importmap' || essence === 'speculationrules' || /[/+]json$/.test(essence)) return 'json';
  return 'data';
}

function scanScriptBody(body: string, type: string | undefined, at: At, out: Collector): void {
  const kind = scriptBodyKind(type);
  if (kind === 'data') scanText(body, at, out);
  else scanJs(body, at, out, kind === 'module' ? 'module' : 'script');
}

/**
 * Text in an unknown language that a script may still turn into references
 * (a Markdown data block; XML text content): URLs that stand as words —
 * absolute, protocol-relative, or naming a root-relative asset file.
 */
function scanText(text: string, at: At, out: Collector): void {
  for (const m of text.matchAll(/(^|[\s"'(=,<>[\]])((?:[A-Za-z][A-Za-z0-9+.-]*:)?\/[^\s<>"'()`]*)/g)) {
    const url = m[2] ?? '';
    out.consider(url, at(m.index + (m[1] ?? '').length), 'asset');
  }
}

// ---------------------------------------------------------------------------
// Attributes (HTML and XML)
// ---------------------------------------------------------------------------

/** Attributes whose value is one URL. */
const URL_ATTRIBUTES = new Set([
  'href', 'src', 'action', 'formaction', 'poster', 'data', 'cite', 'background', 'longdesc', 'manifest',
  'icon', 'codebase', 'xlink:href', 'itemtype', 'profile', 'xml:base',
]);

function isUrlAttribute(name: string): boolean {
  return URL_ATTRIBUTES.has(name) || /(?:^|[-:_])(?:url|src|href)$/.test(name);
}

interface Attribute {
  /** Lower-case, with its prefix (`xlink:href`). */
  name: string;
  /** The value with entities decoded, as the document means it. */
  value: string;
  /** The value as written, and the file offset where it starts. */
  raw: string;
  offset: number;
}

/**
 * File offsets of the decoded value's characters: line by line against the
 * raw value (decoding shortens entities but keeps line breaks), so a URL in a
 * multi-line `style` or `srcset` is reported on its own line.
 */
function valueOffsets(attr: Attribute): At {
  if (attr.raw === attr.value) return from(attr.offset);
  const starts = (text: string, re: RegExp) => [0, ...[...text.matchAll(re)].map((m) => m.index + m[0].length)];
  const rawLines = starts(attr.raw, /\r\n|\r|\n/g);
  const valueLines = starts(attr.value, /\n/g);
  return (k) => {
    let n = 0;
    while (n + 1 < valueLines.length && (valueLines[n + 1] ?? 0) <= k) n++;
    const line = Math.min(n, rawLines.length - 1);
    const lineStart = rawLines[line] ?? 0;
    const lineEnd = line + 1 < rawLines.length ? (rawLines[line + 1] ?? 0) - 1 : attr.raw.length;
    return attr.offset + Math.min(lineStart + k - (valueLines[n] ?? 0), lineEnd);
  };
}

function checkAttribute(attr: Attribute, kind: 'html' | 'xml', tagName: string, allAttrs: readonly Attribute[], out: Collector): void {
  const { name, value, offset } = attr;
  if (name === 'xmlns' || name.startsWith('xmlns:')) {
    // Namespace declarations name identifiers; in HTML only the known W3C ones are expected.
    if (kind === 'html') out.consider(value, offset, 'absolute');
    return;
  }
  const at = valueOffsets(attr);
  if (name === 'xsi:schemalocation') {
    // Pairs of "namespace location": the namespace is an identifier, the location must be relative.
    [...value.matchAll(/\S+/g)].forEach((t, index) => {
      if (index % 2 === 1) out.consider(t[0], at(t.index), 'url');
    });
    return;
  }
  if (name === 'style') return scanCss(value, at, out);
  if (/^on[a-z]+$/.test(name)) return scanJs(value, at, out, 'script');
  if (name === 'srcset' || name === 'imagesrcset') {
    for (const m of value.matchAll(/(?:^|,)\s*([^\s,]+)/g)) {
      const url = m[1] ?? '';
      out.consider(url, at(m.index + m[0].indexOf(url)), 'url');
    }
    return;
  }
  if (name === 'ping') {
    for (const m of value.matchAll(/\S+/g)) out.consider(m[0], at(m.index), 'url');
    return;
  }
  if (tagName === 'meta' && name === 'content') {
    const refresh = allAttrs.some((a) => a.name === 'http-equiv' && a.value.trim().toLowerCase() === 'refresh');
    const m = refresh ? /url\s*=\s*['"]?([^'"\s;]+)/i.exec(value) : null;
    if (m && m[1] !== undefined) return out.consider(m[1], at(m.index + m[0].indexOf(m[1])), 'url');
  }
  out.consider(value, offset, isUrlAttribute(name) ? 'url' : 'asset');
}

// ---------------------------------------------------------------------------
// HTML, read with parse5
// ---------------------------------------------------------------------------

type HtmlNode = DefaultTreeAdapterMap['node'];
type HtmlElement = DefaultTreeAdapterMap['element'];

/** An attribute of a parsed element, with where its value is written in `source`. */
function located(source: string, element: HtmlElement): Attribute[] {
  const locations = element.sourceCodeLocation?.attrs ?? {};
  const attrs: Attribute[] = [];
  for (const a of element.attrs) {
    const name = (a.prefix ? `${a.prefix}:${a.name}` : a.name).toLowerCase();
    const loc = locations[name] ?? locations[a.name];
    if (loc === undefined) continue;
    const written = source.slice(loc.startOffset, loc.endOffset);
    const lead = /^=?[^\s=]*\s*=\s*(["']?)/.exec(written);
    if (lead === null) continue; // no value
    const quoted = (lead[1] ?? '') !== '';
    const raw = written.slice(lead[0].length, quoted && written.length > lead[0].length ? -1 : undefined);
    attrs.push({ name, value: a.value, raw, offset: loc.startOffset + lead[0].length });
  }
  return attrs;
}

/**
 * Scan an HTML document as a browser parses it: every element's attributes;
 * `<style>` bodies as CSS, `<script>` bodies by their type; `<template>` and
 * `<noscript>` contents as markup (parsed with scripting off, so
 * `<noscript>` holds elements, not text). Text, comments and the DOCTYPE are
 * not references.
 */
function scanHtml(source: string, out: Collector): void {
  const document = parseHtml(source, { sourceCodeLocationInfo: true, scriptingEnabled: false });
  const visit = (node: HtmlNode): void => {
    if ('tagName' in node) {
      const attrs = located(source, node);
      for (const attr of attrs) checkAttribute(attr, 'html', node.tagName, attrs, out);
      const loc = node.sourceCodeLocation;
      if ((node.tagName === 'script' || node.tagName === 'style') && loc?.startTag !== undefined) {
        const start = loc.startTag.endOffset;
        const body = source.slice(start, loc.endTag?.startOffset ?? loc.endOffset);
        if (node.tagName === 'style') scanCss(body, from(start), out);
        else scanScriptBody(body, node.attrs.find((a) => a.name === 'type')?.value, from(start), out);
        return;
      }
      if ('content' in node) visit(node.content); // <template>'s contents
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(document);
}

// ---------------------------------------------------------------------------
// XML (the manifests, SVG files), read lexically
// ---------------------------------------------------------------------------

function decodeXmlEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x0*2f;|&#0*47;/gi, '/')
    .replace(/&#x0*3a;|&#0*58;/gi, ':')
    .replace(/&amp;/g, '&');
}

function xmlAttributes(tagText: string, tagOffset: number): Attribute[] {
  const attrs: Attribute[] = [];
  const re = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  const nameEnd = /^<\/?[^\s/>]+/.exec(tagText)?.[0].length ?? 0;
  re.lastIndex = nameEnd;
  for (let m = re.exec(tagText); m !== null; m = re.exec(tagText)) {
    const raw = m[2] ?? m[3] ?? m[4];
    if (raw === undefined) continue;
    const valueIndex = m[0].length - raw.length - (m[4] === undefined ? 1 : 0);
    attrs.push({ name: (m[1] ?? '').toLowerCase(), value: decodeXmlEntities(raw), raw, offset: tagOffset + m.index + valueIndex });
  }
  return attrs;
}

/**
 * Scan XML: every tag's attributes; `<style>` bodies as CSS, `<script>`
 * bodies by their type; text content for absolute URLs too.
 */
function scanXml(source: string, out: Collector): void {
  // Comments, CDATA markers, processing instructions and the DOCTYPE (whose
  // external DTD is never fetched) are not references.
  let text = maskMatches(source, /<!--[\s\S]*?(?:-->|$)/g);
  text = maskMatches(text, /<\?[\s\S]*?(?:\?>|$)/g);
  text = maskMatches(text, /<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>/gi);
  text = text.replace(/<!\[CDATA\[|\]\]>/g, (m) => blank(m));

  const tagRe = /<([A-Za-z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let textStart = 0;
  for (let m = tagRe.exec(text); m !== null; m = tagRe.exec(text)) {
    const tagName = (m[1] ?? '').toLowerCase();
    scanXmlText(text.slice(textStart, m.index), textStart, out);
    const attrs = xmlAttributes(m[0], m.index);
    for (const attr of attrs) checkAttribute(attr, 'xml', tagName, attrs, out);
    textStart = tagRe.lastIndex;

    const localName = tagName.slice(tagName.indexOf(':') + 1);
    if ((localName === 'script' || localName === 'style') && !m[0].endsWith('/>')) {
      const close = new RegExp(`</${tagName.replace(/[.]/g, '\\.')}\\s*>`, 'gi');
      close.lastIndex = tagRe.lastIndex;
      const end = close.exec(text);
      const bodyEnd = end ? end.index : text.length;
      const body = text.slice(tagRe.lastIndex, bodyEnd);
      if (localName === 'style') scanCss(body, from(tagRe.lastIndex), out);
      else scanScriptBody(body, attrs.find((a) => a.name === 'type')?.value, from(tagRe.lastIndex), out);
      tagRe.lastIndex = end ? end.index + end[0].length : text.length;
      textStart = tagRe.lastIndex;
    }
  }
  scanXmlText(text.slice(textStart), textStart, out);
}

/** XML text content: an absolute URL there is a reference (e.g. adlcp:location). */
function scanXmlText(segment: string, base: number, out: Collector): void {
  const withoutTags = segment.replace(/<[^>]*>/g, (m) => blank(m));
  for (const m of withoutTags.matchAll(/(?:[A-Za-z][A-Za-z0-9+.-]*:)?\/\/[^\s<>"']+/g)) {
    out.consider(m[0], base + m.index, 'absolute');
  }
}

// ---------------------------------------------------------------------------

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** A `.mjs` file is a module, a `.cjs` file a classic script; a `.js` file may be either. */
function jsGoalOf(path: string): JsGoal {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return ext === 'mjs' ? 'module' : ext === 'cjs' ? 'script' : 'either';
}

/**
 * The absolute, protocol-relative and root-relative URLs in one file's text,
 * in the order they appear, and any script in it that could not be read
 * (`problem`). The scanner is chosen by the path's extension
 * (`scannedKind`); other files give `[]`.
 */
export function findAbsoluteUrls(
  path: string,
  text: string,
  options: FindAbsoluteUrlsOptions = {},
): AbsoluteUrlFinding[] {
  const kind = scannedKind(path);
  if (kind === null) return [];
  const out = new Collector(options.allow ?? []);
  if (kind === 'css') scanCss(text, from(0), out);
  else if (kind === 'js') scanJs(text, from(0), out, jsGoalOf(path));
  else if (kind === 'html') scanHtml(text, out);
  else scanXml(text, out);

  const starts = lineStarts(text);
  return [...out.found.entries()]
    .sort(([a], [b]) => a - b)
    .map(([offset, { url, problem }]) => ({ path, line: lineOf(starts, offset), url, ...(problem === undefined ? {} : { problem }) }));
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A package refused for absolute URLs (or for scripts that could not be checked): lists where they are. */
export class AbsoluteUrlError extends Error {
  readonly findings: readonly AbsoluteUrlFinding[];
  constructor(findings: readonly AbsoluteUrlFinding[]) {
    const unread = findings.filter((f) => f.problem !== undefined).length;
    const urls = findings.length - unread;
    const what = [urls > 0 ? plural(urls, 'absolute URL') : '', unread > 0 ? `${plural(unread, 'script')} that could not be checked` : '']
      .filter((s) => s !== '')
      .join(' and ');
    const shown = findings.slice(0, 20).map((f) => `  ${f.path}:${f.line}  ${f.problem ?? f.url}`);
    const more = findings.length > 20 ? [`  … and ${findings.length - 20} more`] : [];
    super(
      [
        `The package would contain ${what}; ` +
          'every URL inside a SCORM package must be relative, and nothing may be fetched from another origin:',
        ...shown,
        ...more,
      ].join('\n'),
    );
    this.name = 'AbsoluteUrlError';
    this.findings = findings;
  }
}

/** Throw `AbsoluteUrlError` if any of `files` contains a refused URL (or a script that could not be read). */
export function assertRelativeUrls(
  files: ReadonlyArray<{ path: string; text: string }>,
  options: FindAbsoluteUrlsOptions = {},
): void {
  const findings = files.flatMap((f) => findAbsoluteUrls(f.path, f.text, options));
  if (findings.length > 0) throw new AbsoluteUrlError(findings);
}
