/**
 * Every page's Content-Security-Policy (src/site/csp.ts, src/integrations/csp.ts):
 * same-origin only, inline code allowed by its hash alone, JSON data blocks
 * not mistaken for scripts, and the speaker view's own page hashed from the
 * installed reveal.js.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inlineHashes, notesPluginFile, sha256, speakerViewHashes, withCsp } from '../../../src/integrations/csp';
import { contentSecurityPolicy } from '../../../src/site/csp';

const page = (head: string, body = '') => `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">${head}</head><body>${body}</body></html>`;
const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));
const policyOf = (html: string) => /content="([^"]*)"/.exec(html.slice(html.indexOf('Content-Security-Policy')))?.[1] ?? '';

describe('the policy', () => {
  it("allows only the page's own origin, no plug-ins, no <base>, and inline code by hash only", () => {
    const policy = contentSecurityPolicy();
    expect(directive(policy, 'script-src')).toBe("script-src 'self'");
    expect(directive(policy, 'style-src')).toBe("style-src 'self'");
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self'");
    expect(directive(policy, 'object-src')).toBe("object-src 'none'");
    expect(directive(policy, 'base-uri')).toBe("base-uri 'none'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it("lets the reader's pages compile WebAssembly for search ('wasm-unsafe-eval'), and only when asked", () => {
    expect(directive(contentSecurityPolicy({ wasm: true }), 'script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(contentSecurityPolicy()).not.toContain('wasm');
  });

  it('lets the LMS launch page reach an LRS on another origin, and nothing else', () => {
    expect(directive(contentSecurityPolicy({ connectAnywhere: true }), 'connect-src')).toBe("connect-src 'self' https: http:");
    expect(directive(contentSecurityPolicy({ connectAnywhere: true }), 'script-src')).toBe("script-src 'self'");
  });
});

describe('a built page', () => {
  it('gets the hashes of its inline script, style and style attribute; a JSON data block is not a script', () => {
    const html = page('<script type="application/json" id="d">{"a":1}</script><script>go()</script><style>p{color:red}</style>', '<p style="color: blue">x</p>');
    expect(inlineHashes(html)).toEqual({ scripts: [sha256('go()')], styles: [sha256('p{color:red}')], styleAttributes: [sha256('color: blue')] });
    const policy = policyOf(withCsp(html));
    expect(directive(policy, 'script-src')).toBe(`script-src 'self' '${sha256('go()')}'`);
    expect(directive(policy, 'style-src')).toBe(`style-src 'self' 'unsafe-hashes' '${sha256('p{color:red}')}' '${sha256('color: blue')}'`);
  });

  it("keeps the launch page's wider connect-src and changes no other byte", () => {
    const html = page('<link rel="stylesheet" href="./a.css">').replace("connect-src 'self'", "connect-src 'self' https: http:");
    expect(withCsp(html)).toBe(html);
  });

  it('lets the deck have inline styles (reveal writes them at run time), never inline scripts, and adds no style hash that would cancel it', () => {
    const deck = page('<style>p{color:red}</style><script>go()</script>').replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    const policy = policyOf(withCsp(deck));
    expect(directive(policy, 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
    expect(directive(policy, 'script-src')).toBe(`script-src 'self' '${sha256('go()')}'`);
  });

  it("keeps a reader page's WebAssembly for search beside its scripts' hashes, and compiles no string: no 'unsafe-eval'", () => {
    const reader = page('<script>go()</script>').replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");
    const policy = policyOf(withCsp(reader));
    expect(directive(policy, 'script-src')).toBe(`script-src 'self' 'wasm-unsafe-eval' '${sha256('go()')}'`);
    expect(directive(policyOf(withCsp(page('<script>go()</script>'))), 'script-src')).toBe(`script-src 'self' '${sha256('go()')}'`);
    expect(policy).not.toMatch(/'unsafe-eval'/);
  });

  it('refuses a page without the policy (every page uses PageHead)', () => {
    expect(() => withCsp('<html><head></head></html>')).toThrow(/PageHead/);
  });

  it('allows the speaker view reveal.js writes: its inline script, style and two style attributes', () => {
    const plugin = readFileSync(notesPluginFile(), 'utf8');
    const hashes = speakerViewHashes(plugin);
    expect(hashes.scripts).toHaveLength(1);
    expect(hashes.styles).toHaveLength(1);
    expect(hashes.styleAttributes).toEqual([sha256('display: none'), sha256('display: none')]);
  });
});
