/**
 * The host page's query parameters (the tests open the page with them):
 *
 *   standard=<id>              the standard, by its id in src/standards/registry.ts
 *                              (default: the registry's first, SCORM 2004)
 *   lms=<profile>              the LMS quirk profile, by its id in quirks/registry.ts
 *                              (default: scorm-again, the plain strict runtime)
 *   completion=completed|passed-or-completed
 *                              the activity completion rule of a profile that keeps
 *                              one (moodle-4.3; default: completed, Moodle's)
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
 */
import { scormStandards } from '../../standards/registry';
import { COMPLETION_RULES } from './quirks/moodle-4.3.ts';
import { DEFAULT_PROFILE, profileById } from './quirks/registry.ts';
import type { CompletionRule, Fault, ProfileId, Target } from './types.ts';

export const FAULTS: readonly Fault[] = ['no-api', 'initialize', 'setvalue', 'commit', 'terminate'];

export const isFault = (name: string): name is Fault => (FAULTS as readonly string[]).includes(name);

export interface HostOptions {
  target: Target;
  profile: ProfileId;
  /** `?lms=` named no profile: what it said (the host says so and plays the default). */
  unknownProfile: string | null;
  completion: CompletionRule;
  /** The faults on at the start. */
  faults: Fault[];
  /** The setvalue fault applies to elements starting with this ('' = all). */
  faultElement: string;
  applyMastery: boolean;
  /** suspend_data (and bookmark) for the first launch to resume with, or null. */
  preload: { suspendData: string; location: string | null } | null;
  autolaunch: boolean;
}

export function readOptions(search: string): HostOptions {
  const params = new URLSearchParams(search);
  const faults = params
    .getAll('fault')
    .flatMap((f) => f.split(','))
    .map((f) => f.trim().toLowerCase())
    .filter(isFault);
  const lms = params.get('lms');
  const profile = profileById(lms);
  const completion = params.get('completion');
  return {
    target: (scormStandards.find((s) => s.id === params.get('standard')) ?? scormStandards[0]!).id as Target,
    profile: (profile?.id ?? DEFAULT_PROFILE) as ProfileId,
    unknownProfile: lms !== null && !profile ? lms : null,
    completion: COMPLETION_RULES.find((r) => r === completion) ?? 'completed',
    faults: [...new Set(faults)],
    faultElement: params.get('element') ?? '',
    applyMastery: params.get('mastery') !== 'off',
    preload: params.has('suspend') ? { suspendData: params.get('suspend') ?? '', location: params.get('location') || null } : null,
    autolaunch: params.get('autolaunch') !== '0',
  };
}
