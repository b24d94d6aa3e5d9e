/**
 * The LMS preview's host page (served by src/cli/preview-lms.ts): a small
 * LMS built on scorm-again. Plain browser JavaScript, no build step.
 *
 * - Runs scorm-again's Scorm12API (window.API) or Scorm2004API
 *   (window.API_1484_11) and launches the package's SCO in a frame, as an LMS
 *   does; the launch URL and the values an LMS takes from the manifest
 *   (1.2 mastery score, 2004 scaled passing score) come from the package's
 *   own imsmanifest.xml.
 * - Logs every API call with its values and result, live.
 * - Keeps what the LMS has stored: a copy of the data model taken at each
 *   successful Commit and Terminate (what an LMS persists), shown on the right.
 * - Close ends the launch the way an LMS does, by unloading the SCO's frame;
 *   Relaunch starts a new API instance preloaded with the stored record
 *   (entry "resume" after exit "suspend"; otherwise a new attempt).
 *
 * Query parameters:
 *   version=12|2004            the standard (default 2004)
 *   fault=no-api,initialize,setvalue,commit,terminate
 *                              injected faults: no API object at all, or the
 *                              named API function returns "false" and sets the
 *                              LMS error code (the faults can also be toggled
 *                              live on the page)
 *   element=<prefix>           limit the setvalue fault to elements starting with it
 *   suspend=<raw>              first launch resumes with this cmi.suspend_data
 *                              (e.g. corrupt or old-version data)
 *   location=<bookmark>        ...and this lesson_location / location
 *   mastery=off                do not apply the manifest's mastery score as an LMS
 *                              would (1.2 mastery_override, 2004 scaled_passing_score)
 *   autolaunch=0               wait for the Launch button
 *
 * Tests drive it through `window.lmsPreview` (see the end of this file).
 */
(() => {
  'use strict';

  const params = new URLSearchParams(location.search);
  const target = /^(1\.?2|scorm12)$/.test(params.get('version') ?? '') ? 'scorm12' : 'scorm2004';

  /** The two standards' names, elements and error codes, in one place. */
  const STANDARDS = {
    scorm12: {
      label: 'SCORM 1.2',
      global: 'API',
      constructor: 'Scorm12API',
      bundle: '/scorm-again/scorm12.min.js',
      fn: {
        initialize: 'LMSInitialize',
        terminate: 'LMSFinish',
        getValue: 'LMSGetValue',
        setValue: 'LMSSetValue',
        commit: 'LMSCommit',
        getLastError: 'LMSGetLastError',
        getErrorString: 'LMSGetErrorString',
        getDiagnostic: 'LMSGetDiagnostic',
      },
      // SCORM 1.2 RTE 3.3.4: 101 General exception (1.2 has no finer codes for these).
      faultCode: { initialize: 101, setValue: 101, commit: 101, terminate: 101 },
      el: {
        entry: 'cmi.core.entry',
        exit: 'cmi.core.exit',
        location: 'cmi.core.lesson_location',
        sessionTime: 'cmi.core.session_time',
        totalTime: 'cmi.core.total_time',
        learnerId: 'cmi.core.student_id',
        learnerName: 'cmi.core.student_name',
        credit: 'cmi.core.credit',
        mode: 'cmi.core.lesson_mode',
        suspendData: 'cmi.suspend_data',
      },
      suspendLimit: 4096,
    },
    scorm2004: {
      label: 'SCORM 2004 4th Ed.',
      global: 'API_1484_11',
      constructor: 'Scorm2004API',
      bundle: '/scorm-again/scorm2004.min.js',
      fn: {
        initialize: 'Initialize',
        terminate: 'Terminate',
        getValue: 'GetValue',
        setValue: 'SetValue',
        commit: 'Commit',
        getLastError: 'GetLastError',
        getErrorString: 'GetErrorString',
        getDiagnostic: 'GetDiagnostic',
      },
      // SCORM 2004 RTE 3.1.7: 102 General Initialization Failure, 351 General Set Failure,
      // 391 General Commit Failure, 111 General Termination Failure.
      faultCode: { initialize: 102, setValue: 351, commit: 391, terminate: 111 },
      el: {
        entry: 'cmi.entry',
        exit: 'cmi.exit',
        location: 'cmi.location',
        sessionTime: 'cmi.session_time',
        totalTime: 'cmi.total_time',
        learnerId: 'cmi.learner_id',
        learnerName: 'cmi.learner_name',
        credit: 'cmi.credit',
        mode: 'cmi.mode',
        suspendData: 'cmi.suspend_data',
      },
      suspendLimit: 64000,
    },
  };
  const S = STANDARDS[target];
  const FAULTS = ['no-api', 'initialize', 'setvalue', 'commit', 'terminate'];

  /** @type {Set<string>} */
  const faults = new Set(
    params
      .getAll('fault')
      .flatMap((f) => f.split(','))
      .map((f) => f.trim().toLowerCase())
      .filter((f) => FAULTS.includes(f)),
  );
  const faultElement = params.get('element') ?? '';
  const applyMastery = params.get('mastery') !== 'off';

  /**
   * @typedef {{ seq: number, launch: number, fn: string, element?: string, value?: string, result: string, error: string, diagnostic?: string, at: string, kind: string }} LogEntry
   * @typedef {{ n: number, entry: string, api: boolean, calls: Record<string, number>, errors: number, open: boolean }} Launch
   */

  /** @type {LogEntry[]} */
  const log = [];
  /** @type {Launch[]} */
  const launches = [];
  /** The learner record the LMS has persisted (flattened data model), or null before any. @type {Record<string, string> | null} */
  let stored = null;
  /** @type {any} */
  let api = null;
  /** @type {HTMLIFrameElement | null} */
  let frame = null;
  /** @type {{ title: string, launch: string, masteryScore: string | null, scaledPassingScore: string | null, zip: string, bytes: number } | null} */
  let manifest = null;
  let seq = 0;
  let firstLaunch = true;

  const $ = (/** @type {string} */ sel) => /** @type {HTMLElement} */ (document.querySelector(sel));

  // -- The log ------------------------------------------------------------------

  const show = (/** @type {string} */ v) => (v.length > 300 ? `${JSON.stringify(v.slice(0, 300))}… (${v.length} characters)` : JSON.stringify(v));

  /** @param {Omit<LogEntry, 'seq' | 'launch' | 'at'>} entry */
  function record(entry) {
    const current = launches[launches.length - 1];
    const full = { seq: ++seq, launch: current ? current.n : 0, at: new Date().toISOString(), ...entry };
    log.push(full);
    const li = document.createElement('li');
    li.className = entry.kind + (entry.result === 'false' ? ' failed' : '');
    li.value = full.seq;
    if (entry.kind === 'note') li.textContent = `[${full.launch}] ${entry.value}`;
    else {
      const args = entry.element !== undefined ? [JSON.stringify(entry.element), ...(entry.value !== undefined ? [show(entry.value)] : [])] : ['""'];
      const err = entry.result === 'false' ? `  error ${entry.error}${entry.diagnostic ? ` (${entry.diagnostic})` : ''}` : '';
      li.textContent = `[${full.launch}] ${entry.fn}(${args.join(', ')}) → ${show(entry.result)}${err}`;
    }
    const list = $('#log');
    const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 4;
    list.append(li);
    if (atBottom) list.scrollTop = list.scrollHeight;
    renderCounts();
  }

  const note = (/** @type {string} */ text) => record({ kind: 'note', fn: '', value: text, result: '', error: '' });

  function renderCounts() {
    const l = launches[launches.length - 1];
    if (!l) {
      $('#counts').textContent = 'Not launched yet.';
      return;
    }
    const c = (/** @type {string} */ k) => l.calls[k] ?? 0;
    $('#counts').textContent =
      `Launch ${l.n} (${l.api ? `entry "${l.entry}"` : 'no API offered'}${l.open ? '' : ', closed'}): ` +
      `${S.fn.initialize} ×${c('initialize')}, ${S.fn.setValue} ×${c('setValue')}, ${S.fn.commit} ×${c('commit')}, ` +
      `${S.fn.terminate} ×${c('terminate')}; ${l.errors} failed call${l.errors === 1 ? '' : 's'}.`;
  }

  // -- What the LMS stores ---------------------------------------------------------

  /** The data model as flat element → value pairs, without empty values (what is worth keeping). */
  function flatten(/** @type {any} */ instance) {
    /** @type {Record<string, string>} */
    const out = {};
    for (const [k, v] of Object.entries(instance.getFlattenedCMI())) if (typeof v === 'string' && v !== '') out[k] = v;
    return out;
  }

  /** Persist the data model, as an LMS does on a successful Commit or Terminate. */
  function persist(/** @type {boolean} */ terminated) {
    const next = flatten(api);
    // The LMS adds the session to the learner's total time when the session ends (1.2 RTE 3.4; 2004 RTE 4.2.27).
    if (terminated) next[S.el.totalTime] = api.cmi.getCurrentTotalTime();
    stored = next;
    renderStored();
  }

  function renderStored() {
    const body = /** @type {HTMLTableSectionElement} */ ($('#stored tbody'));
    body.replaceChildren();
    if (!stored) {
      $('#stored-info').textContent = 'Nothing stored yet.';
      return;
    }
    for (const [k, v] of Object.entries(stored)) {
      const tr = document.createElement('tr');
      const th = document.createElement('td');
      th.textContent = k;
      const td = document.createElement('td');
      td.textContent = v;
      tr.append(th, td);
      body.append(tr);
    }
    const suspend = stored[S.el.suspendData] ?? '';
    $('#stored-info').textContent =
      `suspend_data: ${suspend.length} of ${S.suspendLimit} characters. exit: "${stored[S.el.exit] ?? ''}".` +
      ` Relaunch ${stored[S.el.exit] === 'suspend' ? 'resumes this attempt' : 'starts a new attempt'}.`;
  }

  /** The record a new API instance starts with: the stored attempt to resume, or a new attempt. */
  function startRecord() {
    /** @type {Record<string, string>} */
    let data = {};
    let entry = 'ab-initio';
    if (stored && stored[S.el.exit] === 'suspend') {
      entry = 'resume';
      for (const [k, v] of Object.entries(stored)) {
        // Write-only, per-session elements do not carry over (1.2 RTE 3.4; 2004 RTE 4.2.8, 4.2.21).
        if (k === S.el.exit || k === S.el.sessionTime || k === S.el.entry) continue;
        data[k] = v;
      }
    } else if (stored) {
      note(`New attempt: the previous one ended with exit "${stored[S.el.exit] ?? ''}", not "suspend".`);
    } else if (firstLaunch && params.has('suspend')) {
      entry = 'resume';
      data[S.el.suspendData] = params.get('suspend') ?? '';
      const bookmark = params.get('location');
      if (bookmark) data[S.el.location] = bookmark;
      note(`Preloaded suspend_data from ?suspend= (${data[S.el.suspendData].length} characters).`);
    }
    // What an LMS fills in for every launch.
    data = {
      ...data,
      [S.el.learnerId]: 'preview-learner',
      [S.el.learnerName]: 'Learner, Preview',
      [S.el.credit]: 'credit',
      [S.el.mode]: 'normal',
      [S.el.entry]: entry,
    };
    if (applyMastery && manifest) {
      // From the manifest, as the LMS would: 1.2 adlcp:masteryscore; 2004 primary objective's minNormalizedMeasure.
      if (target === 'scorm12' && manifest.masteryScore) data['cmi.student_data.mastery_score'] = manifest.masteryScore;
      if (target === 'scorm2004' && manifest.scaledPassingScore) data['cmi.scaled_passing_score'] = manifest.scaledPassingScore;
    }
    return { data, entry };
  }

  // -- The API, wrapped for the log and the faults -------------------------------------------

  /** Which injected fault, if any, applies to this call. */
  function faultFor(/** @type {string} */ kind, /** @type {string | undefined} */ element) {
    if (kind === 'initialize' && faults.has('initialize')) return true;
    if (kind === 'setValue' && faults.has('setvalue')) return !faultElement || (element ?? '').startsWith(faultElement);
    if (kind === 'commit' && faults.has('commit')) return true;
    if (kind === 'terminate' && faults.has('terminate')) return true;
    return false;
  }

  /** Wrap scorm-again's API functions: log each call, inject faults (return "false" and set the LMS's error code), persist on success. */
  function wrap(/** @type {any} */ instance, /** @type {Launch} */ launch) {
    for (const [kind, name] of Object.entries(S.fn)) {
      const original = instance[name];
      instance[name] = (/** @type {any[]} */ ...args) => {
        const quiet = kind === 'getLastError' || kind === 'getErrorString' || kind === 'getDiagnostic';
        if (quiet) return original.apply(instance, args);
        const element = kind === 'getValue' || kind === 'setValue' ? String(args[0]) : undefined;
        let result;
        let diagnostic;
        if (faultFor(kind, element)) {
          diagnostic = `fault injected by the LMS preview (${kind})`;
          // @ts-ignore: one of the four kinds with a fault code
          instance.throwSCORMError(element, S.faultCode[kind], diagnostic);
          result = 'false';
        } else {
          result = String(original.apply(instance, args));
        }
        launch.calls[kind] = (launch.calls[kind] ?? 0) + 1;
        // A read fails by its error code (e.g. 403 "not initialized" on a first launch: not the course's error, not counted).
        const failed = kind === 'getValue' ? String(instance.lastErrorCode) !== '0' : result !== 'true';
        if (failed && kind !== 'getValue') launch.errors++;
        const error = failed ? String(instance.lastErrorCode) : '';
        record({
          kind: kind === 'getValue' ? 'get' : kind === 'setValue' ? 'set' : 'session',
          fn: name,
          ...(element !== undefined ? { element } : {}),
          ...(kind === 'setValue' ? { value: String(args[1]) } : {}),
          result,
          error,
          ...(failed ? { diagnostic: diagnostic ?? String(instance.getLmsErrorMessageDetails(error, true) ?? '') } : {}),
        });
        if (result === 'true' && (kind === 'commit' || kind === 'terminate')) persist(kind === 'terminate');
        return result;
      };
    }
  }

  // -- Launch, close, relaunch ---------------------------------------------------------------

  /** @type {Promise<any>} */
  let library;
  function loadLibrary() {
    library ??= new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = S.bundle;
      script.onload = () => resolve(/** @type {any} */ (window)[S.constructor]);
      script.onerror = () => reject(new Error(`could not load ${S.bundle}`));
      document.head.append(script);
    });
    return library;
  }

  async function launch() {
    if (frame) return;
    if (!manifest) throw new Error('No package to launch: run "npm run build" first.');
    const Api = await loadLibrary();
    const { data, entry } = startRecord();
    firstLaunch = false;
    /** @type {Launch} */
    const current = { n: launches.length + 1, entry, api: !faults.has('no-api'), calls: {}, errors: 0, open: true };
    launches.push(current);
    const w = /** @type {any} */ (window);
    delete w.API;
    delete w.API_1484_11;
    if (current.api) {
      api = new Api({
        logLevel: 5,
        autocommit: false,
        // SCORM 1.2: an LMS may judge passed/failed from score.raw and the mastery score at LMSFinish.
        mastery_override: applyMastery && target === 'scorm12',
      });
      api.loadFromFlattenedJSON(data);
      wrap(api, current);
      w[S.global] = api;
      note(`Launch ${current.n}: ${S.label} API ready as window.${S.global}, entry "${entry}".`);
    } else {
      api = null;
      note(`Launch ${current.n}: no API offered (fault "no-api").`);
    }
    frame = document.createElement('iframe');
    frame.id = 'sco';
    frame.title = `${manifest.title} (the package's launch page)`;
    frame.src = `/content/${target}/${manifest.launch}`;
    $('#stage').replaceChildren(frame);
    renderCounts();
    renderState();
  }

  /** Close the course as an LMS does: unload the SCO's frame (its pagehide ends the session), then remove it. */
  async function close() {
    const f = frame;
    if (!f) return;
    await new Promise((resolve) => {
      f.addEventListener('load', resolve, { once: true });
      f.src = 'about:blank';
    });
    f.remove();
    frame = null;
    const current = launches[launches.length - 1];
    if (current) {
      current.open = false;
      if (current.api && !current.calls.terminate) note(`The course was closed without ${S.fn.terminate}: the LMS keeps what was last committed.`);
    }
    const w = /** @type {any} */ (window);
    delete w.API;
    delete w.API_1484_11;
    const p = document.createElement('p');
    p.className = 'closed';
    p.textContent = 'The course is closed. Relaunch to resume, or start a new attempt.';
    $('#stage').replaceChildren(p);
    renderCounts();
    renderState();
  }

  async function relaunch() {
    await close();
    await launch();
  }

  async function newAttempt() {
    await close();
    stored = null;
    renderStored();
    note('Stored record cleared: the next launch is a first attempt.');
    await launch();
  }

  function setFault(/** @type {string} */ name, /** @type {boolean} */ on) {
    if (!FAULTS.includes(name)) throw new Error(`unknown fault "${name}"`);
    if (on) faults.add(name);
    else faults.delete(name);
    note(`Fault "${name}" ${on ? 'on' : 'off'}.`);
    syncControls();
    const url = new URL(location.href);
    url.searchParams.delete('fault');
    if (faults.size) url.searchParams.set('fault', [...faults].join(','));
    history.replaceState(null, '', url);
  }

  // -- The page ---------------------------------------------------------------------------------

  function renderState() {
    $('#launch-state').textContent = frame ? `Course open (launch ${launches.length}).` : launches.length ? 'Course closed.' : '';
  }

  function syncControls() {
    for (const box of document.querySelectorAll('[data-fault]')) {
      const input = /** @type {HTMLInputElement} */ (box);
      input.checked = faults.has(input.dataset.fault ?? '');
    }
  }

  async function start() {
    const select = /** @type {HTMLSelectElement} */ ($('#version'));
    select.value = target === 'scorm12' ? '12' : '2004';
    select.addEventListener('change', () => {
      const url = new URL(location.href);
      url.searchParams.set('version', select.value);
      location.href = url.toString();
    });
    syncControls();
    for (const box of document.querySelectorAll('[data-fault]')) {
      box.addEventListener('change', () => {
        const input = /** @type {HTMLInputElement} */ (box);
        setFault(input.dataset.fault ?? '', input.checked);
      });
    }
    const actions = { launch, close, relaunch, 'new-attempt': newAttempt, 'clear-log': async () => $('#log').replaceChildren() };
    for (const button of document.querySelectorAll('[data-action]')) {
      button.addEventListener('click', () => {
        const run = /** @type {Record<string, () => Promise<void>>} */ (actions)[/** @type {HTMLElement} */ (button).dataset.action ?? ''];
        run?.().catch((e) => note(`Error: ${e instanceof Error ? e.message : e}`));
      });
    }
    renderCounts();

    const packages = await (await fetch('/packages.json')).json();
    const found = packages.find((/** @type {any} */ p) => p.target === target);
    if (!found || found.missing) {
      $('#package-info').textContent = `No ${S.label} package found: run "npm run build" first.`;
      return;
    }
    manifest = found;
    $('#package-info').textContent = `${S.label}: ${found.zip} (${(found.bytes / 1024).toFixed(1)} KB, ${found.files} files), launching ${found.launch}`;
    document.title = `LMS preview: ${found.title} (${S.label})`;
    if (params.get('autolaunch') !== '0') await launch();
  }

  const ready = start().catch((e) => {
    $('#package-info').textContent = `Error: ${e instanceof Error ? e.message : e}`;
    throw e;
  });

  /** For tests and the console. */
  /** @type {any} */ (window).lmsPreview = {
    target,
    ready,
    get log() {
      return log;
    },
    get launches() {
      return launches;
    },
    /** What the LMS has persisted (last successful Commit/Terminate). */
    get stored() {
      return stored;
    },
    /** The live data model of the current launch (set values not yet committed included). */
    live() {
      return api ? flatten(api) : null;
    },
    get api() {
      return api;
    },
    get faults() {
      return [...faults];
    },
    launch,
    close,
    relaunch,
    newAttempt,
    setFault,
  };
})();
