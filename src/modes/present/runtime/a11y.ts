/**
 * Accessibility repairs to the DOM reveal.js builds. reveal is left
 * unpatched: we correct its output once it exists and whenever it could
 * come back (src/README.md: other features hook in through events).
 */
import type { RevealApi } from 'reveal.js';

/**
 * reveal sets role="application" on the deck, which drops screen readers
 * out of browse mode so a slide cannot be read line by line
 * (hakimel/reveal.js#3772). Remove it after reveal builds its DOM, on every
 * slide change, and whenever anything puts it back.
 */
function keepApplicationRoleOff(deck: RevealApi, wrapper: HTMLElement): void {
  const strip = () => {
    if (wrapper.getAttribute('role') === 'application') wrapper.removeAttribute('role');
  };
  strip();
  deck.on('ready', strip);
  deck.on('slidechanged', strip);
  new MutationObserver(strip).observe(wrapper, { attributes: true, attributeFilter: ['role'] });
}

/**
 * reveal's own live region (.aria-status) reads out the whole slide on each
 * change, including fragments not shown yet: the answer to the question on
 * screen. The deck announces slide titles itself (announcer.ts), so
 * silence reveal's region and hide its copy of the text.
 */
function silenceRevealStatus(wrapper: HTMLElement): void {
  const status = wrapper.querySelector('.aria-status');
  status?.removeAttribute('aria-live');
  status?.setAttribute('aria-hidden', 'true');
}

/**
 * reveal's arrow buttons sit in an <aside>: a complementary landmark, which
 * must not sit inside <main>. Make it a named region instead (a role <aside>
 * may take), so the deck's navigation buttons are easy to find.
 */
function labelControls(wrapper: HTMLElement): void {
  const controls = wrapper.querySelector('aside.controls');
  if (!controls) return;
  controls.setAttribute('role', 'region');
  controls.setAttribute('aria-label', wrapper.dataset.controlsLabel ?? 'Slide controls');
}

/** Apply every repair; call before `initialize()` so nothing is missed. */
export function repairRevealA11y(deck: RevealApi): void {
  const wrapper = deck.getRevealElement();
  if (!wrapper) return;
  keepApplicationRoleOff(deck, wrapper);
  deck.on('ready', () => {
    silenceRevealStatus(wrapper);
    labelControls(wrapper);
  });
}
