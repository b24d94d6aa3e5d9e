/**
 * The LMS quirk profiles the preview plays (`?lms=<id>`, and the "LMS"
 * select on the host page), one file each in this folder. The first is the
 * default: scorm-again as it is. A new profile is its file and one line here.
 */
import { chamilo } from './chamilo.ts';
import { cutsSuspendData } from './cuts-suspend-data.ts';
import { ilias } from './ilias.ts';
import { moodle43 } from './moodle-4.3.ts';
import { openEdx } from './open-edx.ts';
import { scormAgain } from './scorm-again.ts';
import { stickyLastError } from './sticky-last-error.ts';
import { strict12 } from './strict-1.2.ts';
import type { QuirkProfile, ScormVersion } from './types.ts';

export const profiles = [scormAgain, moodle43, openEdx, chamilo, ilias, strict12, cutsSuspendData, stickyLastError] as const satisfies readonly QuirkProfile[];

export type ProfileId = (typeof profiles)[number]['id'];

export const DEFAULT_PROFILE: ProfileId = scormAgain.id;

export const profileById = (id: string | null | undefined): QuirkProfile | undefined => profiles.find((p) => p.id === id);

/** Whether the profile's LMS plays this SCORM version. */
export const plays = (profile: QuirkProfile, version: ScormVersion): boolean => profile.versions.includes(version);
