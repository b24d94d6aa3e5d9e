/**
 * Starts the deck: reveal.js (ESM core + the notes plugin only) with the
 * deck's configuration, then the small modules that each do one job.
 * Exposes the instance as window.Reveal (as reveal's script build does) for
 * tests and the handout script; html[data-deck-ready] is set once the deck
 * (or, in print, the handout layout) is laid out.
 */
import Reveal from 'reveal.js';
import type { RevealApi, RevealConfig } from 'reveal.js';
import { repairRevealA11y } from './a11y';
import { announceSlideTitles } from './announcer';
import { deckConfig, deckView, SLIDE_HEIGHT } from './config';
import { disableCountdowns, setupCountdowns } from './countdown';
import { fitSlides } from './fit';
import { deckMayHandleKey } from './keys';

declare global {
  interface Window {
    Reveal?: RevealApi;
  }
}

export async function startDeck(root: HTMLElement | null = document.querySelector<HTMLElement>('.reveal')): Promise<RevealApi | undefined> {
  if (!root) return undefined;
  const view = deckView(window.location.search);
  const html = document.documentElement;
  html.dataset.deckView = view;

  const config = deckConfig({
    view,
    reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    keyboardCondition: deckMayHandleKey,
  });
  // See DeckConfig: it differs from RevealConfig only in how defaultTiming is typed.
  const deck = new Reveal(root, config as unknown as RevealConfig);
  window.Reveal = deck;

  repairRevealA11y(deck);
  const slides = () => [...root.querySelectorAll<HTMLElement>('.slides section[data-slide]')];
  // Fitting forces layout per slide, so it is done as slides come up (the
  // current one and its neighbours), not all 32 at start; print and the
  // overview show every slide, so they fit them all.
  const fitted = new WeakSet<HTMLElement>();
  const fit = (list: HTMLElement[]) => {
    const todo = list.filter((s) => !fitted.has(s));
    if (todo.length === 0) return false;
    fitSlides(root, todo, SLIDE_HEIGHT);
    for (const s of todo) fitted.add(s);
    return true;
  };
  const around = () => {
    const all = slides();
    const i = all.indexOf(deck.getCurrentSlide());
    return all.slice(Math.max(0, i - 1), i + 2);
  };
  const laidOut = (list: HTMLElement[]) => {
    fit(list);
    html.dataset.deckReady = '';
  };

  if (view === 'live') {
    const region = document.getElementById('deck-live');
    if (region) announceSlideTitles(deck, region);
    setupCountdowns(deck, root);
  } else {
    disableCountdowns(root);
  }

  if (view === 'print') {
    deck.on('pdf-ready', () => laidOut(slides()));
  } else {
    deck.on('ready', () => {
      laidOut(around());
      deck.layout(); // re-centre title slides at their fitted height
    });
    deck.on('slidechanged', () => fit(around()) && deck.layout());
    deck.on('overviewshown', () => fit(slides()) && deck.layout());
  }

  await deck.initialize();
  // The speaker view (reveal's notes plugin, with its own Markdown parser) is
  // needed only when the presenter presses S, and never in the previews or
  // print: load it after the deck is up, off the first paint's path.
  if (view === 'live') {
    const { default: Notes } = await import('reveal.js/plugin/notes');
    deck.registerPlugin(Notes());
    html.dataset.speakerViewReady = '';
  }
  return deck;
}
