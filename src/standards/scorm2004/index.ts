/** SCORM 2004 4th Edition, as an entry of the registry of standards (registry.ts). */
import { scormStandard } from '../scorm/standard';
import { scorm2004Dialect } from './dialect';

export const scorm2004 = scormStandard({
  id: 'scorm2004',
  label: 'SCORM 2004 4th Edition',
  dialect: scorm2004Dialect,
  library: { constructor: 'Scorm2004API', bundle: 'scorm2004.min.js' },
});
