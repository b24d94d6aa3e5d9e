/**
 * Launching the SCO as an LMS does, and ending it:
 * - Launch puts a new scorm-again API instance, loaded with the record to
 *   start from, where the SCO looks for it (window.API / window.API_1484_11),
 *   and opens the package's launch page in a frame.
 * - Close unloads the SCO's frame (its pagehide ends the session), then
 *   removes it and the API.
 * - Relaunch is Close then Launch: it resumes after exit "suspend",
 *   otherwise starts a new attempt (or, for a profile such as Moodle's,
 *   reopens the same attempt with entry ""); Reopen launches the same
 *   attempt whatever its exit; New attempt forgets the stored record first.
 * - Each launch's API calls go through the LMS quirk profile (quirks/), and
 *   the SCO's documents are watched for unloading (unload-watch.ts).
 */
import type { Scorm12API, Scorm2004API } from 'scorm-again';
import type { CallLog } from './call-log.ts';
import type { Faults } from './faults.ts';
import type { FrameScheduler } from './frames.ts';
import { instrument } from './instrument.ts';
import type { HostOptions } from './options.ts';
import { plays } from './quirks/registry.ts';
import type { ProfileRuntime, QuirkProfile } from './quirks/types.ts';
import type { Standard } from './standards.ts';
import { flatten, startRecord, type StoredRecord } from './stored-record.ts';
import type { Launch, LmsApi, PackageInfo } from './types.ts';
import { UnloadWatch } from './unload-watch.ts';

type ApiClass = typeof Scorm12API | typeof Scorm2004API;

/** The globals the page shares with the SCO's frame: the API it looks for, and the classes scorm-again's bundles define. */
type LmsWindow = Window & { API?: LmsApi; API_1484_11?: LmsApi; Scorm12API?: ApiClass; Scorm2004API?: ApiClass };

export interface LauncherParts {
  standard: Standard;
  options: HostOptions;
  faults: Faults;
  log: CallLog;
  stored: StoredRecord;
  frames: FrameScheduler;
  /** The LMS quirk profile played, and its runtime for this page. */
  profile: QuirkProfile;
  runtime: ProfileRuntime;
  stage: HTMLElement;
  /** "Course open (launch 2)." */
  state: HTMLElement;
  /** The calls of the current launch. */
  counts: HTMLElement;
}

export class Launcher {
  readonly launches: Launch[] = [];
  /** The package to launch, once /packages.json has been read. */
  manifest: PackageInfo | null = null;
  #api: LmsApi | null = null;
  #frame: HTMLIFrameElement | null = null;
  #firstLaunch = true;
  #library: Promise<ApiClass> | undefined;
  readonly #parts: LauncherParts;
  readonly #win = window as LmsWindow;
  readonly #renderStatus = () => this.#drawStatus();
  readonly #watch: UnloadWatch;

  constructor(parts: LauncherParts) {
    this.#parts = parts;
    this.#watch = new UnloadWatch(window, `/content/${parts.options.target}/`);
  }

  /** Whether the profile's LMS plays this standard. */
  get playable(): boolean {
    return plays(this.#parts.profile, this.#parts.standard.version);
  }

  get api(): LmsApi | null {
    return this.#api;
  }

  get current(): Launch | undefined {
    return this.launches[this.launches.length - 1];
  }

  /** A note of the LMS in the call log. */
  note(text: string): void {
    this.#parts.log.record({ kind: 'note', fn: '', value: text, result: '', error: '' }, this.current?.n ?? 0);
    this.#parts.frames.schedule(this.#renderStatus);
  }

  /** Launch the SCO; `reopen` launches the stored attempt again whatever its exit, with that entry. */
  async launch(reopen?: 'resume' | ''): Promise<void> {
    if (this.#frame) return;
    const { standard, options, faults, stored, profile, runtime } = this.#parts;
    const manifest = this.manifest;
    if (!manifest) throw new Error('No package to launch: run "npm run build" first.');
    if (!this.playable) throw new Error(`${profile.label} plays SCORM ${profile.versions.join(' and ')} only, not ${standard.label}: choose another standard or LMS.`);
    const Api = await this.#loadLibrary();
    const start = startRecord({
      standard,
      target: options.target,
      stored: stored.value,
      preload: this.#firstLaunch ? options.preload : null,
      mastery: options.applyMastery ? manifest : null,
      ...(profile.afterFinish ? { afterFinish: profile.afterFinish } : {}),
      ...(reopen !== undefined ? { reopen } : {}),
    });
    for (const text of start.notes) this.note(text);
    this.#firstLaunch = false;
    const current: Launch = { n: this.launches.length + 1, entry: start.entry, api: !faults.has('no-api'), calls: {}, errors: 0, open: true };
    this.launches.push(current);
    this.#removeApi();
    if (current.api) {
      const api = new Api({
        logLevel: 5,
        autocommit: false,
        // SCORM 1.2: an LMS may judge passed/failed from score.raw and the mastery score at LMSFinish (not all do: quirks/chamilo.ts).
        mastery_override: options.applyMastery && standard.version === '1.2' && profile.masteryOverride !== false,
      });
      api.loadFromFlattenedJSON(start.data);
      const quirks = runtime.launch({
        standard,
        api,
        // What the LMS has set: the launch record and the data model's own initial values (1.2 lesson_status "not attempted", 2004 completion_status "unknown").
        start: flatten(api),
        stored: () => stored.value,
        unloading: () => this.#watch.now(),
        note: (text) => this.note(text),
        setTimeout: (run, ms) => void window.setTimeout(run, ms),
      });
      instrument(api, standard, current, faults, quirks, {
        record: (entry) => {
          this.#parts.log.record(entry, current.n);
          this.#parts.frames.schedule(this.#renderStatus);
        },
        committed: (terminated) => {
          const record = stored.snapshot(api, terminated);
          const store = stored.storer();
          if (quirks.persist) quirks.persist(record, terminated, store);
          else store(record);
        },
        unloading: () => this.#watch.now(),
      });
      this.#api = api;
      this.#win[standard.global] = api;
      this.note(`Launch ${current.n}: ${standard.label} API ready as window.${standard.global}, entry "${start.entry}", LMS ${profile.label}.`);
    } else {
      this.#api = null;
      this.note(`Launch ${current.n}: no API offered (fault "no-api").`);
    }
    const frame = document.createElement('iframe');
    frame.id = 'sco';
    frame.title = `${manifest.title} (the package's launch page)`;
    frame.src = `/content/${options.target}/${manifest.launch}`;
    this.#watch.observe(frame);
    this.#frame = frame;
    this.#parts.stage.replaceChildren(frame);
    this.#parts.frames.schedule(this.#renderStatus);
  }

  async close(): Promise<void> {
    const frame = this.#frame;
    if (!frame) return;
    await new Promise((resolve) => {
      frame.addEventListener('load', resolve, { once: true });
      frame.src = 'about:blank';
    });
    frame.remove();
    this.#frame = null;
    const current = this.current;
    if (current) {
      current.open = false;
      if (current.api && !current.calls.terminate) this.note(`The course was closed without ${this.#parts.standard.fn.terminate}: the LMS keeps what was last committed.`);
    }
    this.#removeApi();
    const p = document.createElement('p');
    p.className = 'closed';
    p.textContent = 'The course is closed. Relaunch to resume, or start a new attempt.';
    this.#parts.stage.replaceChildren(p);
    this.#parts.frames.schedule(this.#renderStatus);
  }

  async relaunch(): Promise<void> {
    await this.close();
    await this.launch();
  }

  async reopen(entry: 'resume' | '' = 'resume'): Promise<void> {
    await this.close();
    await this.launch(entry);
  }

  async newAttempt(): Promise<void> {
    await this.close();
    this.#parts.stored.clear();
    this.note('Stored record cleared: the next launch is a first attempt.');
    await this.launch();
  }

  /** Draw the launch state and the current launch's counts (once per frame, however many calls). */
  renderStatus(): void {
    this.#parts.frames.schedule(this.#renderStatus);
  }

  #removeApi(): void {
    delete this.#win.API;
    delete this.#win.API_1484_11;
  }

  /** scorm-again's browser bundle for this standard, loaded once. */
  #loadLibrary(): Promise<ApiClass> {
    const { standard } = this.#parts;
    this.#library ??= new Promise<ApiClass>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = standard.bundle;
      script.onload = () => {
        const Api = (this.#win as unknown as Record<string, ApiClass | undefined>)[standard.constructor];
        if (Api) resolve(Api);
        else reject(new Error(`${standard.bundle} did not define window.${standard.constructor}`));
      };
      script.onerror = () => reject(new Error(`could not load ${standard.bundle}`));
      document.head.append(script);
    });
    return this.#library;
  }

  #drawStatus(): void {
    const { standard, log, state, counts } = this.#parts;
    state.textContent = this.#frame ? `Course open (launch ${this.launches.length}).` : this.launches.length ? 'Course closed.' : '';
    const l = this.current;
    const hidden = log.hidden;
    const more = hidden > 0 ? ` (The log shows the last ${log.entries.length - hidden} of ${log.entries.length} lines; lmsPreview.log has all.)` : '';
    if (!l) {
      counts.textContent = `Not launched yet.${more}`;
      return;
    }
    const c = (k: keyof Launch['calls']) => l.calls[k] ?? 0;
    counts.textContent =
      `Launch ${l.n} (${l.api ? `entry "${l.entry}"` : 'no API offered'}${l.open ? '' : ', closed'}): ` +
      `${standard.fn.initialize} ×${c('initialize')}, ${standard.fn.setValue} ×${c('setValue')}, ${standard.fn.commit} ×${c('commit')}, ` +
      `${standard.fn.terminate} ×${c('terminate')}; ${l.errors} failed call${l.errors === 1 ? '' : 's'}.${more}`;
  }
}
