/**
 * Every URL the course writes comes from src/site/urls.ts and is relative to
 * the page that holds it, so the site and the packages work from any path.
 */
import { describe, expect, it } from 'vitest';
import { deckSlidePath, linksFrom, lmsSectionPath, moduleInAllPath, packageFileName, paths, relativeTo, slidePath, toRoot } from '../../../src/site/urls';

describe('the pages, from the site root', () => {
  it('names each built file as build.format "file" writes it', () => {
    expect([paths.home, paths.summary, paths.all, paths.deck, paths.lms]).toEqual(['index.html', 'summary.html', 'all.html', 'present.html', 'lms.html']);
    expect(paths.module('why-relationships')).toBe('modules/why-relationships.html');
    expect(paths.package('rct-intro', 'scorm2004')).toBe('packages/rct-intro-scorm2004.zip');
    expect(packageFileName('rct-intro', 'scorm12')).toBe('rct-intro-scorm12.zip');
  });

  it('places a slide on its module page, in the deck and in the whole course', () => {
    expect(slidePath({ id: 'five-good-things', moduleId: 'connection-and-disconnection' })).toBe('modules/connection-and-disconnection.html#five-good-things');
    expect(deckSlidePath('five-good-things')).toBe('present.html#/five-good-things');
    expect(moduleInAllPath('culture-and-power')).toBe('all.html#module-culture-and-power');
    expect(lmsSectionPath).toBe('index.html#lms');
  });

  it('encodes what it is given, so an odd id cannot escape its path', () => {
    expect(paths.module('a/b?c')).toBe('modules/a%2Fb%3Fc.html');
    expect(deckSlidePath('x#y')).toBe('present.html#/x%23y');
  });
});

describe('links relative to the page that holds them', () => {
  it('climbs one folder per level, and not at all from the root', () => {
    expect(toRoot('index.html')).toBe('');
    expect(toRoot('modules/a.html')).toBe('../');
    expect(toRoot('./modules/a.html#x?y')).toBe('../');
    expect(toRoot('a/b/c.html')).toBe('../../');
  });

  it('writes the same page from every page it is linked from', () => {
    expect(relativeTo(paths.home, paths.summary)).toBe('summary.html');
    expect(relativeTo(paths.module('a'), paths.summary)).toBe('../summary.html');
    expect(relativeTo(paths.module('a'), slidePath({ id: 's', moduleId: 'b' }))).toBe('../modules/b.html#s');
    const link = linksFrom(paths.deck);
    expect(link(slidePath({ id: 's', moduleId: 'b' }))).toBe('modules/b.html#s');
  });

  it('never writes a root-relative or absolute URL', () => {
    for (const from of [paths.home, paths.module('a'), paths.deck, paths.lms])
      for (const to of [paths.home, paths.favicon, paths.package('c', 'scorm12'), deckSlidePath('s')]) {
        const url = relativeTo(from, to);
        expect(url).not.toMatch(/^\/|^[a-z]+:/i);
        expect(new URL(url, `https://lms.example/any/deep/path/${from}`).pathname).toBe(`/any/deep/path/${to.replace(/#.*$/, '')}`);
      }
  });
});
