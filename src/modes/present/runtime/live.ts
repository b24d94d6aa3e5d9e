/**
 * Live answers in the projected deck, loaded only when the page was opened
 * from `npm run present -- --live` (present.html?live=<key>): without the
 * server the deck never loads this module and is exactly the built one.
 *
 * - Shows the audience URL, the room code and a QR code on the title and
 *   question slides (LiveJoin.astro's empty boxes).
 * - Tells the server what is on screen at every slide and fragment change:
 *   the slide's visible text (follow-along on the phones), the question the
 *   slide asks (its PollFrame's data-audience) and whether it is still open
 *   (its answer not yet shown: voting closes on the answer's step).
 * - Shows the tally beside each choice (count and bar; a statement's count
 *   per category for matching; the commonest orders for ordering), with the
 *   total announced politely, at most every few seconds.
 */
import type { RevealApi } from 'reveal.js';
import type { Parking } from './park';
import { answerFromKey, SOCKET_PATH, type AudiencePoll, type FollowAlong, type ToClient, type ToServer } from '../../audience/protocol';

export interface LiveWords {
  qr: string;
  answers: string;
  answersOf: string;
}

/** Words the deck page carries for the runtime (Layout.astro data-live-*). */
export function liveWords(root: HTMLElement): LiveWords {
  const d = root.dataset;
  return { qr: d.liveQr ?? '{url}', answers: d.liveAnswers ?? '{n}', answersOf: d.liveAnswersOf ?? '' };
}

const ANNOUNCE_EVERY_MS = 3000;

function socketUrl(href: string): string {
  const url = new URL(SOCKET_PATH, href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '';
  url.hash = '';
  return url.href;
}

/** The server's QR code as inline SVG, parsed as XML and kept only if it is nothing but shapes. */
export function qrElement(svg: string, label: string): SVGSVGElement | null {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg' || doc.querySelector('parsererror')) return null;
  for (const node of root.querySelectorAll('*')) {
    if (!['rect', 'path'].includes(node.nodeName)) return null;
    for (const attr of [...node.attributes]) if (!['fill', 'd', 'width', 'height', 'x', 'y'].includes(attr.name)) return null;
  }
  const el = document.importNode(root, true) as unknown as SVGSVGElement;
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', label);
  return el;
}

/** Parts of a slide the phones do not need: the question (they show it as a form), the join box, the timer, the data table. */
const NOT_FOLLOWED = '.poll, .live-join, .countdown, .chart-data, .sr-only';

/** What the screen shows now, for the phones: the title and the visible text, block by block. */
export function followAlong(slide: HTMLElement): FollowAlong {
  const title = slide.querySelector('.slide-title')?.textContent?.trim() ?? '';
  const text: string[] = [];
  const collect = (el: Element) => {
    if (el.matches(NOT_FOLLOWED)) return;
    if (el.querySelector(NOT_FOLLOWED)) {
      for (const child of el.children) collect(child);
      return;
    }
    // innerText leaves out what is not rendered (hidden fragments).
    for (const line of (el as HTMLElement).innerText.split('\n')) if (line.trim()) text.push(line.trim());
  };
  const body = slide.querySelector('.deck-body');
  if (body) for (const child of body.children) collect(child);
  return { title, text: text.slice(0, 60) };
}

/** The audience poll on a slide, or the poll element itself. */
function pollOf(within: HTMLElement): { el: HTMLElement; poll: AudiencePoll } | null {
  const el = within.matches('.poll[data-audience]') ? within : within.querySelector<HTMLElement>('.poll[data-audience]');
  if (!el?.dataset.audience) return null;
  try {
    return { el, poll: JSON.parse(el.dataset.audience) as AudiencePoll };
  } catch {
    return null;
  }
}

/** Devices per choice key, from the server's counts by answer (pure). */
export function perChoice(poll: AudiencePoll, counts: Record<string, number>): Map<string, number> {
  const out = new Map(poll.choices.map((c) => [c.key, 0]));
  for (const [key, n] of Object.entries(counts)) for (const choice of new Set(answerFromKey(poll.kind, key))) out.set(choice, (out.get(choice) ?? 0) + n);
  return out;
}

/** Matching: for each statement, devices per category (pure). */
export function perItem(poll: AudiencePoll, counts: Record<string, number>): Array<Map<string, number>> {
  const items = poll.items ?? [];
  const out = items.map(() => new Map(poll.choices.map((c) => [c.key, 0])));
  for (const [key, n] of Object.entries(counts))
    answerFromKey(poll.kind, key).forEach((choice, i) => {
      const row = out[i];
      if (row) row.set(choice, (row.get(choice) ?? 0) + n);
    });
  return out;
}

function tallyBox(count: number, total: number, words: LiveWords): HTMLElement {
  const box = document.createElement('span');
  box.className = 'poll-tally';
  const bar = document.createElement('span');
  bar.className = 'poll-bar';
  bar.setAttribute('aria-hidden', 'true');
  bar.style.setProperty('--share', String(total > 0 ? count / total : 0));
  const n = document.createElement('span');
  n.className = 'poll-count';
  n.textContent = String(count);
  const unit = document.createElement('span');
  unit.className = 'sr-only';
  unit.textContent = ` ${words.answersOf}`;
  box.append(bar, n, unit);
  return box;
}

/** Write the tally into a poll on the slide. */
export function renderTally(el: HTMLElement, poll: AudiencePoll, total: number, counts: Record<string, number>, words: LiveWords): void {
  el.dataset.tallyTotal = String(total);
  for (const old of el.querySelectorAll('.poll-tally, .poll-tally-total')) old.remove();
  if (poll.kind === 'match') {
    const rows = perItem(poll, counts);
    el.querySelectorAll<HTMLElement>('.poll-items li[data-item]').forEach((li, i) => {
      const row = rows[i];
      if (!row) return;
      const box = document.createElement('span');
      box.className = 'poll-tally';
      box.textContent = [...row].map(([k, n]) => `${k} ${n}`).join(' · ');
      li.append(' ', box);
    });
  } else if (poll.kind === 'order') {
    // The commonest orders, at most three.
    const top = Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3);
    const list = el.querySelector('.poll-options');
    for (const [key, n] of top) {
      const line = document.createElement('p');
      line.className = 'poll-tally-total';
      line.textContent = `${answerFromKey('order', key).join(', ')}: ${n}`;
      list?.after(line);
    }
  } else {
    const per = perChoice(poll, counts);
    for (const li of el.querySelectorAll<HTMLElement>('.poll-options li[data-choice]')) li.append(tallyBox(per.get(li.dataset.choice ?? '') ?? 0, total, words));
  }
  const sum = document.createElement('p');
  sum.className = 'poll-tally-total';
  sum.dataset.tallyTotal = String(total);
  sum.textContent = words.answers.replace('{n}', String(total));
  (el.querySelector('.poll-side') ?? el).append(sum);
}

/**
 * `content`: the deck's elements on every slide, and the slide each is on: far slides' content is
 * parked out of the document (park.ts), and a join box or a tally there must still be filled in.
 */
export function startLive(
  deck: RevealApi,
  root: HTMLElement,
  key: string,
  content: Pick<Parking, 'queryAll' | 'slideOf' | 'within'> = {
    queryAll: <T extends Element>(selector: string) => [...root.querySelectorAll<T>(selector)],
    slideOf: (el: Element) => el.closest<HTMLElement>('section'),
    within: <T extends Element>(slide: HTMLElement, selector: string) => slide.querySelector<T>(selector),
  },
): void {
  const all = (selector: string) => content.queryAll<HTMLElement>(selector);
  const words = liveWords(root);
  const status = document.createElement('div');
  status.className = 'sr-only';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  document.body.append(status);
  let lastAnnounced = 0;
  let pendingAnnounce: ReturnType<typeof setTimeout> | undefined;
  const announce = (text: string) => {
    const now = Date.now();
    clearTimeout(pendingAnnounce);
    const wait = Math.max(0, lastAnnounced + ANNOUNCE_EVERY_MS - now);
    pendingAnnounce = setTimeout(() => {
      lastAnnounced = Date.now();
      status.textContent = text;
    }, wait);
  };

  let socket: WebSocket | undefined;
  const send = (m: ToServer) => socket?.readyState === WebSocket.OPEN && socket.send(JSON.stringify(m));
  const report = () => {
    const slide = deck.getCurrentSlide() as HTMLElement | undefined;
    if (!slide) return;
    const found = pollOf(slide);
    const open = !!found && !found.el.querySelector('.poll-answer.visible');
    send({ t: 'slide', slide: followAlong(slide), poll: found?.poll ?? null, open });
  };

  const onMessage = (m: ToClient) => {
    if (m.t === 'welcome' && m.role === 'presenter') {
      for (const box of all('[data-live-join]')) {
        const url = box.querySelector('[data-live-url]');
        if (url) url.textContent = m.audienceText;
        const code = box.querySelector('[data-live-room]');
        if (code) code.textContent = m.room;
        const qr = qrElement(m.qrSvg, (box.dataset.qrLabel ?? words.qr).replace('{url}', m.audienceUrl));
        if (qr) box.querySelector('[data-live-qr]')?.replaceChildren(qr);
        box.hidden = false;
        const section = content.slideOf(box);
        section?.classList.add('is-live');
        // On a question slide the box joins the column beside the choices, until the answer shows (styles.css).
        const side = section && content.within(section, '.poll-side');
        if (side && box.parentElement !== side) side.prepend(box);
      }
      document.documentElement.dataset.live = 'connected';
      root.dispatchEvent(new CustomEvent('deck-live-joined'));
      report();
    } else if (m.t === 'tally') {
      for (const el of all(`.poll[data-check="${CSS.escape(m.poll)}"]`)) {
        const found = pollOf(el);
        if (found) renderTally(el, found.poll, m.total, m.counts, words);
      }
      announce(words.answers.replace('{n}', String(m.total)));
    } else if (m.t === 'refused') {
      document.documentElement.dataset.live = 'refused';
    }
  };

  const connect = () => {
    const ws = new WebSocket(socketUrl(location.href));
    socket = ws;
    ws.addEventListener('open', () => send({ t: 'hello', role: 'presenter', key }));
    ws.addEventListener('message', (event) => {
      let message: ToClient;
      try {
        message = JSON.parse(String(event.data)) as ToClient;
      } catch {
        return; // not a message of ours
      }
      onMessage(message);
    });
    ws.addEventListener('close', () => {
      if (document.documentElement.dataset.live === 'refused') return;
      document.documentElement.dataset.live = 'offline';
      setTimeout(connect, 3000);
    });
  };

  for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden']) deck.on(event, report);
  connect();
}
