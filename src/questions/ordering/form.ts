/**
 * The ordering check's reader form (Form.astro's markup): rows
 * `[data-order-item][data-key=<item id>]` in `[data-order-list]`, each with
 * `[data-move=up]` and `[data-move=down]` buttons. Moving keeps focus on the
 * pressed button and says where the item went in the form's status region
 * (its wording rides on the list as `data-msg-moved`, from strings.ts).
 * The ends use aria-disabled rather than disabled, so focus is never lost
 * when an item reaches the top or the bottom.
 */
import type { FormBinding } from '../contract';
import { presentedOrder } from './order';
import type { OrderingCheck } from './schema';

type OrderingForm = FormBinding<OrderingCheck, readonly string[]>;

const rows = (form: HTMLFormElement) => [...form.querySelectorAll<HTMLElement>('[data-order-item]')];

/** Mark the first row's Up and the last row's Down as unavailable, and number the rows for assistive technology. */
function refresh(form: HTMLFormElement): void {
  const all = rows(form);
  all.forEach((row, i) => {
    row.querySelector('[data-move="up"]')?.setAttribute('aria-disabled', String(i === 0));
    row.querySelector('[data-move="down"]')?.setAttribute('aria-disabled', String(i === all.length - 1));
    const position = row.querySelector<HTMLElement>('[data-position]');
    if (position) position.textContent = String(i + 1);
  });
}

/** Put the rows in `order` (ids); rows of unknown ids keep their place at the end. */
function arrange(form: HTMLFormElement, order: readonly string[]): void {
  const list = form.querySelector<HTMLElement>('[data-order-list]');
  if (!list) return;
  const byId = new Map(rows(form).map((row) => [row.dataset.key ?? '', row]));
  for (const id of order) {
    const row = byId.get(id);
    if (row) list.append(row);
  }
  refresh(form);
}

export const orderingForm: OrderingForm = {
  read: (form) => rows(form).map((row) => row.dataset.key ?? ''),
  write: (form, _check, response) => arrange(form, response),
  clear: (form, check) => arrange(form, presentedOrder(check)),
  // Rows are numbered and their ends marked: a new order goes through the form.
  arrange: (form, _check, keys) => arrange(form, keys),

  enhance(form) {
    const list = form.querySelector<HTMLElement>('[data-order-list]');
    const status = form.querySelector<HTMLElement>('[data-order-status]');
    if (!list) return;
    list.addEventListener('click', (event) => {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>('[data-move]');
      const row = button?.closest<HTMLElement>('[data-order-item]');
      if (!button || !row || button.getAttribute('aria-disabled') === 'true') return;
      const sibling = button.dataset.move === 'up' ? row.previousElementSibling : row.nextElementSibling;
      if (!sibling) return;
      if (button.dataset.move === 'up') sibling.before(row);
      else sibling.after(row);
      refresh(form);
      button.focus();
      const all = rows(form);
      const template = list.dataset.msgMoved ?? '';
      if (status)
        status.textContent = template
          .replace('{item}', row.querySelector('[data-subject]')?.textContent?.trim() ?? '')
          .replace('{position}', String(all.indexOf(row) + 1))
          .replace('{total}', String(all.length));
    });
    refresh(form);
  },
};
