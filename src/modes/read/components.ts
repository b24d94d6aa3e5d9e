/**
 * What each embeddable component (src/model/embeds.ts) is in the reader,
 * plus links. The compiler checks every embed has one.
 */
import type { EmbedName } from '../../model/embeds';
import Chart from '../../site/Chart.astro';
import Video from '../../site/Video.astro';
import KnowledgeCheck from './KnowledgeCheck.astro';
import Link from './Link.astro';
import Reflection from './Reflection.astro';

export const components = { KnowledgeCheck, Reflection, Chart, Video, a: Link } satisfies Record<EmbedName, unknown> & { a: unknown };
