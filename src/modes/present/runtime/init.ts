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
import { deckConfig, deckView, printKind } from './config';
import { disableCountdowns, setupCountdowns } from './countdown';
import { fitSlides } from './fit';
import { parkFarSlides, type Parking } from './park';
import { acceptMessagesOnlyFrom } from './message-guard';
import { deckMayHandleKey } from './keys';
import { repairPrintView } from './print';
import { repairSpeakerView } from './speaker-view';
import { followZoom, slideSizeFor } from './zoom';
import { stepAheadUnlessTold } from './upcoming-preview';

declare global {
  interface Window {
    Reveal?: RevealApi;
  }
}

export async function startDeck(root: HTMLElement | null = document.querySelector<HTMLElement>('.reveal')): Promise<RevealApi | undefined> {
  if (!root) return undefined;
  const view = deckView(window.location.search);
  const print = printKind(window.location.search);
  const html = document.documentElement;
  html.dataset.deckView = view;

  const config = deckConfig({
    view,
    print,
    reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    keyboardCondition: deckMayHandleKey,
  });
  // A window too small for the slide (browser zoom, a small screen) gets a smaller slide that reflows (zoom.ts).
  // Only the projected deck: the speaker view's previews show the slide as the room sees it.
  let size = view === 'live' ? slideSizeFor(window.innerWidth, window.innerHeight) : { width: Number(config.width), height: Number(config.height), reflow: false };
  config.width = size.width;
  config.height = size.height;
  // See DeckConfig: it differs from RevealConfig only in how defaultTiming is typed.
  // Before reveal and its notes plugin listen: they would obey any window (./message-guard.ts).
  acceptMessagesOnlyFrom(window, window.location.origin, ...(root.dataset.controlOrigins ?? '').split(' ').filter(Boolean));
  const deck = new Reveal(root, config as unknown as RevealConfig);
  window.Reveal = deck;

  repairRevealA11y(deck);
  // The deck's slides do not change once built: listed once, with each one's place, so a slide
  // change looks up its neighbours in constant time instead of walking the deck.
  let listed: { all: HTMLElement[]; index: Map<HTMLElement, number> } | null = null;
  const deckSlides = () => {
    if (!listed) {
      const all = [...root.querySelectorAll<HTMLElement>('.slides section[data-slide]')];
      listed = { all, index: new Map(all.map((s, i) => [s, i])) };
    }
    return listed;
  };
  const slides = () => deckSlides().all;
  // Far slides' content is parked out of the document (park.ts), except in print, which shows every slide.
  const parking: (Parking & { again(): void }) | null = view === 'print' ? null : parkFarSlides(deck, slides(), root);
  // Fitting is a guard (fit.ts): it forces layout per slide, so it is done as
  // slides come up (the current one and its neighbours), not all at start;
  // print and the overview show every slide, so they fit them all. A
  // reflowed slide scrolls instead.
  const fitted = new WeakSet<HTMLElement>();
  const fit = (list: HTMLElement[]) => {
    if (size.reflow) return false;
    // A parked slide is fitted once its content is back (it is then near the current one).
    const todo = list.filter((s) => !fitted.has(s) && !parking?.isParked(s));
    if (todo.length === 0) return false;
    fitSlides(todo, size.height);
    for (const s of todo) fitted.add(s);
    return true;
  };
  const around = () => {
    const { all, index } = deckSlides();
    const i = index.get(deck.getCurrentSlide()) ?? -1;
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
    const d = root.dataset;
    repairSpeakerView({
      title: d.speakerTitle ?? document.title,
      heading: d.speakerHeading ?? '',
      layout: d.speakerLayout ?? '',
      current: d.speakerCurrent ?? '',
      upcoming: d.speakerUpcoming ?? '',
      reset: d.speakerReset ?? '',
    });
  } else {
    disableCountdowns(root);
  }
  if (view === 'preview') {
    // The speaker view shows two copies (the upcoming one without controls): name each one's main landmark apart.
    const upcoming = /controls=false/.test(window.location.search);
    document.querySelector('main')?.setAttribute('aria-label', (upcoming ? root.dataset.speakerUpcoming : root.dataset.speakerCurrent) ?? '');
    if (upcoming) stepAheadUnlessTold(deck);
  }

  if (view === 'print') {
    deck.on('pdf-ready', () => {
      repairPrintView(root, print);
      laidOut(slides());
    });
  } else {
    deck.on('ready', () => {
      if (view === 'live')
        followZoom(deck, slides, (next) => {
          size = next;
          parking?.again(); // configure() rebuilt reveal's backgrounds
          for (const s of slides()) {
            fitted.delete(s);
            s.style.removeProperty('--fit');
          }
          fit(around());
        });
      laidOut(around());
      deck.layout();
    });
    // No deck.layout() here: reveal's layout walks every slide (a cost that grows with the deck on
    // each change), and fitting a slide changes only that slide's type, nothing reveal lays out.
    deck.on('slidechanged', () => fit(around()));
    deck.on('overviewshown', () => fit(slides()) && deck.layout());
  }

  await deck.initialize();
  // Live answers: only when `npm run present -- --live` opened the deck with its key.
  const liveKey = new URLSearchParams(window.location.search).get('live');
  if (view === 'live' && liveKey) {
    const { startLive } = await import('./live');
    root.addEventListener('deck-live-joined', () => {
      for (const s of root.querySelectorAll<HTMLElement>('section.has-join')) fitted.delete(s);
      fit(around());
    });
    startLive(deck, root, liveKey, parking ?? undefined);
  }
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
