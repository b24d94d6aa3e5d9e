/**
 * "Pause and reflect" countdowns: the presenter starts and stops them with
 * a button (Space/Enter, see keys.ts); start, stop and "time is up" are
 * announced in the widget's own status region, never every second. Nothing
 * is stored. Only the live deck runs them: previews and print stay inert.
 *
 * Markup (src/components/present/Reflection.astro):
 *   .countdown[data-seconds][data-label-start][data-label-stop]
 *             [data-msg-started][data-msg-stopped][data-msg-done]
 *     button.countdown-toggle  .countdown-clock  .countdown-status
 */
import type { RevealApi } from 'reveal.js';
import type { SlideChangedEvent } from './events';
import { fillClock, formatClock, secondsLeft } from '../clock';

class Countdown {
  private timer: ReturnType<typeof setInterval> | undefined;
  private startedAt = 0;
  private readonly total: number;
  private readonly button: HTMLButtonElement;
  private readonly clock: HTMLElement;
  private readonly status: HTMLElement;
  private readonly root: HTMLElement;

  constructor(root: HTMLElement) {
    this.root = root;
    this.total = Number(root.dataset.seconds) || 120;
    this.button = root.querySelector('.countdown-toggle') as HTMLButtonElement;
    this.clock = root.querySelector('.countdown-clock') as HTMLElement;
    this.status = root.querySelector('.countdown-status') as HTMLElement;
    this.button.addEventListener('click', () => (this.running ? this.stop(true) : this.start()));
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  get slide(): Element | null {
    return this.root.closest('section');
  }

  private template(name: string): string {
    return this.root.dataset[name] ?? '';
  }

  start(): void {
    this.startedAt = Date.now();
    this.timer = setInterval(() => this.tick(), 250);
    this.root.classList.add('is-running');
    this.root.classList.remove('is-done');
    this.button.textContent = this.template('labelStop');
    this.say(this.template('msgStarted'));
    this.tick();
  }

  /** Stop and reset; `announce` is false when the deck moved on to another slide. */
  stop(announce: boolean): void {
    const left = secondsLeft(this.total, this.startedAt, Date.now());
    this.reset();
    if (announce) this.say(fillClock(this.template('msgStopped'), left));
  }

  private reset(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.root.classList.remove('is-running');
    this.button.textContent = fillClock(this.template('labelStart'), this.total);
    this.clock.textContent = formatClock(this.total);
  }

  private tick(): void {
    const left = secondsLeft(this.total, this.startedAt, Date.now());
    this.clock.textContent = formatClock(left);
    if (left > 0) return;
    this.reset();
    this.clock.textContent = formatClock(0);
    this.root.classList.add('is-done');
    this.say(this.template('msgDone'));
  }

  private say(text: string): void {
    this.status.textContent = text;
  }
}

export function setupCountdowns(deck: RevealApi, root: ParentNode): void {
  const countdowns = Array.from(root.querySelectorAll<HTMLElement>('.countdown'), (el) => new Countdown(el));
  deck.on('slidechanged', (event: Event) => {
    const current = (event as SlideChangedEvent).currentSlide;
    for (const c of countdowns) if (c.running && c.slide !== current) c.stop(false);
  });
}

/** Previews and print: the buttons do nothing and cannot be reached. */
export function disableCountdowns(root: ParentNode): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('.countdown-toggle')) {
    button.disabled = true;
    button.hidden = true;
  }
}
