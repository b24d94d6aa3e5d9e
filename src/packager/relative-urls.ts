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
 * `Error`), bare scheme prefixes (`"http://" + host`, as markdown
 * autolinkers write), and whatever `options.allow` lists.
 *
 * Pure and dependency-free; a lexical scan, not a parser: it aims to catch
 * what the build emits (Astro/Vite output, reveal.js, scorm-again), not to
 * understand arbitrary code.
 */

export interface AbsoluteUrlFinding {
  /** The file, as passed in. */
  path: string;
  /** 1-based line of the URL in the file. */
  line: number;
  /** The URL as written. */
  url: string;
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

class Collector {
  readonly found = new Map<number, string>();
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
    if (!this.found.has(offset + lead)) this.found.set(offset + lead, value);
  }
}

/** Replace a span with spaces, keeping newlines, so offsets and line numbers stay. */
function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

function maskMatches(text: string, re: RegExp): string {
  return text.replace(re, (m) => blank(m));
}

/**
 * Decode the entities a quoted attribute value may use for quotes, keeping
 * its length (each entity becomes its character padded with spaces), so
 * offsets into the value stay valid for a nested scan (CSS in `style`).
 */
function decodeEntitiesKeepingLength(value: string): string {
  return value.replace(/&(?:quot|apos|amp|lt|gt|#0*39|#0*34);/g, (entity) => {
    const c = entity === '&quot;' || /^&#0*34;$/.test(entity) ? '"'
      : entity === '&amp;' ? '&'
      : entity === '&lt;' ? '<'
      : entity === '&gt;' ? '>'
      : "'";
    return c + ' '.repeat(entity.length - 1);
  });
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x0*2f;|&#0*47;|&sol;/gi, '/')
    .replace(/&#x0*3a;|&#0*58;|&colon;/gi, ':')
    .replace(/&amp;/g, '&');
}

// ---------------------------------------------------------------------------
// CSS
// ---------------------------------------------------------------------------

function scanCss(css: string, base: number, out: Collector): void {
  const text = maskMatches(css, /\/\*[\s\S]*?(?:\*\/|$)/g);
  const urlFn = /\burl\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/gi;
  for (const m of text.matchAll(urlFn)) {
    const value = m[1] ?? m[2] ?? m[3] ?? '';
    const start = m.index + m[0].indexOf(value, 4);
    out.consider(value, base + start, 'url');
  }
  const importString = /@import\s+(?:"([^"]*)"|'([^']*)')/gi;
  for (const m of text.matchAll(importString)) {
    const value = m[1] ?? m[2] ?? '';
    out.consider(value, base + m.index + m[0].indexOf(value, 7), 'url');
  }
  // Any other absolute URL (e.g. in image-set("…") strings).
  for (const m of text.matchAll(/(["'])([^"'\n]*)\1/g)) {
    out.consider(m[2] ?? '', base + m.index + 1, 'absolute');
  }
}

// ---------------------------------------------------------------------------
// JavaScript
// ---------------------------------------------------------------------------

/** Code just before a string literal that makes it a URL context. */
const JS_URL_CONTEXT =
  /(?:\bimport\s*\(\s*|\bimport\s*|\bfrom\s*|\bfetch\s*\(\s*|\bnew\s+(?:URL|Worker|SharedWorker|EventSource|WebSocket|Request)\s*\(\s*|\bimportScripts\s*\(\s*|\bsendBeacon\s*\(\s*|\.register\s*\(\s*|\.(?:src|href|action|poster|location)\s*=\s*|\blocation\s*=\s*|\.(?:assign|replace)\s*\(\s*|\bsetAttribute\s*\(\s*["'](?:src|href|action|poster)["']\s*,\s*)$/;

/** Keywords after which `/` starts a regular expression, not a division. */
const REGEX_AFTER_WORD = new Set([
  'return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'instanceof', 'yield', 'await',
]);

/**
 * Walk JS source, calling `onString(value, offset, before, after)` for each
 * string literal and the static head of each template literal (with `${…}`
 * appended when a substitution follows); comments and regular expression
 * literals are skipped.
 */
function walkJsStrings(
  src: string,
  onString: (value: string, offset: number, before: string, after: string) => void,
): void {
  let i = 0;
  const n = src.length;
  let code = ''; // significant code seen so far (strings replaced by ""), for context
  const braceStack: number[] = []; // template nesting: brace depth at each `${`
  let depth = 0;

  const regexAllowed = (): boolean => {
    const trimmed = code.trimEnd();
    if (trimmed === '') return true;
    const last = trimmed[trimmed.length - 1] ?? '';
    if ('(,=:[!&|?{};+-*%<>~^'.includes(last)) return true;
    const word = /([A-Za-z_$][\w$]*)$/.exec(trimmed);
    return word !== null && REGEX_AFTER_WORD.has(word[1] ?? '');
  };

  /** Scan a template literal body from i (just after a backtick or a closing `}`); returns at `${` or the closing backtick. */
  const scanTemplate = (): void => {
    const start = i;
    while (i < n) {
      const c = src[i];
      if (c === '\\') { i += 2; continue; }
      if (c === '`') {
        if (start === templateHeadStart) onString(src.slice(start, i), start, code.slice(-80), src.slice(i + 1, i + 4));
        i++;
        code += '``';
        return;
      }
      if (c === '$' && src[i + 1] === '{') {
        if (start === templateHeadStart) onString(`${src.slice(start, i)}\${…}`, start, code.slice(-80), '${');
        i += 2;
        braceStack.push(depth);
        depth++;
        code += '`${';
        return;
      }
      i++;
    }
  };
  let templateHeadStart = -1;

  while (i < n) {
    const c = src[i] ?? '';
    const next = src[i + 1] ?? '';
    if (c === '/' && next === '/') {
      const end = src.indexOf('\n', i);
      i = end === -1 ? n : end;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
      code += ' ';
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      onString(src.slice(i + 1, j), i + 1, code.slice(-80), src.slice(j + 1, j + 4));
      code += '""';
      i = j + 1;
      continue;
    }
    if (c === '`') {
      i++;
      templateHeadStart = i;
      scanTemplate();
      continue;
    }
    if (c === '}' && braceStack.length > 0 && braceStack[braceStack.length - 1] === depth - 1) {
      braceStack.pop();
      depth--;
      i++;
      templateHeadStart = -1; // only the head of a template is a URL prefix
      scanTemplate();
      continue;
    }
    if (c === '/' && regexAllowed()) {
      let j = i + 1;
      let inClass = false;
      while (j < n && src[j] !== '\n') {
        const d = src[j];
        if (d === '\\') { j += 2; continue; }
        if (d === '[') inClass = true;
        else if (d === ']') inClass = false;
        else if (d === '/' && !inClass) break;
        j++;
      }
      i = j + 1;
      while (i < n && /[a-z]/i.test(src[i] ?? '')) i++;
      code += '/r/';
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    code += c;
    if (code.length > 4096) code = code.slice(-256);
    i++;
  }
}

/** Code just before a string literal that makes it a message, not a reference. */
const JS_MESSAGE_CONTEXT = /(?:\bconsole\.\w+\(\s*|\b(?:Error|TypeError|RangeError|SyntaxError)\(\s*)$/;

/** A bare scheme prefix such as "http://", used to build URLs (e.g. autolinking "www."), not one itself. */
const BARE_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/$/;

function scanJs(src: string, base: number, out: Collector): void {
  walkJsStrings(src, (value, offset, before, after) => {
    if (BARE_SCHEME.test(value) || JS_MESSAGE_CONTEXT.test(before)) return;
    if (JS_URL_CONTEXT.test(before)) {
      out.consider(value, base + offset, 'url');
    } else if (value === '/' && /(?:\breturn\s*|=>\s*)$/.test(before) && after.startsWith('+')) {
      // Vite's preload helper with base "/": `return "/" + dep` makes every chunk URL root-relative.
      out.consider('/', base + offset, 'url');
    } else {
      out.consider(value, base + offset, 'asset');
    }
  });
}

// ---------------------------------------------------------------------------
// HTML and XML tags
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
  name: string;
  value: string;
  offset: number;
}

function attributesOf(tagText: string, tagOffset: number): Attribute[] {
  const attrs: Attribute[] = [];
  const re = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  const nameEnd = /^<\/?[^\s/>]+/.exec(tagText)?.[0].length ?? 0;
  re.lastIndex = nameEnd;
  for (let m = re.exec(tagText); m !== null; m = re.exec(tagText)) {
    const value = m[2] ?? m[3] ?? m[4];
    if (value === undefined) continue;
    const valueIndex = m[0].length - value.length - (m[4] === undefined ? 1 : 0);
    attrs.push({ name: (m[1] ?? '').toLowerCase(), value, offset: tagOffset + m.index + valueIndex });
  }
  return attrs;
}

function checkAttribute(attr: Attribute, kind: 'html' | 'xml', tagName: string, allAttrs: Attribute[], out: Collector): void {
  const { name, offset } = attr;
  const value = decodeEntities(attr.value);
  if (name === 'xmlns' || name.startsWith('xmlns:')) {
    // Namespace declarations name identifiers; in HTML only the known W3C ones are expected.
    if (kind === 'html') out.consider(value, offset, 'absolute');
    return;
  }
  if (name === 'xsi:schemalocation') {
    // Pairs of "namespace location": the namespace is an identifier, the location must be relative.
    const tokens = [...attr.value.matchAll(/\S+/g)];
    tokens.forEach((t, index) => {
      if (index % 2 === 1) out.consider(t[0], offset + t.index, 'url');
    });
    return;
  }
  if (name === 'style') return scanCss(decodeEntitiesKeepingLength(attr.value), offset, out);
  if (name === 'srcset' || name === 'imagesrcset') {
    for (const m of attr.value.matchAll(/(?:^|,)\s*([^\s,]+)/g)) {
      const url = m[1] ?? '';
      out.consider(url, offset + m.index + m[0].indexOf(url), 'url');
    }
    return;
  }
  if (name === 'ping') {
    for (const m of attr.value.matchAll(/\S+/g)) out.consider(m[0], offset + m.index, 'url');
    return;
  }
  if (tagName === 'meta' && name === 'content') {
    const refresh = allAttrs.some((a) => a.name === 'http-equiv' && a.value.toLowerCase() === 'refresh');
    const m = refresh ? /url\s*=\s*['"]?([^'"\s;]+)/i.exec(attr.value) : null;
    if (m && m[1] !== undefined) return out.consider(m[1], offset + m.index + m[0].indexOf(m[1]), 'url');
  }
  out.consider(value, offset, isUrlAttribute(name) ? 'url' : 'asset');
}

/**
 * Scan markup: every tag's attributes; `<style>` bodies as CSS, `<script>`
 * bodies as JS; in XML, text content for absolute URLs too.
 */
function scanMarkup(source: string, kind: 'html' | 'xml', out: Collector): void {
  // Comments, CDATA markers, processing instructions and the DOCTYPE (whose
  // external DTD browsers never fetch) are not references.
  let text = maskMatches(source, /<!--[\s\S]*?(?:-->|$)/g);
  text = maskMatches(text, /<\?[\s\S]*?(?:\?>|$)/g);
  text = maskMatches(text, /<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>/gi);
  text = text.replace(/<!\[CDATA\[|\]\]>/g, (m) => blank(m));

  const tagRe = /<([A-Za-z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let textStart = 0;
  for (let m = tagRe.exec(text); m !== null; m = tagRe.exec(text)) {
    const tagName = (m[1] ?? '').toLowerCase();
    if (kind === 'xml') scanXmlText(text.slice(textStart, m.index), textStart, out);
    const attrs = attributesOf(m[0], m.index);
    for (const attr of attrs) checkAttribute(attr, kind, tagName, attrs, out);
    textStart = tagRe.lastIndex;

    const localName = tagName.slice(tagName.indexOf(':') + 1);
    if ((localName === 'script' || localName === 'style') && !m[0].endsWith('/>')) {
      const close = new RegExp(`</${tagName.replace(/[.]/g, '\\.')}\\s*>`, 'gi');
      close.lastIndex = tagRe.lastIndex;
      const end = close.exec(text);
      const bodyEnd = end ? end.index : text.length;
      const body = text.slice(tagRe.lastIndex, bodyEnd);
      if (localName === 'style') scanCss(body, tagRe.lastIndex, out);
      else scanJs(body, tagRe.lastIndex, out);
      tagRe.lastIndex = end ? end.index + end[0].length : text.length;
      textStart = tagRe.lastIndex;
    }
  }
  if (kind === 'xml') scanXmlText(text.slice(textStart), textStart, out);
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

/**
 * The absolute, protocol-relative and root-relative URLs in one file's text,
 * in the order they appear. The scanner is chosen by the path's extension
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
  if (kind === 'css') scanCss(text, 0, out);
  else if (kind === 'js') scanJs(text, 0, out);
  else scanMarkup(text, kind, out);

  const starts = lineStarts(text);
  return [...out.found.entries()]
    .sort(([a], [b]) => a - b)
    .map(([offset, url]) => ({ path, line: lineOf(starts, offset), url }));
}

/** A package refused for absolute URLs: lists where they are. */
export class AbsoluteUrlError extends Error {
  readonly findings: readonly AbsoluteUrlFinding[];
  constructor(findings: readonly AbsoluteUrlFinding[]) {
    const shown = findings.slice(0, 20).map((f) => `  ${f.path}:${f.line}  ${f.url}`);
    const more = findings.length > 20 ? [`  … and ${findings.length - 20} more`] : [];
    super(
      [
        `The package would contain ${findings.length} absolute URL${findings.length === 1 ? '' : 's'}; ` +
          'every URL inside a SCORM package must be relative, and nothing may be fetched from another origin:',
        ...shown,
        ...more,
      ].join('\n'),
    );
    this.name = 'AbsoluteUrlError';
    this.findings = findings;
  }
}

/** Throw `AbsoluteUrlError` if any of `files` contains a refused URL. */
export function assertRelativeUrls(
  files: ReadonlyArray<{ path: string; text: string }>,
  options: FindAbsoluteUrlsOptions = {},
): void {
  const findings = files.flatMap((f) => findAbsoluteUrls(f.path, f.text, options));
  if (findings.length > 0) throw new AbsoluteUrlError(findings);
}
