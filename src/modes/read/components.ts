/**
 * What each embeddable component (src/model/embeds.ts) is in the reader,
 * plus links. The compiler checks every embed has one.
 */
import type { EmbedName, ProseName } from '../../model/embeds';
import Chart from '../../site/Chart.astro';
import Explain from './Explain.astro';
import Video from '../../site/Video.astro';
import KnowledgeCheck from './KnowledgeCheck.astro';
import Link from './Link.astro';
import Reflection from './Reflection.astro';
import Term from './Term.astro';

export const components = { KnowledgeCheck, Reflection, Chart, Video, Explain, Term, a: Link } satisfies Record<EmbedName | ProseName, unknown> & { a: unknown };
