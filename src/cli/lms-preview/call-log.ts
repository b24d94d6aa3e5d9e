/**
 * The call log: every API call the SCO makes and every note of the LMS, in
 * order. All of it stays in memory (`lmsPreview.log`, for the tests); the
 * screen shows the last MAX_ROWS lines, appended once per frame, so a call
 * costs the same on the 10,000th line as on the first.
 */
import type { FrameScheduler } from './frames.ts';
import type { LogEntry } from './types.ts';

/** Lines kept on screen. */
export const MAX_ROWS = 500;

/** What a call log entry says, before the log numbers it. */
export type NewEntry = Omit<LogEntry, 'seq' | 'launch' | 'at'>;

/** A value as the log shows it: quoted, and cut after 300 characters. */
export const show = (v: string): string => (v.length > 300 ? `${JSON.stringify(v.slice(0, 300))}… (${v.length} characters)` : JSON.stringify(v));

/** The text of a line: `[launch] LMSSetValue("cmi.core.lesson_location", "s3") → "true"`. */
export function describe(entry: LogEntry): string {
  if (entry.kind === 'note') return `[${entry.launch}] ${entry.value ?? ''}`;
  const args = entry.element !== undefined ? [JSON.stringify(entry.element), ...(entry.value !== undefined ? [show(entry.value)] : [])] : ['""'];
  const err = entry.result === 'false' ? `  error ${entry.error}${entry.diagnostic ? ` (${entry.diagnostic})` : ''}` : '';
  const quirk = entry.quirk && entry.result !== 'false' ? `  [${entry.quirk}]` : '';
  const unloading = entry.unloading ? `  (while ${entry.unloading.join(' and ')} unloads)` : '';
  return `[${entry.launch}] ${entry.fn}(${args.join(', ')}) → ${show(entry.result)}${err}${quirk}${unloading}`;
}

export const rowClass = (entry: LogEntry): string => entry.kind + (entry.result === 'false' ? ' failed' : entry.quirk ? ' quirk' : '');

export class CallLog {
  /** Every entry since the page opened. */
  readonly entries: LogEntry[] = [];
  readonly #list: HTMLElement;
  readonly #frames: FrameScheduler;
  readonly #maxRows: number;
  /** Entries not on screen yet. */
  #pending: LogEntry[] = [];
  readonly #render = () => this.#flush();

  /** Whether the screen follows new lines: true until the reader scrolls up, again once they scroll back to the end. */
  #follow = true;

  constructor(list: HTMLElement, frames: FrameScheduler, maxRows = MAX_ROWS) {
    this.#list = list;
    this.#frames = frames;
    this.#maxRows = maxRows;
    // Read on scrolling, not on every line: a layout read per call is what made long courses slow.
    list.addEventListener('scroll', () => {
      this.#follow = list.scrollTop + list.clientHeight >= list.scrollHeight - 4;
    });
    // The panel can shrink after the lines are drawn (the counts above it wrap, the window is resized): stay at the end.
    new ResizeObserver(() => this.#scrollToEnd()).observe(list);
  }

  #scrollToEnd(): void {
    if (this.#follow) this.#list.scrollTop = this.#list.scrollHeight;
  }

  /** Log an entry for `launch`; it is on screen by the next frame. */
  record(entry: NewEntry, launch: number): LogEntry {
    const full: LogEntry = { seq: this.entries.length + 1, launch, at: new Date().toISOString(), ...entry };
    this.entries.push(full);
    this.#pending.push(full);
    // Lines that would scroll off before they are drawn are never drawn.
    if (this.#pending.length > 2 * this.#maxRows) this.#pending = this.#pending.slice(-this.#maxRows);
    this.#frames.schedule(this.#render);
    return full;
  }

  /** Entries logged but no longer on screen (scrolled off the top, or cleared). */
  get hidden(): number {
    return this.entries.length - this.#list.childElementCount - this.#pending.length;
  }

  /** Empty the screen (the "Clear log" button); `entries` keeps everything. */
  clearScreen(): void {
    this.#pending = [];
    this.#follow = true;
    this.#list.replaceChildren();
  }

  #flush(): void {
    const list = this.#list;
    const rows = this.#pending.slice(-this.#maxRows);
    this.#pending = [];
    if (!rows.length) return;
    const lines = document.createDocumentFragment();
    for (const entry of rows) {
      const li = document.createElement('li');
      li.className = rowClass(entry);
      li.value = entry.seq;
      li.textContent = describe(entry);
      lines.append(li);
    }
    list.append(lines);
    for (let extra = list.childElementCount - this.#maxRows; extra > 0; extra--) list.firstElementChild?.remove();
    this.#scrollToEnd();
  }
}
