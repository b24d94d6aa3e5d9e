/**
 * A SCORM version as an entry of the registry of standards: found by
 * searching the launch page's windows for the dialect's API object, it
 * reports through the one SCORM adapter. Both versions are this, with their
 * own dialect.
 */
import type { LaunchEnvironment, ScormPreview, Standard } from '../registry';
import { createScormAdapter } from './adapter';
import type { ScormDialect } from './dialect';
import { findApi } from './discover';

export function scormStandard<Id extends string>(definition: {
  id: Id;
  label: string;
  dialect: ScormDialect;
  /** scorm-again's class for this version and its browser bundle, for `npm run preview:lms`. */
  library: { constructor: string; bundle: string };
}): Standard & { id: Id; preview: ScormPreview } {
  const { id, label, dialect, library } = definition;
  return {
    id,
    label,
    // IMS Content Packaging: the manifest at the package root (IMS CP 1.1.4 §3; SCORM 1.2 CAM §2.3; SCORM 2004 CAM 3.2).
    manifestFile: 'imsmanifest.xml',
    connect(env: LaunchEnvironment, options) {
      const api = findApi(env.window, dialect);
      if (!api) return null;
      return createScormAdapter({ api, dialect, kind: id, idNamespace: options.courseId, ...(options.logger ? { logger: options.logger } : {}) });
    },
    preview: { kind: 'scorm', dialect, library },
  };
}
