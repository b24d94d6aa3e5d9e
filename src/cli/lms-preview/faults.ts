/**
 * The faults the preview LMS injects: no API object at all, or Initialize,
 * SetValue (optionally only for elements with a prefix), Commit or Terminate
 * returning "false" with the LMS error code set.
 */
import { FAULTS, isFault } from './options.ts';
import type { ApiFunction, Fault } from './types.ts';

export class Faults {
  readonly #on: Set<Fault>;
  readonly #element: string;

  constructor(on: readonly Fault[], element: string) {
    this.#on = new Set(on);
    this.#element = element;
  }

  has(fault: Fault): boolean {
    return this.#on.has(fault);
  }

  list(): Fault[] {
    return [...this.#on];
  }

  /** Turn a fault on or off; an unknown name throws. */
  set(name: string, on: boolean): Fault {
    if (!isFault(name)) throw new Error(`unknown fault "${name}" (one of ${FAULTS.join(', ')})`);
    if (on) this.#on.add(name);
    else this.#on.delete(name);
    return name;
  }

  /** Whether an injected fault makes this call fail. */
  appliesTo(kind: ApiFunction, element: string | undefined): boolean {
    switch (kind) {
      case 'initialize':
        return this.#on.has('initialize');
      case 'setValue':
        return this.#on.has('setvalue') && (!this.#element || (element ?? '').startsWith(this.#element));
      case 'commit':
        return this.#on.has('commit');
      case 'terminate':
        return this.#on.has('terminate');
      default:
        return false;
    }
  }
}
