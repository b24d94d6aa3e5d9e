/**
 * Accessibility repairs to reveal's speaker view, from our side (reveal is
 * left unpatched). The notes plugin opens an about:blank window and writes
 * its own page into it; the deck sees that window when the plugin opens it
 * (window.open, wrapped here) and corrects the page it wrote:
 *
 * - a title, a main landmark and a top heading; its labels become h2s;
 * - the layout menu (an invisible <select> over its label) gets a name, and
 *   a visible focus ring on its box;
 * - the timer's reset, a click on a div, becomes a real button (Enter and
 *   Space press it, and do not also move the deck);
 * - the preview frames get titles as the plugin adds them;
 * - the timer's muted digits (opacity 0.3: 2:1) and the "behind" red (4:1)
 *   get colours of at least 4.5:1; focus is visible everywhere.
 */
export interface SpeakerWords {
  title: string;
  heading: string;
  layout: string;
  current: string;
  upcoming: string;
  reset: string;
}

export const SPEAKER_WINDOW = 'reveal.js - Notes';

const CSS = `
  .speaker-controls-time span.mute { opacity: 1; color: #595959; }
  .speaker-controls-time .pacing.behind { color: #a50e0e; }
  .speaker-controls-time .pacing.on-track { color: #0b5a24; }
  .speaker-controls-time .pacing.ahead { color: #0b3d91; }
  .speaker-controls-time .label, .speaker-controls-notes .label { color: #555; }
  #speaker-layout:focus-within { outline: 3px solid #0b57d0; outline-offset: 2px; }
  .speaker-controls-time .reset-button { opacity: 1; float: right; font: inherit; font-size: 1em; text-transform: none; color: #222; background: #eee; border: 2px solid #555; border-radius: 4px; padding: 2px 10px; cursor: pointer; }
  :focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  main { display: block; }
`;

/** Add CSS to a document as a constructed style sheet (made by that document's own window). */
function adoptStyles(doc: Document, css: string): void {
  const view = doc.defaultView;
  if (!view) return;
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

/** Apply every repair to the speaker view's document (idempotent). */
export function repairSpeakerDocument(doc: Document, words: SpeakerWords): void {
  if (doc.documentElement.dataset.repaired) return;
  doc.documentElement.dataset.repaired = '';
  doc.title = words.title;
  // Constructed style sheets, not <style> elements: the window inherits the deck's Content-Security-Policy, which allows no inline style it has no hash for.
  adoptStyles(doc, CSS);

  const main = doc.createElement('main');
  const h1 = doc.createElement('h1');
  h1.className = 'sr-only';
  h1.id = 'speaker-view-heading';
  h1.textContent = words.heading;
  // Named, so it stays distinct from the decks' own main landmarks in the preview frames.
  main.setAttribute('aria-labelledby', h1.id);
  main.append(h1, ...[...doc.body.childNodes].filter((n) => n.nodeName !== 'SCRIPT'));
  doc.body.prepend(main);

  for (const h4 of doc.querySelectorAll('h4')) {
    const h2 = doc.createElement('h2');
    for (const attr of [...h4.attributes]) h2.setAttribute(attr.name, attr.value);
    h2.append(...h4.childNodes);
    h4.replaceWith(h2);
  }
  adoptStyles(doc, 'h2.label { font-size: 0.66em; margin: 0; }');

  doc.querySelector('.speaker-layout-dropdown')?.setAttribute('aria-label', words.layout);

  const reset = doc.querySelector('.speaker-controls-time .reset-button');
  if (reset) {
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'reset-button';
    button.textContent = words.reset;
    // Its click bubbles to the plugin's handler on .speaker-controls-time; its keys stay with it.
    button.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') event.stopPropagation();
    });
    reset.replaceWith(button);
  }

  const title = (box: string, name: string) => {
    const container = doc.querySelector(box);
    if (!container) return;
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', name);
    const apply = () => {
      for (const frame of container.querySelectorAll('iframe')) if (!frame.title) frame.title = name;
    };
    apply();
    new (doc.defaultView?.MutationObserver ?? MutationObserver)(apply).observe(container, { childList: true });
  };
  title('#current-slide', words.current);
  title('#upcoming-slide', words.upcoming);
}

/** Watch for the speaker view's window and repair its page once the plugin has written it. */
export function repairSpeakerView(words: SpeakerWords, win: Window = window): void {
  const open = win.open.bind(win);
  win.open = (url?: string | URL, target?: string, features?: string) => {
    const opened = open(url, target, features);
    if (opened && target === SPEAKER_WINDOW) {
      // The plugin writes the page right after open() returns, in the same task.
      setTimeout(() => {
        try {
          repairSpeakerDocument(opened.document, words);
        } catch {
          /* closed already, or not ours */
        }
      }, 0);
    }
    return opened;
  };
}
