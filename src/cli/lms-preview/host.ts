/**
 * The LMS preview's host page (served by src/cli/preview-lms.ts, which
 * bundles this file and its modules with esbuild when it starts): a small
 * LMS built on scorm-again.
 *
 * - Runs scorm-again's Scorm12API (window.API) or Scorm2004API
 *   (window.API_1484_11) and launches the package's SCO in a frame, as an LMS
 *   does; the launch URL and the values an LMS takes from the manifest
 *   (1.2 mastery score, 2004 scaled passing score) come from the package's
 *   own imsmanifest.xml (launcher.ts).
 * - Logs every API call with its values and result, live (instrument.ts,
 *   call-log.ts).
 * - Keeps what the LMS has stored: a copy of the data model taken at each
 *   successful Commit and Terminate, shown on the right (stored-record.ts).
 * - Close ends the launch the way an LMS does, by unloading the SCO's frame;
 *   Relaunch starts a new API instance preloaded with the stored record
 *   (entry "resume" after exit "suspend"; otherwise a new attempt).
 * - Injects faults (faults.ts); the query parameters are in options.ts.
 * - Plays an LMS quirk profile (quirks/, `?lms=`): how a real LMS answers
 *   otherwise than scorm-again; the default is scorm-again as it is.
 *
 * Tests drive it through `window.lmsPreview` (types.ts: LmsPreview).
 */
import { CallLog } from './call-log.ts';
import { Faults } from './faults.ts';
import { FrameScheduler } from './frames.ts';
import { Launcher } from './launcher.ts';
import { isFault, readOptions } from './options.ts';
import { profileById, profiles } from './quirks/registry.ts';
import { STANDARDS } from './standards.ts';
import { flatten, StoredRecord } from './stored-record.ts';
import type { LmsPreview, PackageInfo, PackageListing } from './types.ts';

/** An element of index.html; missing, the page and this script disagree. */
function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`the host page has no <${type.name}> #${id}`);
  return el;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

const options = readOptions(location.search);
const { target } = options;
const standard = STANDARDS[target];
const frames = new FrameScheduler();
const profile = profileById(options.profile) ?? profiles[0];
const runtime = profile.create({ completion: options.completion });
const faults = new Faults(options.faults, options.faultElement);
const log = new CallLog(byId('log', HTMLOListElement), frames);
const storedTable = byId('stored', HTMLTableElement);
const stored = new StoredRecord(standard, storedTable.tBodies[0] ?? storedTable.createTBody(), byId('stored-info', HTMLElement), frames);
const launcher = new Launcher({
  standard,
  options,
  faults,
  log,
  stored,
  frames,
  profile,
  runtime,
  stage: byId('stage', HTMLElement),
  state: byId('launch-state', HTMLElement),
  counts: byId('counts', HTMLElement),
});

const faultBoxes = () => Array.from(document.querySelectorAll<HTMLInputElement>('input[data-fault]'));

function syncControls(): void {
  for (const box of faultBoxes()) {
    const fault = box.dataset.fault ?? '';
    box.checked = isFault(fault) && faults.has(fault);
  }
}

function setFault(name: string, on: boolean): void {
  faults.set(name, on);
  launcher.note(`Fault "${name}" ${on ? 'on' : 'off'}.`);
  syncControls();
  const url = new URL(location.href);
  url.searchParams.delete('fault');
  if (faults.list().length) url.searchParams.set('fault', faults.list().join(','));
  history.replaceState(null, '', url);
}

/** The profile's behaviour and, where it keeps one, the activity's completion: under the controls. */
function renderProfile(): void {
  const info = byId('profile-info', HTMLElement);
  const completion = runtime.completion?.();
  const lines = [...profile.quirks];
  if (completion) lines.push(`Activity completion (rule "${completion.rule}"): ${completion.state}.`);
  if (info.childElementCount !== lines.length || lines.some((l, i) => info.children[i]?.textContent !== l)) {
    info.replaceChildren(...lines.map((l) => Object.assign(document.createElement('li'), { textContent: l })));
  }
}

async function start(): Promise<void> {
  const select = byId('standard', HTMLSelectElement);
  select.replaceChildren(...Object.values(STANDARDS).map((s) => Object.assign(document.createElement('option'), { value: s.id, textContent: s.label })));
  select.value = target;
  select.addEventListener('change', () => {
    const url = new URL(location.href);
    url.searchParams.set('standard', select.value);
    location.href = url.toString();
  });
  const lms = byId('lms', HTMLSelectElement);
  lms.replaceChildren(
    ...profiles.map((p) => Object.assign(document.createElement('option'), { value: p.id, textContent: `${p.label}${p.versions.length < 2 ? ` (SCORM ${p.versions.join(', ')} only)` : ''}` })),
  );
  lms.value = profile.id;
  lms.addEventListener('change', () => {
    const url = new URL(location.href);
    const next = profileById(lms.value) ?? profile;
    url.searchParams.set('lms', next.id);
    // A profile that does not play the current standard: switch to one it plays.
    if (!next.versions.includes(standard.version)) {
      const other = Object.values(STANDARDS).find((s) => next.versions.includes(s.version));
      if (other) url.searchParams.set('standard', other.id);
    }
    location.href = url.toString();
  });
  renderProfile();
  if (options.unknownProfile !== null) launcher.note(`No LMS profile "${options.unknownProfile}": playing ${profile.label} (one of ${profiles.map((p) => p.id).join(', ')}).`);
  if (!launcher.playable) {
    byId('package-info', HTMLElement).textContent = `${profile.label} plays SCORM ${profile.versions.join(' and ')} only, not ${standard.label}: choose another standard or LMS.`;
    return;
  }
  syncControls();
  for (const box of faultBoxes()) box.addEventListener('change', () => setFault(box.dataset.fault ?? '', box.checked));
  const actions: Record<string, () => Promise<void>> = {
    launch: () => launcher.launch(),
    close: () => launcher.close(),
    relaunch: () => launcher.relaunch(),
    reopen: () => launcher.reopen(),
    'new-attempt': () => launcher.newAttempt(),
    'clear-log': async () => log.clearScreen(),
  };
  for (const button of document.querySelectorAll<HTMLElement>('[data-action]')) {
    button.addEventListener('click', () => {
      actions[button.dataset.action ?? '']?.().catch((e: unknown) => launcher.note(`Error: ${message(e)}`));
    });
  }
  launcher.renderStatus();
  // The completion record changes at commits: keep its line current without a cost per call.
  if (runtime.completion) setInterval(renderProfile, 500);

  const info = byId('package-info', HTMLElement);
  const packages = (await (await fetch('/packages.json')).json()) as PackageListing[];
  const found = packages.find((p) => p.target === target);
  if (!found || 'missing' in found) {
    info.textContent = `No ${standard.label} package found: run "npm run build" first.`;
    return;
  }
  const manifest: PackageInfo = found;
  launcher.manifest = manifest;
  info.textContent = `${standard.label}: ${manifest.zip} (${(manifest.bytes / 1024).toFixed(1)} KB, ${manifest.files} files), launching ${manifest.launch}`;
  document.title = `LMS preview: ${manifest.title} (${standard.label}, ${profile.label})`;
  if (options.autolaunch) await launcher.launch();
}

const ready = start().catch((e: unknown) => {
  byId('package-info', HTMLElement).textContent = `Error: ${message(e)}`;
  throw e;
});

const lmsPreview: LmsPreview = {
  target,
  profile: options.profile,
  get playable() {
    return launcher.playable;
  },
  get completion() {
    return runtime.completion?.()?.state ?? null;
  },
  get completionByRule() {
    return runtime.completion?.()?.byRule ?? null;
  },
  ready,
  get log() {
    return log.entries;
  },
  get launches() {
    return launcher.launches;
  },
  get stored() {
    return stored.value;
  },
  live() {
    return launcher.api ? flatten(launcher.api) : null;
  },
  get api() {
    return launcher.api;
  },
  get faults() {
    return faults.list();
  },
  launch: () => launcher.launch(),
  close: () => launcher.close(),
  relaunch: () => launcher.relaunch(),
  reopen: (entry) => launcher.reopen(entry),
  newAttempt: () => launcher.newAttempt(),
  setFault,
};
(window as Window & { lmsPreview?: LmsPreview }).lmsPreview = lmsPreview;
