/**
 * The arrows of src/ (src/README.md "Layers"): contracts at the bottom, the
 * learner's browser free of build-only code, and nothing shipped that
 * imports the tests. Each rule names the edges that break it.
 */
import { describe, expect, it } from 'vitest';
import { importGraph, type Edge } from '../../support/imports';

const graph = importGraph(process.cwd());
const under = (folder: string) => (path: string) => path.startsWith(`src/${folder}/`);
const show = (edges: Edge[]) => edges.map((e) => `${e.from} -> ${e.to}${e.typeOnly ? ' (type)' : ''}`);

/** Code that runs in the learner's browser: the session, the standards' runtime and every mode's runtime. */
const browser = (path: string) =>
  under('core')(path) ||
  under('session')(path) ||
  (under('standards')(path) && !/\/package\.ts$|\/packages\.ts$/.test(path)) ||
  /^src\/modes\/[^/]+\/runtime\//.test(path) ||
  (under('questions')(path) && path.endsWith('.ts') && !path.endsWith('/views.ts'));

describe('the import graph', () => {
  it('is read: every src folder has edges', () => {
    for (const folder of ['model', 'questions', 'session', 'standards', 'modes', 'site', 'packager', 'integrations']) expect(graph.some((e) => under(folder)(e.from)), folder).toBe(true);
    expect(graph.some((e) => under('core')(e.to)), 'core').toBe(true);
  });

  it('nothing in src/ imports from tests/', () => {
    expect(show(graph.filter((e) => e.to.startsWith('tests/')))).toEqual([]);
  });

  it('the core imports nothing of src/: it is the bottom every layer may use', () => {
    const bad = graph.filter((e) => under('core')(e.from) && e.to.startsWith('src/') && !under('core')(e.to));
    expect(show(bad)).toEqual([]);
  });

  it('question types import nothing of the session, the standards, the modes or the build: only the core, and the field kit as types', () => {
    const bad = graph.filter((e) => under('questions')(e.from) && e.to.startsWith('src/') && !under('questions')(e.to) && !under('i18n')(e.to) && !under('core')(e.to) && !(e.to === 'src/model/fields.ts' && e.typeOnly));
    expect(show(bad)).toEqual([]);
  });

  it('the session imports no mode, no page and no words: it publishes codes', () => {
    const bad = graph.filter((e) => under('session')(e.from) && (under('modes')(e.to) || under('site')(e.to) || under('i18n')(e.to) || /strings\.ts$/.test(e.to)));
    expect(show(bad)).toEqual([]);
  });

  it('the session judges nothing: question types reach it as types only, so the LMS launch page carries none', () => {
    const bad = graph.filter((e) => under('session')(e.from) && under('questions')(e.to) && !e.typeOnly);
    expect(show(bad)).toEqual([]);
  });

  it('the standards sit below the session and the modes', () => {
    const bad = graph.filter((e) => under('standards')(e.from) && (under('session')(e.to) || under('modes')(e.to) || under('site')(e.to) || under('integrations')(e.to)));
    expect(show(bad)).toEqual([]);
  });

  it('the model imports no mode, session, standard, page or packager', () => {
    const bad = graph.filter((e) => under('model')(e.from) && ['modes', 'session', 'standards', 'site', 'packager', 'integrations', 'cli'].some((f) => under(f)(e.to)));
    expect(show(bad)).toEqual([]);
  });

  it('no browser code imports a component, zod, the course loader or a Node built-in (except as types)', () => {
    const buildOnly = (e: Edge) =>
      e.to.endsWith('.astro') || e.to === 'astro/zod' || e.to === 'src/model/load.ts' || e.to === 'src/model/validate.ts' || e.to.startsWith('node:') || e.to === 'src/model/fields.ts';
    const bad = graph.filter((e) => browser(e.from) && !e.typeOnly && buildOnly(e));
    expect(show(bad)).toEqual([]);
  });

  it('one mode does not reach into another mode\'s runtime', () => {
    const modeOf = (path: string) => /^src\/modes\/([^/]+)\//.exec(path)?.[1];
    const bad = graph.filter((e) => {
      const from = modeOf(e.from);
      const to = modeOf(e.to);
      return from && to && from !== to && to !== 'common' && /\/runtime\//.test(e.to) && !e.typeOnly;
    });
    expect(show(bad)).toEqual([]);
  });
});
