/**
 * Every package target the build writes. A new standard is one new file in
 * this folder and one line here (DESIGN.md "Seams").
 */
import type { PackageTarget } from '../target';
import { scorm12 } from './scorm12';
import { scorm2004 } from './scorm2004';

export { scorm12 } from './scorm12';
export { scorm2004 } from './scorm2004';

export const targets: readonly PackageTarget[] = [scorm12, scorm2004];
