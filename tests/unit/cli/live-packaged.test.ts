/**
 * The phones' page of live answers is not part of the course: the LMS
 * packages leave out audience.html and the assets only it uses
 * (src/modes/audience/packaged.ts), and keep what other pages share.
 */
import { describe, expect, it } from 'vitest';
import { assetsOf, notPackaged } from '../../../src/modes/audience/packaged.ts';

const file = (path: string, text = '') => ({ path, data: new TextEncoder().encode(text) });

describe('notPackaged', () => {
  it("leaves out the phones' page and its own assets, and keeps the shared ones", () => {
    const site = [
      file('audience.html', '<script type="module" src="_astro/audience.A1.js"></script><link rel="stylesheet" href="_astro/audience.B2.css"><link rel=stylesheet href=_astro/shared.C3.css><link rel="stylesheet" href="_astro/views.E5.css">'),
      file('present.html', '<link rel="stylesheet" href="_astro/shared.C3.css"><script src="./_astro/deck.D4.js"></script>'),
      file('modules/a.html', '<link href="../_astro/views.E5.css" rel="stylesheet">'),
      file('_astro/audience.A1.js'),
      file('_astro/audience.B2.css'),
      file('_astro/shared.C3.css'),
      file('_astro/deck.D4.js'),
      file('_astro/views.E5.css'),
    ];
    expect(notPackaged(site)).toEqual(['audience.html', '_astro/audience.A1.js', '_astro/audience.B2.css']);
    expect(assetsOf('<script src="./_astro/deck.D4.js"><link href="../../_astro/x.css">')).toEqual(['_astro/deck.D4.js', '_astro/x.css']);
  });

  it('leaves out nothing from a site without the page', () => {
    expect(notPackaged([file('index.html', '<script src="_astro/x.js"></script>')])).toEqual([]);
  });
});
