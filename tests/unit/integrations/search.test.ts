/**
 * The search index the build writes (src/integrations/search.ts): only what
 * the reader's search loads is kept from Pagefind's output, and the one
 * absolute URL its runtime holds is allowed exactly.
 */
import { describe, expect, it } from 'vitest';
import { keptSearchFile, searchRuntimeUrls, type SearchEntry } from '../../../src/integrations/search';

const english: SearchEntry = { languages: { en: { wasm: 'en', page_count: 8 } } };

describe('the files kept from Pagefind', () => {
  it('are the runtime, its worker, the entry, and the language\'s meta, index, fragments and WebAssembly', () => {
    for (const path of ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'pagefind.en_e248ffc869.pf_meta', 'index/en_72c35ee.pf_index', 'fragment/en_5d25e77.pf_fragment', 'wasm.en.pagefind'])
      expect(keptSearchFile(path, english), path).toBe(true);
  });

  it("leave out Pagefind's own interfaces and the WebAssembly of a language no page has", () => {
    for (const path of ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-component-ui.js', 'pagefind-modular-ui.js', 'pagefind-highlight.js', 'wasm.unknown.pagefind', 'wasm.fr.pagefind', 'playground/index.html'])
      expect(keptSearchFile(path, english), path).toBe(false);
  });

  it("keep each indexed language's WebAssembly, and the generic one for a language Pagefind cannot stem", () => {
    const mixed: SearchEntry = { languages: { fr: { wasm: 'fr', page_count: 3 }, xx: { wasm: null, page_count: 1 } } };
    expect(keptSearchFile('wasm.fr.pagefind', mixed)).toBe(true);
    expect(keptSearchFile('wasm.unknown.pagefind', mixed)).toBe(true);
    expect(keptSearchFile('wasm.en.pagefind', mixed)).toBe(false);
  });
});

describe("the runtime's absolute URL", () => {
  const allowed = (url: string) => searchRuntimeUrls.some((re) => re.test(url));
  it('is the base it parses result URLs against, allowed exactly and not as a prefix', () => {
    expect(allowed('https://example.com${…}')).toBe(true);
    expect(allowed('https://example.com/')).toBe(false);
    expect(allowed('https://example.com${…}/x')).toBe(false);
  });
});
