/**
 * When to start the server again after it died: soon after the first crash, then after
 * doubling delays, and not at all once it keeps crashing. A server that ran for a while before
 * it died starts over from the first delay.
 */

/** The knobs of the policy; the defaults suit a server that starts in about a second. */
export interface RestartOptions {
  /** The delay before the first restart. */
  initialDelayMs: number;
  /** The longest delay. */
  maxDelayMs: number;
  /** Give up after this many crashes in a row. */
  maxCrashes: number;
  /** A server that ran at least this long before it died counts as healthy: the count resets. */
  healthyAfterMs: number;
}

export const DEFAULT_RESTART: RestartOptions = {
  initialDelayMs: 1000,
  maxDelayMs: 30000,
  maxCrashes: 5,
  healthyAfterMs: 3 * 60 * 1000,
};

/** What to do after a crash. */
export type RestartDecision =
  { restart: true; delayMs: number; crash: number } | { restart: false; crash: number };

export class RestartPolicy {
  private crashes = 0;
  private startedAt: number | undefined;

  constructor(private readonly options: RestartOptions = DEFAULT_RESTART) {}

  /** The server (re)started at `now` (ms). */
  started(now: number): void {
    this.startedAt = now;
  }

  /** The server died at `now` (ms) without being asked to stop. */
  crashed(now: number): RestartDecision {
    if (this.startedAt !== undefined && now - this.startedAt >= this.options.healthyAfterMs) {
      this.crashes = 0;
    }
    this.startedAt = undefined;
    this.crashes++;
    if (this.crashes > this.options.maxCrashes) {
      return { restart: false, crash: this.crashes };
    }
    const delayMs = Math.min(this.options.maxDelayMs, this.options.initialDelayMs * 2 ** (this.crashes - 1));
    return { restart: true, delayMs, crash: this.crashes };
  }

  /** The user restarted the server: forget the crashes. */
  reset(): void {
    this.crashes = 0;
    this.startedAt = undefined;
  }
}
