/**
 * Makes a built site path-independent: every root-relative URL Astro wrote
 * ("/_astro/x.js", "/modules/a.html") becomes relative to the file that holds
 * it, so the site and the SCORM package work served from any path
 * (DESIGN.md: "Every URL inside the package is relative").
 * Pure: text in, text out.
 */

/** "../" once per folder between the file and the site root ("./" at the root). */
export function prefixFor(pathFromRoot: string): string {
  const depth = pathFromRoot.split('/').length - 1;
  return depth === 0 ? './' : '../'.repeat(depth);
}

// A root-relative URL starts with one "/" not followed by another (that would be protocol-relative).
const ATTRIBUTE = /(\s(?:href|src|action|poster|data|formaction)=)(["'])\/(?!\/)/g;
const SRCSET = /(\ssrcset=)(["'])([^"']*)\2/g;
const CSS_URL = /url\((["']?)\/(?!\/)/g;
const JS_IMPORT = /((?:import|from)\s*\(?\s*)(["'])\/(?!\/)/g;

export function relativizeHtml(html: string, pathFromRoot: string): string {
  const prefix = prefixFor(pathFromRoot);
  return html
    .replace(ATTRIBUTE, (_m, attr: string, q: string) => `${attr}${q}${prefix}`)
    .replace(SRCSET, (_m, attr: string, q: string, value: string) =>
      `${attr}${q}${value.replace(/(^|,\s*)\/(?!\/)/g, `$1${prefix}`)}${q}`,
    )
    .replace(CSS_URL, (_m, q: string) => `url(${q}${prefix}`)
    .replace(JS_IMPORT, (_m, kw: string, q: string) => `${kw}${q}${prefix}`);
}

export function relativizeCss(css: string, pathFromRoot: string): string {
  return css.replace(CSS_URL, (_m, q: string) => `url(${q}${prefixFor(pathFromRoot)}`);
}
