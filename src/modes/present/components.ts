/**
 * What each embeddable component (src/model/embeds.ts) is in the deck. The
 * compiler checks every embed has one. Links keep Astro's plain `<a>`. The
 * chart is the shared one with its labels set for the room (DeckChart.astro).
 */
import type { EmbedName, ProseName } from '../../model/embeds';
import Chart from './DeckChart.astro';
import Explain from './Explain.astro';
import Video from '../../site/Video.astro';
import KnowledgeCheck from './KnowledgeCheck.astro';
import Reflection from './Reflection.astro';
import Term from './Term.astro';

export const components = { KnowledgeCheck, Reflection, Chart, Video, Explain, Term } satisfies Record<EmbedName | ProseName, unknown>;
