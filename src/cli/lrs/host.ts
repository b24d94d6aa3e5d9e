/**
 * The cmi5 preview's host page (src/cli/preview-cmi5.ts): launch the AU in
 * the frame through the local LMS, close it, relaunch it in the same
 * registration or a new one, and show the statements and refusals as they
 * arrive. Bundled with esbuild as a classic script.
 */
export {};

interface Logged {
  statements: Array<{ statement: { verb: { id: string }; object: { id: string }; result?: Record<string, unknown>; timestamp: string }; sessionId: string | null }>;
  rejections: Array<{ requirement: string; reason: string; at: string }>;
}

const $ = <T extends Element>(selector: string) => {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`host page: no ${selector}`);
  return found;
};

const frame = $<HTMLIFrameElement>('[data-au]');
const status = $<HTMLElement>('[data-status]');
const mode = $<HTMLSelectElement>('[data-mode]');
let registration: string | null = null;

async function launch(fresh: boolean) {
  // Close the running AU first: its pagehide sends "terminated" before the next session begins.
  frame.src = 'about:blank';
  await new Promise((r) => setTimeout(r, 300));
  const response = await fetch('admin/launch', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ launchMode: mode.value, ...(registration && !fresh ? { registration } : {}) }),
  });
  const launched = (await response.json()) as { url: string; registration: string; sessionId: string };
  registration = launched.registration;
  status.textContent = `registration ${launched.registration.slice(0, 8)}…, session ${launched.sessionId.slice(0, 8)}…, ${mode.value}`;
  frame.src = launched.url;
}

function summary(result: Record<string, unknown> | undefined): string {
  if (!result) return '';
  const parts: string[] = [];
  const score = result.score as { scaled?: number } | undefined;
  if (score?.scaled !== undefined) parts.push(`scaled ${score.scaled}`);
  if (result.success !== undefined) parts.push(`success ${String(result.success)}`);
  if (result.completion !== undefined) parts.push('completion');
  if (typeof result.response === 'string') parts.push(`“${result.response.slice(0, 40)}”`);
  if (typeof result.duration === 'string') parts.push(result.duration);
  return parts.join(', ');
}

let shown = -1;
async function refresh() {
  const log = (await (await fetch('admin/log')).json()) as Logged;
  if (log.statements.length + log.rejections.length === shown) return;
  shown = log.statements.length + log.rejections.length;
  $('[data-statements]').replaceChildren(
    ...log.statements.map(({ statement: s, sessionId }) => {
      const li = document.createElement('li');
      const verb = document.createElement('span');
      verb.className = 'verb';
      verb.textContent = s.verb.id.slice(s.verb.id.lastIndexOf('/') + 1);
      const meta = document.createElement('div');
      meta.className = 'meta';
      meta.textContent = `${s.timestamp} · ${s.object.id.slice(-40)} · session ${sessionId?.slice(0, 8) ?? '?'} ${summary(s.result)}`;
      li.append(verb, meta);
      return li;
    }),
  );
  $('[data-refused]').replaceChildren(
    ...log.rejections.map((r) => {
      const li = document.createElement('li');
      li.className = 'refused';
      li.textContent = `${r.requirement}: ${r.reason}`;
      return li;
    }),
  );
}

$('[data-launch]').addEventListener('click', () => void launch(false));
$('[data-new]').addEventListener('click', () => void launch(true));
$('[data-close]').addEventListener('click', () => {
  frame.src = 'about:blank';
  status.textContent = 'closed';
});
setInterval(() => void refresh(), 1000);
void refresh();
