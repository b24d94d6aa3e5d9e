/**
 * Where a stylesheet names resources: the URLs of `url(…)` (quoted or not),
 * of `@import "…"`, and the strings of `image-set(…)`, found by a small
 * tokenizer that follows CSS Syntax Level 3 (§4.3) as far as finding them
 * needs: comments, strings, escapes, identifiers, function tokens and
 * parentheses are told apart, so a `url(` inside a comment or a string, or
 * the end of an identifier such as `myurl(`, is not taken for one. Pure.
 */

export interface CssUrl {
  /** Offsets of the URL as written: inside the quotes, or the unquoted url token without its surrounding spaces. */
  start: number;
  end: number;
  /** The URL as written (escapes not resolved). */
  raw: string;
}

const isIdentChar = (c: string): boolean => /[A-Za-z0-9_-]/.test(c) || c.charCodeAt(0) >= 0x80;
const isWhitespace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

/** The offset after an escape that starts at `i` (a backslash): a hex escape with its optional space, or one character. */
function afterEscape(css: string, i: number): number {
  let j = i + 1;
  const hex = /^[0-9A-Fa-f]{1,6}/.exec(css.slice(j, j + 6));
  if (hex === null) return Math.min(j + 1, css.length);
  j += hex[0].length;
  if (css[j] === '\r' && css[j + 1] === '\n') return j + 2;
  return isWhitespace(css[j]) ? j + 1 : j;
}

/** Every resource URL of `css`, in source order. */
export function cssResourceUrls(css: string): CssUrl[] {
  const found: CssUrl[] = [];
  const n = css.length;
  /** Open blocks and functions: the lower-case function name, or "" for a plain "(". */
  const open: string[] = [];
  /** Just after `@import`: its first token, if a string, is the URL. */
  let importPrelude = false;
  let i = 0;

  /** Consume a string token whose quote is at `i`; returns its content's offsets. */
  const readString = (): { start: number; end: number } => {
    const quote = css[i];
    const start = i + 1;
    let j = start;
    while (j < n && css[j] !== quote) {
      const c = css[j];
      if (c === '\\') j = css[j + 1] === '\r' && css[j + 2] === '\n' ? j + 3 : j + 2;
      else if (c === '\n' || c === '\r' || c === '\f') break; // a bad string ends at the line break
      else j++;
    }
    j = Math.min(j, n);
    i = css[j] === quote ? j + 1 : j;
    return { start, end: j };
  };

  while (i < n) {
    const c = css[i] ?? '';
    if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
      continue;
    }
    if (isWhitespace(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const s = readString();
      const inImageSet = open[open.length - 1]?.endsWith('image-set') ?? false;
      if (importPrelude || inImageSet) found.push({ ...s, raw: css.slice(s.start, s.end) });
      importPrelude = false;
      continue;
    }
    importPrelude = false;
    if (c === '\\') {
      i = afterEscape(css, i);
      continue;
    }
    if (c === '@' || c === '#') {
      // An at-keyword or hash: its name is no function name.
      let j = i + 1;
      while (j < n && (isIdentChar(css[j] ?? '') || css[j] === '\\')) j = css[j] === '\\' ? afterEscape(css, j) : j + 1;
      importPrelude = c === '@' && css.slice(i + 1, j).toLowerCase() === 'import';
      i = j;
      continue;
    }
    if (isIdentChar(c)) {
      // A name (identifier, number or dimension): a function token when "(" follows an identifier.
      const start = i;
      while (i < n && (isIdentChar(css[i] ?? '') || css[i] === '\\')) i = css[i] === '\\' ? afterEscape(css, i) : i + 1;
      if (css[i] !== '(') continue;
      const name = css.slice(start, i).toLowerCase();
      const isIdentifier = /^(?:-?[A-Za-z_\u0080-\uffff\\]|--)/.test(name);
      i++;
      if (isIdentifier && name === 'url') {
        let j = i;
        while (isWhitespace(css[j])) j++;
        if (css[j] !== '"' && css[j] !== "'") {
          readUrlToken(j);
          continue;
        }
        // url("…"): a function whose string argument is the URL.
        i = j;
        const s = readString();
        found.push({ ...s, raw: css.slice(s.start, s.end) });
        open.push('url');
        continue;
      }
      open.push(isIdentifier ? name : '');
      continue;
    }
    if (c === '(' || c === '[' || c === '{') open.push('');
    else if (c === ')' || c === ']' || c === '}') open.pop();
    i++;
  }
  return found;

  /** An unquoted url token from `j` (after "url(" and spaces) to its ")"; a bad url (quote, "(" or a space inside) names nothing. */
  function readUrlToken(j: number): void {
    const start = j;
    let end = j;
    let bad = false;
    while (j < n && css[j] !== ')') {
      const d = css[j] ?? '';
      if (d === '\\') {
        j = afterEscape(css, j);
        end = j;
        continue;
      }
      if (isWhitespace(d)) {
        while (isWhitespace(css[j])) j++;
        if (j < n && css[j] !== ')') bad = true;
        continue;
      }
      if (d === '"' || d === "'" || d === '(') bad = true;
      j++;
      end = j;
    }
    i = Math.min(j + 1, n);
    if (!bad && end > start) found.push({ start, end, raw: css.slice(start, end) });
  }
}
