/**
 * What an embedded component (<KnowledgeCheck id>, <Reflection id>,
 * <Chart id>) shows, looked up in the course model. The validator has made
 * sure every embed names an item of its slide, so a miss here is a bug in
 * the builder, not an authoring mistake.
 */
import { type CheckModel, type ReflectionModel, findChart, findCheck, findReflection } from '../model/course';
import { getCourse } from '../model/load';
import type { Chart } from '../model/schema';

function required<T>(found: T | undefined, tag: string, id: string): T {
  if (found === undefined) throw new Error(`<${tag} id="${id}" />: not in the course model (the validator should have reported it)`);
  return found;
}

export const embeddedCheck = (id: string): CheckModel => required(findCheck(getCourse(), id), 'KnowledgeCheck', id);
export const embeddedReflection = (id: string): ReflectionModel => required(findReflection(getCourse(), id), 'Reflection', id);
export const embeddedChart = (id: string): Chart => required(findChart(getCourse(), id), 'Chart', id);
