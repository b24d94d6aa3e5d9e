/**
 * The local LRS over HTTP: the fetch URLs and the xAPI endpoint of lrs.ts,
 * under one path prefix of a Node http server (`<prefix>fetch/<key>`,
 * `<prefix>xapi/<resource>`), with CORS so an AU served from another origin
 * can reach it, as from a real LMS's content host.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Lrs, XapiAnswer } from './lrs.ts';

/** Request bodies above this are refused (the AU's largest, the learner record, is far below). */
const MAX_BODY = 8 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 0 ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, PUT, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
  'Access-Control-Expose-Headers': 'X-Experience-API-Version',
};

export function send(res: ServerResponse, answer: XapiAnswer): void {
  const headers: Record<string, string> = { ...CORS, 'X-Experience-API-Version': '1.0.3', 'Cache-Control': 'no-store' };
  if (answer.body === undefined || answer.status === 204) {
    res.writeHead(answer.status, headers).end();
    return;
  }
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  headers['Content-Type'] = answer.contentType ?? 'application/json';
  res.writeHead(answer.status, headers).end(text);
}

/**
 * A request handler for the LRS under `prefix` (e.g. `/lrs/`): true when it
 * answered the request, false when the path is not the LRS's.
 */
export function lrsHandler(lrs: Lrs, prefix: string) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (!url.pathname.startsWith(prefix)) return false;
    const rest = url.pathname.slice(prefix.length);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS, 'Access-Control-Max-Age': '600' }).end();
      return true;
    }
    let body: string | null;
    try {
      body = await readBody(req);
    } catch {
      send(res, { status: 413, body: { error: 'too large' } });
      return true;
    }
    if (rest.startsWith('fetch/')) {
      send(res, lrs.fetchToken(decodeURIComponent(rest.slice('fetch/'.length)), req.method ?? 'GET'));
      return true;
    }
    if (rest.startsWith('xapi/')) {
      const header = (name: string) => {
        const v = req.headers[name];
        return Array.isArray(v) ? v[0] : v;
      };
      const headers = {
        ...(header('authorization') ? { authorization: header('authorization')! } : {}),
        ...(header('x-experience-api-version') ? { version: header('x-experience-api-version')! } : {}),
        ...(header('content-type') ? { contentType: header('content-type')! } : {}),
      };
      send(res, lrs.xapi(req.method ?? 'GET', rest.slice('xapi/'.length).replace(/\/$/, ''), url.searchParams, headers, body));
      return true;
    }
    send(res, { status: 404, body: { error: 'not an LRS path' } });
    return true;
  };
}
