/**
 * What the LMS stores: a copy of the data model taken at each successful
 * Commit and Terminate (what an LMS persists), shown as a table of element
 * and value. The copy is taken once per commit; the table is brought up to
 * date at most once per frame, changing only the rows whose value changed.
 */
import type { FrameScheduler } from './frames.ts';
import type { Standard } from './standards.ts';
import type { CmiRecord, LmsApi, PackageInfo, Target } from './types.ts';

/** The data model as flat element → value pairs, without empty values (what is worth keeping). */
export function flatten(api: LmsApi): CmiRecord {
  const out: CmiRecord = {};
  for (const [k, v] of Object.entries(api.getFlattenedCMI())) if (typeof v === 'string' && v !== '') out[k] = v;
  return out;
}

export interface StartRecord {
  /** The record a new API instance is loaded with. */
  data: CmiRecord;
  /** cmi.(core.)entry: "" when the LMS reopens an attempt that was not suspended. */
  entry: 'ab-initio' | 'resume' | '';
  /** What to tell the person watching the log. */
  notes: string[];
}

export interface StartContext {
  standard: Standard;
  target: Target;
  /** What the LMS holds from the last launch, if anything. */
  stored: CmiRecord | null;
  /** suspend_data to resume the first launch with (query `suspend=`), when this is the first launch. */
  preload: { suspendData: string; location: string | null } | null;
  /** The manifest's mastery score, when the LMS applies it. */
  mastery: Pick<PackageInfo, 'masteryScore' | 'scaledPassingScore'> | null;
  /**
   * After an attempt that did not end in `suspend`: a new attempt (default),
   * or the same attempt again with entry "" (an LMS such as Moodle).
   */
  afterFinish?: 'new-attempt' | 'same-attempt';
  /** Reopen the stored attempt whatever its exit, with this entry (lmsPreview.reopen). */
  reopen?: 'resume' | '';
}

/** The record a new API instance starts with: the stored attempt to resume, or a new attempt. */
export function startRecord({ standard, stored, preload, mastery, afterFinish, reopen }: StartContext): StartRecord {
  const { el } = standard;
  let data: CmiRecord = {};
  let entry: StartRecord['entry'] = 'ab-initio';
  const notes: string[] = [];
  const suspended = stored?.[el.exit] === 'suspend';
  const same = stored && (suspended || reopen !== undefined || afterFinish === 'same-attempt');
  if (stored && same) {
    entry = reopen ?? (suspended ? 'resume' : '');
    for (const [k, v] of Object.entries(stored)) {
      // Write-only, per-session elements do not carry over (1.2 RTE 3.4; 2004 RTE 4.2.8, 4.2.21).
      if (k === el.exit || k === el.sessionTime || k === el.entry) continue;
      data[k] = v;
    }
    if (!suspended) notes.push(`The same attempt again (it ended with exit "${stored[el.exit] ?? ''}"), entry "${entry}".`);
  } else if (stored) {
    notes.push(`New attempt: the previous one ended with exit "${stored[el.exit] ?? ''}", not "suspend".`);
  } else if (preload) {
    entry = 'resume';
    data[el.suspendData] = preload.suspendData;
    if (preload.location) data[el.location] = preload.location;
    notes.push(`Preloaded suspend_data from ?suspend= (${preload.suspendData.length} characters).`);
  }
  // What an LMS fills in for every launch.
  data = {
    ...data,
    [el.learnerId]: 'preview-learner',
    [el.learnerName]: 'Learner, Preview',
    [el.credit]: 'credit',
    [el.mode]: 'normal',
    [el.entry]: entry,
  };
  if (mastery) {
    // From the manifest, as the LMS would: 1.2 adlcp:masteryscore; 2004 primary objective's minNormalizedMeasure.
    if (standard.version === '1.2' && mastery.masteryScore) data['cmi.student_data.mastery_score'] = mastery.masteryScore;
    if (standard.version === '2004' && mastery.scaledPassingScore) data['cmi.scaled_passing_score'] = mastery.scaledPassingScore;
  }
  return { data, entry, notes };
}

interface Row {
  tr: HTMLTableRowElement;
  cell: HTMLTableCellElement;
  value: string;
}

export class StoredRecord {
  #value: CmiRecord | null = null;
  #generation = 0;
  readonly #standard: Standard;
  readonly #body: HTMLElement;
  readonly #info: HTMLElement;
  readonly #frames: FrameScheduler;
  /** The table's rows by element, in the order of the record. */
  readonly #rows = new Map<string, Row>();
  readonly #render = () => this.#draw();

  constructor(standard: Standard, body: HTMLElement, info: HTMLElement, frames: FrameScheduler) {
    this.#standard = standard;
    this.#body = body;
    this.#info = info;
    this.#frames = frames;
  }

  /** The learner record the LMS has persisted (flattened data model), or null before any. */
  get value(): CmiRecord | null {
    return this.#value;
  }

  /** What an LMS persists of the data model on a successful Commit or Terminate. */
  snapshot(api: LmsApi, terminated: boolean): CmiRecord {
    const next = flatten(api);
    // The LMS adds the session to the learner's total time when the session ends (1.2 RTE 3.4; 2004 RTE 4.2.27).
    if (terminated) next[this.#standard.el.totalTime] = api.cmi.getCurrentTotalTime();
    return next;
  }

  /** Persist the data model now, as an LMS does on a successful Commit or Terminate. */
  persist(api: LmsApi, terminated: boolean): void {
    this.store(this.snapshot(api, terminated));
  }

  /**
   * A store function for what the LMS persists later (a queued save): it
   * stores unless the record has been cleared since (New attempt), so a
   * save of an old attempt never lands in a new one.
   */
  storer(): (record: CmiRecord) => void {
    const generation = this.#generation;
    return (record) => {
      if (generation === this.#generation) this.store(record);
    };
  }

  store(record: CmiRecord): void {
    this.#value = record;
    this.#frames.schedule(this.#render);
  }

  clear(): void {
    this.#value = null;
    this.#generation++;
    this.#frames.schedule(this.#render);
  }

  #draw(): void {
    const stored = this.#value;
    const { el, suspendLimit } = this.#standard;
    if (!stored) {
      this.#body.replaceChildren();
      this.#rows.clear();
      this.#info.textContent = 'Nothing stored yet.';
      return;
    }
    let cursor = this.#body.firstElementChild;
    const current = new Set<string>();
    for (const [k, v] of Object.entries(stored)) {
      current.add(k);
      let row = this.#rows.get(k);
      if (!row) {
        const tr = document.createElement('tr');
        const name = document.createElement('td');
        name.textContent = k;
        const cell = document.createElement('td');
        cell.textContent = v;
        tr.append(name, cell);
        row = { tr, cell, value: v };
        this.#rows.set(k, row);
      } else if (row.value !== v) {
        row.cell.textContent = v;
        row.value = v;
      }
      if (row.tr === cursor) cursor = cursor.nextElementSibling;
      else this.#body.insertBefore(row.tr, cursor);
    }
    for (const [k, row] of this.#rows) {
      if (current.has(k)) continue;
      row.tr.remove();
      this.#rows.delete(k);
    }
    const suspend = stored[el.suspendData] ?? '';
    this.#info.textContent =
      `suspend_data: ${suspend.length} of ${suspendLimit} characters. exit: "${stored[el.exit] ?? ''}".` +
      ` Relaunch ${stored[el.exit] === 'suspend' ? 'resumes this attempt' : 'starts a new attempt'}.`;
  }
}
