/**
 * Reflection prompts in the reader: every keystroke goes into the session
 * (which debounces saving), the saved state is shown and announced, the
 * character count kept, and the learner can clear a reflection (with a
 * confirmation) or download them all.
 */
import { translate, type Locale } from '../../../i18n';
import { own } from '../../../session/records';
import type { Session, SessionStatus } from '../../../session/session';
import { pageRuntimeWords } from './strings/page';
import { all, h } from './dom';

export interface ReflectionUi {
  /** Reflect the session's saving state on every reflection's status line. */
  showStatus(status: SessionStatus): void;
  /** Show texts that changed elsewhere (another tab), in the boxes the learner is not typing in. */
  refresh(): void;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** Reflection boxes that save through `session` (on this device, or to the LMS through the launch page). */
export function enhanceReflections(root: ParentNode, session: Session, download: (button: HTMLElement) => void, locale: Locale): ReflectionUi {
  const strings = translate(pageRuntimeWords, locale);
  const boxes: Array<{ id: string; textarea: HTMLTextAreaElement; status: HTMLElement; touched: boolean }> = [];

  for (const container of all<HTMLElement>('[data-reflection]', root)) {
    const id = container.dataset.reflection ?? '';
    const textarea = container.querySelector('textarea');
    if (!id || !textarea) continue;

    const countId = `${textarea.id}-count`;
    const count = h('span', { class: 'reflection-count', id: countId }, strings.characters(0));
    const status = h('span', { class: 'reflection-status', role: 'status' });
    const clear = h('button', { type: 'button', class: 'button button-secondary' }, strings.clearReflection);
    const save = h('button', { type: 'button', class: 'button button-secondary' }, strings.downloadReflections);
    // A printout shows a text box only as tall as its rows: the page prints this copy instead, the whole text.
    const printed = h('div', { class: 'reflection-print', 'aria-hidden': 'true' });
    textarea.after(printed, h('div', { class: 'reflection-meta' }, count, status), h('div', { class: 'reflection-actions' }, save, clear));
    textarea.setAttribute('aria-describedby', [textarea.getAttribute('aria-describedby'), countId].filter(Boolean).join(' '));

    const box = { id, textarea, status, touched: false };
    boxes.push(box);
    const updateCount = () => {
      count.textContent = strings.characters([...textarea.value].length);
      printed.textContent = textarea.value;
      container.toggleAttribute('data-written', textarea.value.trim() !== '');
    };

    // What the learner wrote before, as they left it. `.value` keeps it text, never markup.
    textarea.value = own(session.getState().reflections, id)?.text ?? '';
    updateCount();
    textarea.addEventListener('reflection:updated', updateCount);

    textarea.addEventListener('input', () => {
      box.touched = true;
      session.writeReflection(id, textarea.value);
      updateCount();
    });
    clear.addEventListener('click', () => {
      if (!textarea.value || !window.confirm(strings.clearConfirm)) return;
      textarea.value = '';
      session.clearReflection(id);
      updateCount();
      box.touched = false;
      status.textContent = strings.reflectionCleared;
      textarea.focus();
    });
    save.addEventListener('click', () => download(save));
  }

  return {
    refresh() {
      for (const box of boxes) {
        if (box.textarea === document.activeElement) continue;
        const text = own(session.getState().reflections, box.id)?.text ?? '';
        if (box.textarea.value !== text) {
          box.textarea.value = text;
          box.textarea.dispatchEvent(new Event('reflection:updated'));
        }
      }
    },

    showStatus(s) {
      for (const box of boxes) {
        let text = '';
        let state = s.saving;
        if (s.omittedReflections.includes(box.id)) {
          text = strings.reflectionTooLongForLms;
          state = 'error';
        } else if (!box.touched) continue; // say nothing about boxes the learner has not typed in
        else if (s.saving === 'pending') text = strings.reflectionSaving;
        else if (s.saving === 'saved') text = strings.reflectionSaved(timeFormat.format(new Date()));
        else if (s.saving === 'error') text = session.place === 'lms' ? strings.reflectionNotSavedLms : strings.reflectionNotSaved;
        if (text && box.status.textContent !== text) box.status.textContent = text;
        box.status.dataset.state = state;
      }
    },
  };
}
