/**
 * Time formats of the SCORM data models, as pure functions.
 *
 * SCORM 1.2 (RTE 3.4, CMI data types):
 * - CMITimespan `HHHH:MM:SS.SS` (hours 2-4 digits, optional 1-2 decimals):
 *   `cmi.core.session_time`, `cmi.interactions.n.latency`.
 * - CMITime `HH:MM:SS.SS`, a time of day: `cmi.interactions.n.time`.
 *
 * SCORM 2004 4th Ed. (RTE 4.1, the time and timeinterval data types):
 * - timeinterval (second,10,2): ISO 8601 duration `PnYnMnDTnHnMnS`, seconds
 *   to 2 decimals: `cmi.session_time`, `cmi.interactions.n.latency`.
 * - time (second,10,0): `YYYY-MM-DDThh:mm:ss.s[TZD]`:
 *   `cmi.interactions.n.timestamp`, `cmi.comments_from_learner.n.timestamp`.
 */

/** Whole hundredths of a second, never negative. */
function centiseconds(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms / 10) : 0;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Largest CMITimespan: 9999:59:59.99. */
const MAX_SCORM12_CS = (9999 * 3600 + 59 * 60 + 59) * 100 + 99;

/**
 * SCORM 1.2 CMITimespan, e.g. 0.5 s -> `0000:00:00.50`; 59.999 s ->
 * `0000:01:00.00` (rounded to hundredths first). Spans beyond four hours
 * digits are capped at `9999:59:59.99`.
 */
export function formatScorm12Timespan(ms: number): string {
  const cs = Math.min(centiseconds(ms), MAX_SCORM12_CS);
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = Math.floor((cs % 6000) / 100);
  return `${pad(h, 4)}:${pad(m, 2)}:${pad(s, 2)}.${pad(cs % 100, 2)}`;
}

/** SCORM 1.2 CMITime, the learner's local time of day to the second, e.g. `14:03:09`. */
export function formatScorm12TimeOfDay(date: Date): string {
  return `${pad(date.getHours(), 2)}:${pad(date.getMinutes(), 2)}:${pad(date.getSeconds(), 2)}`;
}

/**
 * SCORM 2004 timeinterval, ISO 8601, e.g. `PT1H2M3.45S`; zero is `PT0S`.
 * Hours are not folded into days (`PT100H`): simpler for LMSs to sum.
 */
export function formatIsoDuration(ms: number): string {
  const cs = centiseconds(ms);
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const rest = cs % 6000;
  let out = 'PT';
  if (h) out += `${h}H`;
  if (m) out += `${m}M`;
  if (rest || (!h && !m)) {
    const frac = rest % 100;
    out += `${Math.floor(rest / 100)}${frac ? '.' + pad(frac, 2).replace(/0$/, '') : ''}S`;
  }
  return out;
}

/** SCORM 2004 time in UTC to the hundredth, e.g. `2024-05-01T12:03:09.50Z` (the TZD needs the fraction). */
export function formatScorm2004Timestamp(date: Date): string {
  const iso = date.toISOString(); // YYYY-MM-DDThh:mm:ss.sssZ
  return `${iso.slice(0, 22)}Z`;
}
