/**
 * The phones' page at run time: join the room, show the question on the
 * screen as a form, send one answer, follow the slides' text. Everything the
 * server sends is written as text (textContent), never as markup.
 *
 * The device id is random, made here and kept in this browser's
 * localStorage so a reload is still the same phone; it names no one and is
 * sent only to the presenter's server, to refuse a second answer.
 */
import { isValidAnswer, normalizeRoom, SOCKET_PATH, type Answer, type AudiencePoll, type ToClient, type ToServer } from '../protocol';
import type { AudienceRuntimeStrings } from '../strings';

type Strings = AudienceRuntimeStrings;
const fill = (template: string, n: string | number) => template.replace('{n}', String(n));
const DEVICE_KEY = 'live-answers-device';

function deviceId(): string {
  const fresh = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  try {
    const kept = localStorage.getItem(DEVICE_KEY);
    if (kept) return kept;
    const id = fresh();
    localStorage.setItem(DEVICE_KEY, id);
    return id;
  } catch {
    return fresh(); // no storage: the server still takes one answer per connection
  }
}

function roomFromHash(hash: string): string {
  return normalizeRoom(new URLSearchParams(hash.replace(/^#/, '')).get('room') ?? '');
}

function socketUrl(href: string): string {
  const url = new URL(SOCKET_PATH, href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.hash = '';
  return url.href;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** The fields of one question, and how to read an answer back from them (null: not complete). */
function fieldsFor(poll: AudiencePoll, s: Strings): { nodes: Node[]; read(): Answer | null; incomplete: string } {
  const name = `q-${poll.id}`;
  const choiceLabel = (c: { key: string; text: string }) => `${c.key}. ${c.text}`;
  if (poll.kind === 'one' || poll.kind === 'many') {
    const type = poll.kind === 'one' ? 'radio' : 'checkbox';
    const inputs = poll.choices.map((c, i) => el('input', { type, name, value: c.key, id: `${name}-${i}` }));
    const set = el('fieldset', {}, el('legend', { className: 'sr-only', textContent: poll.prompt }), ...poll.choices.map((c, i) => el('label', { className: 'aud-choice', htmlFor: `${name}-${i}` }, inputs[i] as HTMLInputElement, el('span', { textContent: choiceLabel(c) }))));
    return {
      nodes: [set],
      read: () => {
        const picked = inputs.filter((i) => i.checked).map((i) => i.value).sort();
        return picked.length > 0 ? picked : null;
      },
      incomplete: s.choose,
    };
  }
  const select = (id: string, label: string, options: Array<{ key: string; text: string }>) => {
    const menu = el('select', { id, name: id }, el('option', { value: '', textContent: s.pick }), ...options.map((c) => el('option', { value: c.key, textContent: choiceLabel(c) })));
    return { menu, node: el('div', { className: 'aud-field' }, el('label', { htmlFor: id, textContent: label }), menu) };
  };
  if (poll.kind === 'match') {
    const rows = (poll.items ?? []).map((item, i) => select(`${name}-${i}`, `${fill(s.statement, item.key)}: ${item.text}`, poll.choices));
    return {
      nodes: [el('fieldset', {}, el('legend', { className: 'sr-only', textContent: poll.prompt }), ...rows.map((r) => r.node))],
      read: () => (rows.every((r) => r.menu.value) ? rows.map((r) => r.menu.value) : null),
      incomplete: s.chooseEach,
    };
  }
  const rows = poll.choices.map((_, i) => select(`${name}-${i}`, fill(s.place, i + 1), poll.choices));
  return {
    nodes: [el('fieldset', {}, el('legend', { className: 'sr-only', textContent: poll.prompt }), ...rows.map((r) => r.node))],
    read: () => {
      const order = rows.map((r) => r.menu.value);
      return order.every(Boolean) && new Set(order).size === order.length ? order : null;
    },
    incomplete: s.orderEach,
  };
}

export function startAudience(doc: Document): void {
  const s = JSON.parse(doc.getElementById('audience-strings')?.textContent ?? '{}') as Strings;
  const $ = <T extends HTMLElement>(sel: string) => doc.querySelector<T>(sel) as T;
  const status = $('[data-status]');
  const joinForm = $<HTMLFormElement>('[data-join]');
  const roomInput = $<HTMLInputElement>('#aud-room');
  const question = $('[data-question]');
  const prompt = $('[data-question-prompt]');
  const instruction = $('[data-question-instruction]');
  const answerForm = $<HTMLFormElement>('[data-answer]');
  const fields = $('[data-answer-fields]');
  const error = $('[data-answer-error]');
  const submit = $<HTMLButtonElement>('[data-answer-submit]');
  const result = $('[data-answer-result]');
  const follow = $('[data-follow]');
  const followTitle = $('[data-follow-title]');
  const followText = $('[data-follow-text]');

  const device = deviceId();
  let room = roomFromHash(location.hash);
  let socket: WebSocket | undefined;
  let retry = 1000;
  let refused = false;
  let current: { poll: AudiencePoll; read: () => Answer | null; incomplete: string } | undefined;

  const say = (text: string) => {
    status.textContent = text;
  };
  const sendMessage = (m: ToServer) => socket?.readyState === WebSocket.OPEN && socket.send(JSON.stringify(m));

  const showQuestion = (poll: AudiencePoll | null, open: boolean, answered: boolean) => {
    if (!poll) {
      question.hidden = true;
      current = undefined;
      return;
    }
    if (current?.poll.id !== poll.id) {
      const built = fieldsFor(poll, s);
      current = { poll, read: built.read, incomplete: built.incomplete };
      prompt.textContent = poll.prompt;
      instruction.textContent = poll.instruction;
      fields.replaceChildren(...built.nodes);
      error.textContent = '';
      result.textContent = '';
    }
    question.hidden = false;
    const locked = answered || !open;
    submit.disabled = locked;
    for (const input of fields.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) input.disabled = locked;
    if (answered && !result.textContent) result.textContent = s.answered;
    else if (!open && !answered) result.textContent = s.closed;
  };

  const onMessage = (m: ToClient) => {
    switch (m.t) {
      case 'welcome':
        retry = 1000;
        joinForm.hidden = true;
        say(s.status.joined);
        break;
      case 'refused':
        refused = true;
        if (m.reason === 'room') {
          joinForm.hidden = false;
          say(s.status.wrongRoom);
          roomInput.focus();
        } else say(s.status.ended);
        break;
      case 'state':
        showQuestion(m.poll, m.open, m.answered);
        follow.hidden = !m.slide;
        if (m.slide) {
          followTitle.textContent = m.slide.title;
          followText.replaceChildren(...m.slide.text.map((p) => el('p', { textContent: p })));
        }
        break;
      case 'vote-result':
        if (m.poll !== current?.poll.id) break;
        result.textContent = s.result[m.result];
        submit.disabled = m.result !== 'invalid';
        if (m.result !== 'invalid') for (const input of fields.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) input.disabled = true;
        break;
      default:
        break;
    }
  };

  const connect = () => {
    refused = false;
    say(s.status.connecting);
    const ws = new WebSocket(socketUrl(location.href));
    socket = ws;
    ws.addEventListener('open', () => sendMessage({ t: 'hello', role: 'audience', room, device }));
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
      if (socket !== ws || refused) return;
      say(s.status.offline);
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 15_000);
    });
  };

  joinForm.addEventListener('submit', (event) => {
    event.preventDefault();
    room = normalizeRoom(roomInput.value);
    if (!room) return;
    history.replaceState(null, '', `#room=${room}`);
    socket?.close();
    connect();
  });

  answerForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!current) return;
    const answer = current.read();
    if (!answer || !isValidAnswer(current.poll, answer)) {
      error.textContent = current.incomplete;
      return;
    }
    error.textContent = '';
    submit.disabled = true;
    sendMessage({ t: 'vote', poll: current.poll.id, answer });
  });

  if (room) connect();
  else {
    joinForm.hidden = false;
    roomInput.focus();
  }
}
