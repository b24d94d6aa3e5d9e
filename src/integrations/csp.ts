/**
 * After the build, each page's Content-Security-Policy meta tag (written by
 * src/site/PageHead.astro) gets the hashes of whatever inline script or
 * style the finished page holds (and, for the deck, the speaker view's
 * document, which reveal's notes plugin writes into a window that inherits
 * the deck's policy). Found with parse5; the meta tag's content is changed
 * at its offsets, every other byte stays. Pure: text in, text out.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { parseExpressionAt } from 'acorn';
import { parse as parseHtml, type DefaultTreeAdapterMap } from 'parse5';
import { type CspOptions, contentSecurityPolicy } from '../site/csp';

type Element = DefaultTreeAdapterMap['element'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

export const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/** Script types a browser runs (a JSON data block is not one). */
const RUNS = /^(|module|text\/javascript|application\/javascript)$/i;

export interface InlineHashes {
  scripts: string[];
  styles: string[];
  styleAttributes: string[];
}

const textOf = (el: Element) => el.childNodes.map((n) => ('value' in n && n.nodeName === '#text' ? n.value : '')).join('');

/** The hashes of every inline script, <style> and style attribute of a document. */
export function inlineHashes(html: string): InlineHashes {
  const found: InlineHashes = { scripts: [], styles: [], styleAttributes: [] };
  const visit = (node: ChildNode | DefaultTreeAdapterMap['document']) => {
    if ('tagName' in node) {
      const attr = (name: string) => node.attrs.find((a) => a.name === name)?.value;
      if (node.tagName === 'script' && attr('src') === undefined && RUNS.test(attr('type') ?? '')) found.scripts.push(sha256(textOf(node)));
      if (node.tagName === 'style') found.styles.push(sha256(textOf(node)));
      const style = attr('style');
      if (style !== undefined) found.styleAttributes.push(sha256(style));
    }
    const children = 'content' in node && node.nodeName === 'template' ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
    for (const child of children) visit(child);
  };
  visit(parseHtml(html));
  return found;
}

const unique = (list: string[]) => [...new Set(list)];

/** The page with its CSP meta tag's policy completed by the hashes of its inline code (and `extra`'s). */
export function withCsp(html: string, extra?: InlineHashes): string {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/i.exec(html);
  if (!meta) throw new Error('the page has no Content-Security-Policy meta tag: src/site/PageHead.astro writes it; every page must use PageHead');
  // What the page asked for when it was written (PageHead's connectAnywhere) stays.
  const options: Pick<CspOptions, 'connectAnywhere' | 'inlineStyles' | 'wasm'> = {
    connectAnywhere: /connect-src[^;]*https:/.test(meta[1] ?? ''),
    inlineStyles: /style-src[^;]*(?:'|&#39;)unsafe-inline/.test(meta[1] ?? ''),
    wasm: /script-src[^;]*(?:'|&#39;)wasm-unsafe-eval/.test(meta[1] ?? ''),
  };
  const own = inlineHashes(html);
  const policy = contentSecurityPolicy({
    ...options,
    scriptHashes: unique([...own.scripts, ...(extra?.scripts ?? [])]),
    styleHashes: unique([...own.styles, ...own.styleAttributes, ...(extra?.styles ?? []), ...(extra?.styleAttributes ?? [])]),
    styleAttributes: own.styleAttributes.length + (extra?.styleAttributes.length ?? 0) > 0,
  });
  return `${html.slice(0, meta.index)}<meta http-equiv="Content-Security-Policy" content="${policy}">${html.slice(meta.index + meta[0].length)}`;
}

/** The notes plugin the deck bundles: the ES module (its UMD twin builds the page differently). */
export function notesPluginFile(): string {
  return createRequire(import.meta.url).resolve('reveal.js/plugin/notes').replace(/\.js$/, '.mjs');
}

/**
 * The inline script and styles of the speaker view reveal's notes plugin
 * writes with document.write (the page is a string literal in the plugin,
 * read with acorn, so the hashes follow the installed reveal.js).
 */
export function speakerViewHashes(pluginSource: string): InlineHashes {
  const at = pluginSource.indexOf('document.write(');
  if (at < 0) throw new Error('reveal.js notes plugin: no document.write( found; the speaker view page moved, update src/integrations/csp.ts');
  const literal = parseExpressionAt(pluginSource, at + 'document.write('.length, { ecmaVersion: 'latest' });
  if (literal.type !== 'Literal' || typeof literal.value !== 'string') throw new Error('reveal.js notes plugin: the speaker view page is no longer a string literal; update src/integrations/csp.ts');
  return inlineHashes(literal.value);
}
