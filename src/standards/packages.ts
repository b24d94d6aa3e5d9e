/**
 * Each standard's package, by the registry's ids: its manifest and the
 * schema files it carries. Build time only (the packager; never the
 * learner's browser): the compiler checks every standard has one.
 */
import type { PackageTarget } from '../packager/target';
import type { StandardId } from './registry';
import { cmi5Target } from './cmi5/package';
import { scorm12Target } from './scorm12/package';
import { scorm2004Target } from './scorm2004/package';

export const packageTargets = {
  cmi5: cmi5Target,
  scorm12: scorm12Target,
  scorm2004: scorm2004Target,
} as const satisfies { readonly [K in StandardId]: PackageTarget & { id: K } };
