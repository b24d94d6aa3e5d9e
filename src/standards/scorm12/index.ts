/** SCORM 1.2, as an entry of the registry of standards (registry.ts). */
import { scormStandard } from '../scorm/standard';
import { scorm12Dialect } from './dialect';

export const scorm12 = scormStandard({
  id: 'scorm12',
  label: 'SCORM 1.2',
  dialect: scorm12Dialect,
  library: { constructor: 'Scorm12API', bundle: 'scorm12.min.js' },
});
