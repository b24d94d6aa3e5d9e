/**
 * The print view (?view=print: the handout, and the attendees' slides-only
 * PDF with &slides-only), repaired for reading on screen and in a tagged PDF.
 *
 * reveal's print layout marks every slide but one `hidden` and
 * `aria-hidden="true"` (it lays slides out as it does for the deck, then
 * shows them all with CSS), so assistive technology finds one slide of 40
 * and a link inside a "hidden" slide still takes focus. Every slide is on
 * the page, so none is hidden: the attributes come off, and stay off.
 *
 * The handout shows every step at once: each question's options with the
 * answer marked, and its explanation (which replaces the options on the
 * deck's last step) at the top of the page's notes. The slides-only PDF
 * carries no notes (config.ts) and no answers: the answer steps are removed
 * from the page before it is printed.
 */
import type { PrintKind } from './config';

export function repairPrintView(root: HTMLElement, kind: PrintKind): void {
  document.documentElement.dataset.print = kind;
  const reveal = () => {
    for (const slide of root.querySelectorAll<HTMLElement>('.slides section')) {
      if (slide.hasAttribute('hidden')) slide.removeAttribute('hidden');
      if (slide.hasAttribute('aria-hidden')) slide.removeAttribute('aria-hidden');
      if (slide.hasAttribute('inert')) slide.removeAttribute('inert');
    }
  };
  reveal();
  if (kind === 'notes') {
    // The explanation replaces the options on the deck's last step; on paper both stay, so it joins the page's notes.
    for (const explanation of root.querySelectorAll<HTMLElement>('.poll-explanation')) {
      const notes = explanation.closest('.pdf-page')?.querySelector('.speaker-notes-pdf');
      if (!notes) continue;
      explanation.classList.remove('fragment');
      notes.prepend(...explanation.childNodes);
      explanation.remove();
    }
  }
  new MutationObserver(reveal).observe(root, { subtree: true, attributes: true, attributeFilter: ['hidden', 'aria-hidden', 'inert'] });
  if (kind === 'slides') for (const answer of root.querySelectorAll('.poll-answer, .poll-explanation, .poll-tag')) answer.remove();
  // Nothing to join on paper.
  for (const box of root.querySelectorAll('[data-live-join]')) box.remove();
}
