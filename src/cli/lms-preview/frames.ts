/**
 * Screen updates at most once per animation frame. A course can make
 * thousands of API calls in a burst (a long SCORM 1.2 course commits after
 * every change); each call only marks what changed, and the page is updated
 * once before the next paint, so the cost of a call does not grow with the
 * length of the log or the size of the record.
 */
export class FrameScheduler {
  readonly #jobs = new Set<() => void>();
  #requested = false;
  readonly #request: (callback: () => void) => void;

  constructor(request: (callback: () => void) => void = (callback) => requestAnimationFrame(callback)) {
    this.#request = request;
  }

  /** Run `job` before the next paint; asking again before then does nothing more. */
  schedule(job: () => void): void {
    this.#jobs.add(job);
    if (this.#requested) return;
    this.#requested = true;
    this.#request(() => this.flush());
  }

  /** Run the waiting jobs now. */
  flush(): void {
    this.#requested = false;
    const jobs = [...this.#jobs];
    this.#jobs.clear();
    for (const job of jobs) job();
  }
}
