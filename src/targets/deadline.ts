// The run's overall deadline: a run is bounded in time whatever the pull request holds (one
// ApplicationSet can name thousands of targets, a chart can render for minutes). Builds started
// near the end get only the time that is left; what is not done by then is "not analyzed".
export const DEFAULT_DEADLINE_SECONDS = 20 * 60;

export class Deadline {
  private constructor(
    /** Epoch milliseconds. */
    readonly at: number,
    readonly seconds: number,
  ) {}

  /** `seconds` from now. */
  static after(seconds: number, now: number = Date.now()): Deadline {
    return new Deadline(now + seconds * 1000, seconds);
  }

  remainingMs(now: number = Date.now()): number {
    return Math.max(0, this.at - now);
  }

  passed(now: number = Date.now()): boolean {
    return now >= this.at;
  }

  /** "the run's 1200 s deadline (--deadline, input deadline)". */
  describe(): string {
    return `the run's ${this.seconds} s deadline (--deadline, input deadline)`;
  }
}

/** A tool's time limit shortened to what is left before the deadline. */
export function timeLeftFor(timeoutMs: number, deadline: Deadline | undefined): number {
  return deadline === undefined ? timeoutMs : Math.min(timeoutMs, Math.max(1, deadline.remainingMs()));
}
