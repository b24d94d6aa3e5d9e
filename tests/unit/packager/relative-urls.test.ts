/**
 * findAbsoluteUrls: what would break a package served from any path, or
 * fetch from another origin, is found with its line; relative URLs,
 * namespace names, comments and prose are not.
 */
import { describe, expect, it } from 'vitest';
import { AbsoluteUrlError, assertRelativeUrls, findAbsoluteUrls } from '../../../src/packager/relative-urls';
import { packageTargets } from '../../../src/standards/packages';
import { course, siteFiles } from '../../fixtures/packager/course';

const urls = (path: string, text: string) => findAbsoluteUrls(path, text).map((f) => f.url);

describe('findAbsoluteUrls in HTML', () => {
  it('finds root-relative, absolute and protocol-relative URLs in URL attributes, with their lines', () => {
    const html = [
      '<!doctype html><html><head>',
      '<script type="module" src="/_astro/x.js"></script>',
      '<link rel="stylesheet" href="https://cdn.example.com/reveal.css">',
      "<link rel=stylesheet href='//fonts.googleapis.com/css2?family=Inter'>",
      '</head><body>',
      '<img src="images/ok.png" srcset="images/a.png 1x, /images/b.png 2x" alt="">',
      '<form action="/submit"></form><video poster=/poster.jpg></video>',
      '</body></html>',
    ].join('\n');
    expect(findAbsoluteUrls('lms.html', html)).toEqual([
      { path: 'lms.html', line: 2, url: '/_astro/x.js' },
      { path: 'lms.html', line: 3, url: 'https://cdn.example.com/reveal.css' },
      { path: 'lms.html', line: 4, url: '//fonts.googleapis.com/css2?family=Inter' },
      { path: 'lms.html', line: 6, url: '/images/b.png' },
      { path: 'lms.html', line: 7, url: '/submit' },
      { path: 'lms.html', line: 7, url: '/poster.jpg' },
    ]);
  });

  it('allows relative URLs, fragments, data: and mailto: URLs', () => {
    const html =
      '<a href="../lms.html#s2">next</a><a href="#top">top</a><a href="?q=1">q</a><a href="mailto:a@b.org">mail</a>' +
      '<img src="data:image/png;base64,AAAA" alt=""><link href="_astro/app.css" rel="stylesheet"><a href="./">home</a>';
    expect(urls('read/index.html', html)).toEqual([]);
  });

  it('allows the SVG namespace in xmlns, but not an unknown absolute xmlns', () => {
    expect(urls('a.html', '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"></svg>')).toEqual([]);
    expect(urls('a.html', '<svg xmlns:x="https://example.com/ns"></svg>')).toEqual(['https://example.com/ns']);
  });

  it('checks Astro island attributes and any attribute naming a root-relative asset', () => {
    const html = '<astro-island component-url="/_astro/Check.js" renderer-url="/_astro/client.js" data-src="/img/a.webp" data-x="/not-a-file"></astro-island>';
    expect(urls('a.html', html)).toEqual(['/_astro/Check.js', '/_astro/client.js', '/img/a.webp']);
  });

  it('scans inline <style>, style attributes and inline <script>', () => {
    const html = [
      '<style>@font-face{src:url(/fonts/inter.woff2)} body{background:url("img/ok.png")}</style>',
      '<div style="background-image:url(&quot;https://cdn.example.com/bg.png&quot;)"></div>',
      '<script>import("/_astro/late.js"); const ok = "./rel.js";</script>',
    ].join('\n');
    expect(findAbsoluteUrls('a.html', html).map((f) => [f.line, f.url])).toEqual([
      [1, '/fonts/inter.woff2'],
      [2, 'https://cdn.example.com/bg.png'],
      [3, '/_astro/late.js'],
    ]);
  });

  it('finds the target of a meta refresh (Astro redirects)', () => {
    expect(urls('r.html', '<meta http-equiv="refresh" content="0;url=/read/">')).toEqual(['/read/']);
    expect(urls('r.html', '<meta http-equiv="refresh" content="0;url=read/">')).toEqual([]);
  });

  it('ignores comments and prose', () => {
    const html = '<!-- <script src="/_astro/old.js"></script> --><p>Read more at https://example.com/paper or /about.</p>';
    expect(urls('a.html', html)).toEqual([]);
  });
});

describe('findAbsoluteUrls in CSS', () => {
  it('finds url() and @import values that are absolute, protocol- or root-relative', () => {
    const css = [
      '@import url("https://fonts.googleapis.com/css2?family=Inter");',
      "@import '/_astro/base.css';",
      '@font-face { src: url(//fonts.gstatic.com/inter.woff2) format("woff2"), url(fonts/inter.woff2); }',
      '.a { background: url( "/img/bg.png" ) }',
      '.b { background: url(../img/ok.png), url(data:image/svg+xml;utf8,<svg/>) }',
      '/* url(/commented-out.png) https://example.com */',
    ].join('\n');
    expect(findAbsoluteUrls('_astro/app.css', css).map((f) => [f.line, f.url])).toEqual([
      [1, 'https://fonts.googleapis.com/css2?family=Inter'],
      [2, '/_astro/base.css'],
      [3, '//fonts.gstatic.com/inter.woff2'],
      [4, '/img/bg.png'],
    ]);
  });

  it('allows the SVG namespace in @namespace', () => {
    expect(urls('a.css', '@namespace svg url(http://www.w3.org/2000/svg);')).toEqual([]);
  });
});

describe('findAbsoluteUrls in JavaScript', () => {
  it('finds root-relative URLs in import, import(), fetch() and URL contexts', () => {
    const js = [
      'import { a } from "/_astro/chunk.js";',
      'import"/_astro/side-effect.js";',
      "const m = await import('/_astro/lazy.js');",
      'fetch("/api/progress"); new URL("/x", location.href); new Worker(`/worker.js`);',
      'el.src = "/media/a.mp4"; link.href="/read/";',
    ].join('\n');
    expect(findAbsoluteUrls('_astro/a.js', js).map((f) => [f.line, f.url])).toEqual([
      [1, '/_astro/chunk.js'],
      [2, '/_astro/side-effect.js'],
      [3, '/_astro/lazy.js'],
      [4, '/api/progress'],
      [4, '/x'],
      [4, '/worker.js'],
      [5, '/media/a.mp4'],
      [5, '/read/'],
    ]);
  });

  it('finds strings that are absolute or protocol-relative URLs, and root-relative asset paths anywhere', () => {
    const js =
      'const cdn="https://cdn.jsdelivr.net/npm/reveal.js";const f=\'//fonts.example.com/a.css\';' +
      'const t=`https://${host}/x`;const chunk="/_astro/index.B1.js";const css="/styles/a.css";';
    expect(urls('a.js', js)).toEqual([
      'https://cdn.jsdelivr.net/npm/reveal.js',
      '//fonts.example.com/a.css',
      'https://${…}',
      '/_astro/index.B1.js',
      '/styles/a.css',
    ]);
  });

  it("finds Vite's preload helper joining chunk names to base '/'", () => {
    expect(urls('a.js', 'const b=function(e){return"/"+e};')).toEqual(['/']);
    expect(urls('a.js', 'const b=e=>"/"+e;')).toEqual(['/']);
    expect(urls('a.js', 'const p = dir + "/" + name;')).toEqual([]);
  });

  it('allows relative URLs, the SVG namespace, comments, regexes, messages, scheme prefixes and plain slashes', () => {
    const js = [
      '// see https://example.com/docs',
      '/*! reveal.js | MIT | https://revealjs.com */',
      'import { a } from "./chunk.js"; import("../lazy.js");',
      'document.createElementNS("http://www.w3.org/2000/svg", "svg");',
      'const re = /https?:\\/\\/\\S+/g; const r2 = /"\\/_astro\\/x.js"/;',
      'throw new Error("Failed: see https://example.com/errors for help");',
      'const parts = path.split("/"); const root = "/"; const d = a / b / c;',
      'const s = "it\'s // not a comment"; fetch("api/progress");',
      'console.warn("https://github.com/highlightjs/highlight.js/wiki/security");',
      'const link = t[1] === "www." ? "http://" + t[0] : t[0];',
    ].join('\n');
    expect(urls('a.js', js)).toEqual([]);
  });

  it('is not fooled by a template literal with nested expressions', () => {
    const js = 'const a = `x${ {b: "c"}.b }y`; const u = "/_astro/after.js";';
    expect(urls('a.js', js)).toEqual(['/_astro/after.js']);
  });
});

describe('findAbsoluteUrls in XML and the manifests', () => {
  it('allows namespace URIs and the namespace halves of xsi:schemaLocation in both manifests', () => {
    const files = siteFiles.map((f) => f.path);
    expect(findAbsoluteUrls('imsmanifest.xml', packageTargets.scorm12.manifest(course, files))).toEqual([]);
    expect(findAbsoluteUrls('imsmanifest.xml', packageTargets.scorm2004.manifest(course, files))).toEqual([]);
  });

  it('finds absolute schema locations, hrefs and text URLs', () => {
    const xml = [
      '<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
      '  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd">',
      '  <resource href="/lms.html"><file href="https://cdn.example.com/x.js"/></resource>',
      '  <adlcp:location>http://example.com/meta.xml</adlcp:location>',
      '</manifest>',
    ].join('\n');
    expect(findAbsoluteUrls('imsmanifest.xml', xml).map((f) => [f.line, f.url])).toEqual([
      [2, 'http://www.imsglobal.org/xsd/imscp_v1p1.xsd'],
      [3, '/lms.html'],
      [3, 'https://cdn.example.com/x.js'],
      [4, 'http://example.com/meta.xml'],
    ]);
  });

  it('checks SVG files: xlink:href and <image href> but not the namespaces or DOCTYPE', () => {
    const svg = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">',
      '<image xlink:href="https://example.com/a.png"/><image href="img/ok.png"/><use href="#icon"/>',
      '<style>@import url(/fonts.css);</style>',
      '</svg>',
    ].join('\n');
    expect(findAbsoluteUrls('images/chart.svg', svg).map((f) => [f.line, f.url])).toEqual([
      [4, 'https://example.com/a.png'],
      [5, '/fonts.css'],
    ]);
  });
});

describe('options and assertRelativeUrls', () => {
  it('accepts URLs the caller allows, by prefix or pattern', () => {
    const html = '<a href="https://doi.org/10.1037/x">paper</a><a href="https://example.com/">x</a>';
    expect(findAbsoluteUrls('a.html', html, { allow: ['https://doi.org/'] }).map((f) => f.url)).toEqual(['https://example.com/']);
    expect(findAbsoluteUrls('a.html', html, { allow: [/^https:\/\/(doi\.org|example\.com)\//] })).toEqual([]);
  });

  it('does not scan binary or unknown files', () => {
    expect(findAbsoluteUrls('images/chart.png', 'https://example.com')).toEqual([]);
    expect(findAbsoluteUrls('data.json', '{"u":"https://example.com"}')).toEqual([]);
  });

  it('throws an error listing every finding', () => {
    const files = [
      { path: 'lms.html', text: '<script src="/_astro/x.js"></script>' },
      { path: '_astro/a.css', text: 'a{b:url(https://cdn.example.com/x.png)}' },
      { path: 'ok.html', text: '<a href="lms.html">ok</a>' },
    ];
    expect(() => assertRelativeUrls(files)).toThrow(AbsoluteUrlError);
    expect(() => assertRelativeUrls(files)).toThrow(/2 absolute URLs[\s\S]*lms\.html:1 {2}\/_astro\/x\.js[\s\S]*_astro\/a\.css:1 {2}https:\/\/cdn/);
    expect(() => assertRelativeUrls(files.slice(2))).not.toThrow();
  });
});

/** [line, url] of each finding, for checks where the line matters. */
const lines = (path: string, text: string) => findAbsoluteUrls(path, text).map((f) => [f.line, f.url]);

describe('findAbsoluteUrls in JavaScript: a tokenizer tells regular expressions, division and comments apart', () => {
  it('reads "/" after ")" or an expression\'s "}" as division, and after "if (…)", a block\'s "}" or a keyword as a regular expression', () => {
    const js = [
      'const half = (a + b) / 2, u1 = "/_astro/one.js", q = half / 4;',
      'if (ok) /\'/.test(s) && load("/_astro/two.js");',
      'function f() {}',
      '/\'/.test(s); const u3 = "/_astro/three.js";',
      'const g = function () { return 4; } / 2, u4 = "/_astro/four.js", r = g / 3;',
      'void /\'/.source, typeof /"/, x = "/_astro/five.js";',
    ].join('\n');
    expect(lines('a.js', js)).toEqual([
      [1, '/_astro/one.js'],
      [2, '/_astro/two.js'],
      [4, '/_astro/three.js'],
      [5, '/_astro/four.js'],
      [6, '/_astro/five.js'],
    ]);
  });

  it('does not read quotes, slashes or URLs inside a regular expression as strings', () => {
    const js = 'const re = /["\'`]\\/_astro\\/|https?:\\/\\/[^/]+/g, cls = /[/"]/; const s = "/_astro/after.js";';
    expect(urls('a.js', js)).toEqual(['/_astro/after.js']);
  });

  it('ignores URLs in comments, also where a comment sits between a value and a division', () => {
    const js = [
      '// fetch("/_astro/old.js")',
      '/* import "https://cdn.example.com/x.js" */ const a = 1 /* "/_astro/no.js" */ / 2;',
      '/** @see https://example.com/docs */',
      'const u = "/_astro/after.js"; // trailing "https://example.org"',
    ].join('\n');
    expect(lines('a.js', js)).toEqual([[4, '/_astro/after.js']]);
  });

  it('checks the static start of a template literal by its context, later static parts for absolute URLs, and strings in expressions as strings', () => {
    const js = [
      'const a = `/_astro/${name}.js`;',
      'const b = `${base}/_astro/x.js`;',
      'const c = `${"/_astro/in-expression.js"}`;',
      'const d = `${proto}//cdn.example.com/x.js`;',
      'const e = `see ${x} and https://example.com`;',
      'fetch(`/api/${id}`);',
    ].join('\n');
    expect(lines('a.js', js)).toEqual([
      [1, '/_astro/${…}'],
      [3, '/_astro/in-expression.js'],
      [4, '//cdn.example.com/x.js'],
      [6, '/api/${…}'],
    ]);
  });

  it('reads a string as it means, escapes resolved', () => {
    expect(urls('a.js', 'const u = "https:\\/\\/cdn.example.com\\/x.js", v = "\\u002f_astro/x.js";')).toEqual([
      'https://cdn.example.com/x.js',
      '/_astro/x.js',
    ]);
  });

  it("finds Vite's preload helper written with a template literal", () => {
    expect(urls('a.js', 'he=function(e){return`/`+e}')).toEqual(['/']);
  });

  it('reads a .js file as a module, or else as a classic script; a .mjs file only as a module', () => {
    const sloppy = 'var esc = "\\07"; fetch("/api/x");'; // a legacy octal escape: an error in strict (module) code
    expect(urls('a.js', sloppy)).toEqual(['/api/x']);
    expect(findAbsoluteUrls('a.mjs', sloppy)).toEqual([
      { path: 'a.mjs', line: 1, url: '', problem: 'could not parse as JavaScript: Octal literal in strict mode' },
    ]);
  });

  it('reports a script it cannot tokenize, with its line, instead of passing it unread', () => {
    expect(findAbsoluteUrls('a.js', 'const ok = 1;\nconst s = "unterminated;\nfetch("https://cdn.example.com/x")')).toEqual([
      { path: 'a.js', line: 2, url: '', problem: 'could not parse as JavaScript: Unterminated string constant' },
    ]);
    const html = '<p>fine</p>\n<script>const s = \'oops;</script>';
    expect(findAbsoluteUrls('a.html', html).map((f) => [f.line, f.problem])).toEqual([
      [2, 'could not parse as JavaScript: Unterminated string constant'],
    ]);
    expect(() => assertRelativeUrls([{ path: 'a.html', text: html }])).toThrow(
      /1 script that could not be checked[\s\S]*a\.html:2 {2}could not parse as JavaScript/,
    );
  });
});

describe('findAbsoluteUrls in HTML: parsed as a browser parses it', () => {
  it('scans on* handlers as JavaScript', () => {
    const html =
      '<img src="a.png" alt="" onerror="this.src=\'/_astro/fallback.png\'">' +
      '<button onclick="location.href=\'/read/\'">Read</button><button onclick="alert(\'see /about\')">?</button>';
    expect(urls('a.html', html)).toEqual(['/_astro/fallback.png', '/read/']);
  });

  it('reads <script> bodies by type: import maps and JSON as JSON, other data blocks (Markdown) as text', () => {
    const html = [
      '<script type="importmap">{"imports": {"x": "/_astro/x.js"}}</script>',
      '<script type="application/json" id="data">{"link": "https://example.com/a", "note": "/about"}</script>',
      '<script type="text/template">## Hi',
      "![chart](/images/chart.png) read the [docs](https://example.com/docs), and/or don't</script>",
    ].join('\n');
    expect(lines('a.html', html)).toEqual([
      [1, '/_astro/x.js'],
      [2, 'https://example.com/a'],
      [4, '/images/chart.png'],
      [4, 'https://example.com/docs'],
    ]);
  });

  it('is not fooled by "<!--" in a script or by markup that is text (textarea, code samples)', () => {
    expect(urls('a.html', '<script>const s = "<!--"; fetch("/api/x");</script>')).toEqual(['/api/x']);
    const text =
      '<textarea><script src="/_astro/x.js"></script></textarea>' +
      '<pre><code>&lt;a href="/index.html"&gt;</code></pre><title>url(/x.png)</title>';
    expect(urls('a.html', text)).toEqual([]);
  });

  it('scans the contents of <template> and <noscript>', () => {
    const html = '<template><img src="/_astro/t.png" alt=""></template><noscript><link rel="stylesheet" href="/_astro/n.css"></noscript>';
    expect(urls('a.html', html)).toEqual(['/_astro/t.png', '/_astro/n.css']);
  });

  it('decodes attribute values as a browser does, and reports each URL of a multi-line value on its line', () => {
    expect(urls('a.html', '<a href="https&colon;&sol;&sol;example.com/x">x</a>')).toEqual(['https://example.com/x']);
    const html = '<img alt=""\n  srcset="a.png?x=1&amp;y=2 1x,\n  /b.png 2x"\n  style="background:url(&quot;img/a.png&quot;);\n  mask:url(&quot;/m.svg&quot;)">';
    expect(lines('a.html', html)).toEqual([
      [3, '/b.png'],
      [5, '/m.svg'],
    ]);
  });
});
