/**
 * The Content-Security-Policy every page carries as a meta tag (reader,
 * deck, LMS launch page, audience page; the packages keep it since they
 * are the built pages). Everything comes from the page's own origin:
 * scripts and styles are files, never inline (an inline one the build
 * finds is allowed by its hash, src/integrations/csp.ts), no plug-ins, no
 * <base>, nothing from another site. A meta policy cannot set
 * frame-ancestors: LMSs frame the course. Pure; build-time.
 */

export interface CspOptions {
  /** sha256-… hashes of inline scripts the page runs. */
  scriptHashes?: readonly string[];
  /** sha256-… hashes of inline <style> elements and style="" attributes. */
  styleHashes?: readonly string[];
  /** Style attributes need 'unsafe-hashes' for their hashes to count. */
  styleAttributes?: boolean;
  /** The LMS launch page talks to a cmi5 LRS, which may live on any origin the LMS names at launch. */
  connectAnywhere?: boolean;
  /**
   * The deck: reveal.js writes <style> elements at run time whose text
   * depends on the window (the print view's @page size, the speaker view),
   * so no hash can be known in advance. Inline styles only, never scripts;
   * slides still may not contain <style> or style= (model/mdx-analysis.ts).
   */
  inlineStyles?: boolean;
  /**
   * The reader's pages search the course with Pagefind, which compiles
   * WebAssembly: in its worker, or on the page when a worker cannot start
   * (src/modes/read/runtime/search.ts). 'wasm-unsafe-eval' allows compiling
   * WebAssembly only, not eval(); the deck and the launch page do not search
   * and go without it.
   */
  wasm?: boolean;
}

const quoted = (hashes: readonly string[] = []) => hashes.map((h) => `'${h}'`);

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...(options.wasm ? ["'wasm-unsafe-eval'"] : []), ...quoted(options.scriptHashes)]],
    // With 'unsafe-inline', hashes must be left out: a browser that sees a hash ignores 'unsafe-inline'.
    ['style-src', options.inlineStyles ? ["'self'", "'unsafe-inline'"] : ["'self'", ...(options.styleAttributes ? ["'unsafe-hashes'"] : []), ...quoted(options.styleHashes)]],
    // data: for the tiny inline icons and QR codes the pages draw; blob: for downloads (the reflections export).
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['media-src', ["'self'"]],
    ['font-src', ["'self'"]],
    ['connect-src', options.connectAnywhere ? ["'self'", 'https:', 'http:'] : ["'self'"]],
    ['frame-src', ["'self'"]],
    ['worker-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}
