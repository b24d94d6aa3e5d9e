/**
 * course-outline.json (src/site/urls.ts `paths.outline`): the course outline
 * every reader page and the LMS launch page fetch (src/model/outline.ts),
 * written once for the whole site instead of into every page.
 */
import type { APIRoute } from 'astro';
import { outlineJson } from '../../../model/outline';
import { course } from '../../../site/course';

export const GET: APIRoute = () => new Response(outlineJson(course()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
