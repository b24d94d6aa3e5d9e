/**
 * relativizeAssetUrls / relativizeCssAssetUrls, as a specification: the
 * references Astro writes into its assets folder ("/_astro/…") become
 * relative to the file that holds them; nothing else changes, byte for
 * byte — not prose, not code samples, not other attributes, not other
 * root-relative links (pages write those relative themselves; the package
 * guard refuses any that are not).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  prefixFor,
  relativizeAssetUrls,
  relativizeCssAssetUrls,
} from '../../../src/integrations/relative-urls';

/** A page as Astro writes it (dist/index.html before the rewrite), with `body` in its <body>. */
const page = (body = '') =>
  [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
    '<link rel="stylesheet" href="/_astro/Reader.B-XR0F3y.css">',
    '<script type="module" src="/_astro/Reader.astro_astro_type_script_index_0_lang.uGdghKRe.js"></script>',
    `</head><body>${body}</body></html>`,
  ].join('\n');

describe('relativizeAssetUrls: what Astro links into its assets folder becomes relative', () => {
  it('makes the stylesheet and module script links relative: "./" at the site root', () => {
    expect(relativizeAssetUrls(page(), 'index.html')).toBe(
      page()
        .replace('href="/_astro/Reader.B-XR0F3y.css"', 'href="./_astro/Reader.B-XR0F3y.css"')
        .replace('src="/_astro/Reader.astro', 'src="./_astro/Reader.astro'),
    );
  });

  it('goes up one "../" per folder between the page and the site root', () => {
    const html = '<script type="module" src="/_astro/x.js"></script>';
    expect(relativizeAssetUrls(html, 'modules/a.html')).toBe('<script type="module" src="../_astro/x.js"></script>');
    expect(relativizeAssetUrls(html, 'a/b/c.html')).toBe('<script type="module" src="../../_astro/x.js"></script>');
  });

  it('rewrites modulepreload and preload links and every attribute through which an element loads a resource', () => {
    const html = [
      '<link rel="modulepreload" href="/_astro/chunk.js">',
      '<link rel="preload" as="image" href="/_astro/hero.webp" imagesrcset="/_astro/hero.webp 1x, /_astro/hero@2x.webp 2x">',
      '<img src="/_astro/a.png" alt="">',
      '<picture><source type="image/avif" srcset="/_astro/a.avif"><img src="/_astro/a.jpg" alt=""></picture>',
      '<video src="/_astro/v.mp4" poster="/_astro/v.jpg"><track src="/_astro/v.vtt"></video><audio src="/_astro/a.mp3"></audio>',
      '<input type="image" src="/_astro/go.png" alt="Go"><embed src="/_astro/e.svg"><object data="/_astro/o.svg"></object>',
      '<astro-island component-url="/_astro/Check.js" renderer-url="/_astro/client.js" before-hydration-url="/_astro/bh.js"></astro-island>',
      '<svg><image href="/_astro/i.png"/><use xlink:href="/_astro/sprite.svg#icon"/></svg>',
    ].join('\n');
    expect(relativizeAssetUrls(html, 'modules/a.html')).toBe(html.replaceAll('"/_astro/', '"../_astro/').replaceAll(', /_astro/', ', ../_astro/'));
  });

  it('rewrites each candidate of a srcset, keeping its descriptors, commas and spacing', () => {
    const html = '<img alt="" srcset="/_astro/a.webp 1x,/_astro/b.webp 2x ,\n  /_astro/c.webp 640w, images/d.png 3x, /images/e.png 4x">';
    expect(relativizeAssetUrls(html, 'index.html')).toBe(
      '<img alt="" srcset="./_astro/a.webp 1x,./_astro/b.webp 2x ,\n  ./_astro/c.webp 640w, images/d.png 3x, /images/e.png 4x">',
    );
  });

  it('keeps each attribute as quoted: double, single, unquoted, spaces around "=", any letter case', () => {
    const html =
      "<script src='/_astro/a.js'></script><link rel=stylesheet href=/_astro/b.css>" +
      '<img src = "/_astro/c.png" alt=""><IMG ALT="" SRC="/_astro/d.png"><img alt="" src=" /_astro/e.png">';
    expect(relativizeAssetUrls(html, 'index.html')).toBe(
      "<script src='./_astro/a.js'></script><link rel=stylesheet href=./_astro/b.css>" +
        '<img src = "./_astro/c.png" alt=""><IMG ALT="" SRC="./_astro/d.png"><img alt="" src=" ./_astro/e.png">',
    );
  });

  it('rewrites inside <template> and <noscript>', () => {
    const html = '<template><img src="/_astro/t.png" alt=""></template><noscript><link rel="stylesheet" href="/_astro/n.css"></noscript>';
    expect(relativizeAssetUrls(html, 'index.html')).toBe(html.replaceAll('"/_astro/', '"./_astro/'));
  });
});

describe('relativizeAssetUrls: everything else stays byte-identical', () => {
  it('leaves prose, code samples, text and comments alone (code review §2.4)', () => {
    const body = [
      '<p>Data copied from "/var/log/app"</p>',
      '<pre><code>&lt;a href="/index.html"&gt; &lt;script src="/_astro/x.js"&gt;&lt;/script&gt;</code></pre>',
      '<p>Vite writes bundles to /_astro/ and url(/_astro/x.png) is CSS.</p>',
      '<textarea>src="/_astro/x.js"</textarea><title>import "/_astro/x.js"</title>',
      '<!-- <script src="/_astro/old.js"></script> -->',
    ].join('\n');
    const html = `<!doctype html><html><head></head><body>${body}</body></html>`;
    expect(relativizeAssetUrls(html, 'modules/a.html')).toBe(html);
  });

  it('leaves attributes that load nothing, data-* attributes and root-relative URLs outside the assets folder alone', () => {
    const html = [
      '<a href="/index.html">Home</a><a href="/_astro/handout.pdf">A link is followed, not loaded</a>',
      '<img src="/images/chart.png" alt="/_astro/alt-text" title="/_astro/x.js">',
      '<div data-src="/_astro/x.png" data-url="/_astro/y.js"></div>',
      '<meta property="og:image" content="/_astro/og.png">',
      '<link rel="stylesheet" href="/_astrology/x.css"><script src="//_astro/x.js"></script><script src="/_astro"></script>',
      '<link rel="stylesheet" href="./_astro/already-relative.css"><form action="/_astro/x"></form>',
    ].join('\n');
    expect(relativizeAssetUrls(html, 'modules/a.html')).toBe(html);
  });

  it('returns its input unchanged when there is nothing to rewrite, and rewriting twice changes nothing more', () => {
    const plain = '<!doctype html><p>No assets: <a href="/index.html">home</a></p>';
    expect(relativizeAssetUrls(plain, 'index.html')).toBe(plain);
    const once = relativizeAssetUrls(page(), 'modules/a.html');
    expect(relativizeAssetUrls(once, 'modules/a.html')).toBe(once);
  });

  it('keeps a byte order mark, CRLF line ends, the DOCTYPE and odd markup exactly as written', () => {
    const html = '\uFEFF<!DOCTYPE html>\r\n<HTML><head>\r\n<link rel=stylesheet href="/_astro/a.css" >\r\n<p class=x>unclosed <b>tags\r\n<script type="module" src="/_astro/b.js"></script>';
    expect(relativizeAssetUrls(html, 'index.html')).toBe(html.replaceAll('"/_astro/', '"./_astro/'));
  });
});

describe('relativizeAssetUrls: CSS in <style> and style attributes', () => {
  it('rewrites url() but not inside comments or strings', () => {
    const html = [
      '<style>/* url(/_astro/old.png) */ .a{background:url(/_astro/a.png)}',
      '.b::before{content:"url(/_astro/no.png)"} .c{background-image:url( "/_astro/c.png" )}</style>',
      '<div style="background:url(&quot;/_astro/d.png&quot;)"></div><div style=\'mask:url("/_astro/e.svg")\'></div>',
      '<div style="content:&quot;url(/_astro/f.png)&quot;"></div>',
    ].join('\n');
    expect(relativizeAssetUrls(html, 'modules/a.html')).toBe(
      [
        '<style>/* url(/_astro/old.png) */ .a{background:url(../_astro/a.png)}',
        '.b::before{content:"url(/_astro/no.png)"} .c{background-image:url( "../_astro/c.png" )}</style>',
        '<div style="background:url(&quot;../_astro/d.png&quot;)"></div><div style=\'mask:url("../_astro/e.svg")\'></div>',
        '<div style="content:&quot;url(/_astro/f.png)&quot;"></div>',
      ].join('\n'),
    );
  });
});

describe('relativizeAssetUrls: import specifiers of inline scripts', () => {
  it('rewrites static, re-exported and dynamic imports of module scripts, not other strings, comments or regular expressions', () => {
    const script = [
      '<script type="module">',
      'import { a } from "/_astro/a.js";',
      'import "/_astro/side.js";',
      "export { b } from '/_astro/b.js';",
      'const lazy = () => import("/_astro/lazy.js");',
      '// import "/_astro/commented.js"',
      'const s = "/_astro/just-a-string.js", re = /import "\\/_astro\\/x.js"/, half = (a) / 2;',
      'const t = `import "/_astro/in-template.js"`;',
      '</script>',
    ].join('\n');
    expect(relativizeAssetUrls(script, 'modules/a.html')).toBe(
      script
        .replace('"/_astro/a.js"', '"../_astro/a.js"')
        .replace('"/_astro/side.js"', '"../_astro/side.js"')
        .replace("'/_astro/b.js'", "'../_astro/b.js'")
        .replace('"/_astro/lazy.js"', '"../_astro/lazy.js"'),
    );
  });

  it('rewrites dynamic imports of classic scripts, and leaves data blocks alone', () => {
    const html =
      '<script>import("/_astro/c.js").then((m) => m.start());</script>' +
      '<script type="application/json">{"import": "/_astro/data.js"}</script>' +
      '<script type="text/template">import "/_astro/md.js"</script>';
    expect(relativizeAssetUrls(html, 'index.html')).toBe(html.replace('import("/_astro/c.js")', 'import("./_astro/c.js")'));
  });

  it('leaves a script acorn cannot read as written (the package guard reports what remains)', () => {
    const html = '<script type="module">import "/_astro/a.js"; const s = \'oops</script><link rel="stylesheet" href="/_astro/x.css">';
    expect(relativizeAssetUrls(html, 'index.html')).toBe(html.replace('href="/_astro/x.css"', 'href="./_astro/x.css"'));
  });
});

describe('relativizeAssetUrls: options and arguments', () => {
  it('rewrites the folder named by assetsDir, and only that one', () => {
    const html = '<script src="/assets/build/x.js"></script><script src="/_astro/y.js"></script>';
    expect(relativizeAssetUrls(html, 'index.html', { assetsDir: 'assets/build' })).toBe(
      '<script src="./assets/build/x.js"></script><script src="/_astro/y.js"></script>',
    );
    expect(relativizeAssetUrls(html, 'index.html', { assetsDir: '/assets/build/' })).toBe(
      '<script src="./assets/build/x.js"></script><script src="/_astro/y.js"></script>',
    );
  });

  it('refuses a path that is not relative to the site root, and an empty assetsDir', () => {
    expect(() => relativizeAssetUrls('<p></p>', '/index.html')).toThrow(TypeError);
    expect(() => relativizeAssetUrls('<p></p>', 'modules\\a.html')).toThrow(TypeError);
    expect(() => relativizeCssAssetUrls('', 'a.css', { assetsDir: '/' })).toThrow(TypeError);
  });
});

describe('relativizeCssAssetUrls: a Vite-built stylesheet', () => {
  it('rewrites url(), quoted or not, @import strings and image-set() strings, relative to the stylesheet', () => {
    const css = [
      '@import "/_astro/base.css";',
      '@import url(/_astro/more.css) layer(x);',
      "@font-face{font-family:I;src:url(/_astro/inter.woff2) format(\"woff2\"),url('/_astro/inter.woff') format('woff')}",
      '.h{background-image:image-set("/_astro/h.avif" type("image/avif") 1x, url(/_astro/h.png) 2x)}',
      '.u{background:URL(  /_astro/spaced.png  )}',
    ].join('\n');
    expect(relativizeCssAssetUrls(css, '_astro/app.css')).toBe(
      [
        '@import "../_astro/base.css";',
        '@import url(../_astro/more.css) layer(x);',
        "@font-face{font-family:I;src:url(../_astro/inter.woff2) format(\"woff2\"),url('../_astro/inter.woff') format('woff')}",
        '.h{background-image:image-set("../_astro/h.avif" type("image/avif") 1x, url(../_astro/h.png) 2x)}',
        '.u{background:URL(  ../_astro/spaced.png  )}',
      ].join('\n'),
    );
  });

  it('leaves comments, strings, other functions and URLs outside the assets folder alone', () => {
    const css = [
      '/* url(/_astro/commented.png) */',
      '.a::before{content:"url(/_astro/in-a-string.png)"} .q{quotes:"/_astro/" "/_astro/"}',
      '.b{background:myurl(/_astro/x.png)} #url(/_astro/h.png) .c{width:10url(/_astro/d.png)}',
      '.d{background:url(/images/x.png), url(data:image/png;base64,AAAA), url(https://cdn.example.com/x.png), url(_astro/r.png), url(//_astro/p.png)}',
    ].join('\n');
    expect(relativizeCssAssetUrls(css, '_astro/app.css')).toBe(css);
  });

  it('is not misled by a string that looks like a comment, or by escapes', () => {
    const css = '.d{--x:"/*";background:url(/_astro/a.png)} .e{--y:\'*/\'} .f{background:url(/_astro/b\\).png)} .g{background:url("/_astro/c\\".png")}';
    expect(relativizeCssAssetUrls(css, 'index.css')).toBe(
      '.d{--x:"/*";background:url(./_astro/a.png)} .e{--y:\'*/\'} .f{background:url(./_astro/b\\).png)} .g{background:url("./_astro/c\\".png")}',
    );
  });

  it('does not rewrite a bad url token (a quote or a space inside an unquoted url)', () => {
    const css = '.a{background:url(/_astro/a"b.png)} .b{background:url(/_astro/a b.png)} .c{background:url(/_astro/ok.png)}';
    expect(relativizeCssAssetUrls(css, 'index.css')).toBe(
      '.a{background:url(/_astro/a"b.png)} .b{background:url(/_astro/a b.png)} .c{background:url(./_astro/ok.png)}',
    );
  });

  it('returns a stylesheet with nothing to rewrite unchanged (reveal.js, with its data: URLs)', () => {
    const css = readFileSync(join(process.cwd(), 'node_modules/reveal.js/dist/reveal.css'), 'utf8');
    expect(relativizeCssAssetUrls(css, '_astro/reveal.css')).toBe(css);
  });
});

describe('prefixFor', () => {
  it('is "./" at the root and one "../" per folder', () => {
    expect(prefixFor('index.html')).toBe('./');
    expect(prefixFor('modules/a.html')).toBe('../');
    expect(prefixFor('_astro/x/y.css')).toBe('../../');
  });
});
