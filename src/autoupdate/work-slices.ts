// Long autoupdate computations run in slices, so that one big request cannot hold the event loop
// for seconds (docs/security.md). The work is written as generators that check a clock in their
// loops and `yield` when their slice is used up; a driver resumes them after the event loop has
// served others (setImmediate). Work that finishes within one slice never yields, so small
// requests run exactly as before. The same generators run whole (never yielding) for callers
// that need a synchronous answer.
import { performance } from "node:perf_hooks";

/** A computation that yields (undefined) between slices and returns T. */
export type Sliced<T> = Generator<void, T, void>;

export interface SliceClock {
  /**
   * True when the current slice is used up: the caller should `yield` now. Called once per small
   * step of work (a key, a list item): the clock is read every STEPS_PER_LOOK calls.
   */
  due(): boolean;
}

/** How long one slice may run. */
export const SLICE_MS = 5;
/** Loop steps between two looks at the clock (reading the clock costs more than a step). */
const STEPS_PER_LOOK = 128;

/** A clock that is never due: the work runs in one go. */
export const WHOLE: SliceClock = { due: () => false };

/** Runs sliced work in one go (for synchronous callers). */
export function runWhole<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The clock and driver of one computation's slices. */
export class TimeSlices implements SliceClock {
  private sliceStart = performance.now();
  private steps = 0;
  /** Slices that ended with a yield (for tests and measurements). */
  pauses = 0;

  due(): boolean {
    if (++this.steps < STEPS_PER_LOOK) return false;
    this.steps = 0;
    return performance.now() - this.sliceStart >= SLICE_MS;
  }

  /** Runs the work, letting the event loop turn whenever it yields. */
  async run<T>(work: Sliced<T>): Promise<T> {
    for (;;) {
      const step = work.next();
      if (step.done) return step.value;
      await this.pause();
    }
  }

  /** Ends the current slice: the event loop serves others, then a new slice starts. */
  async pause(): Promise<void> {
    this.pauses++;
    await nextTurn();
    this.sliceStart = performance.now();
    this.steps = 0;
  }

  /** Starts a new slice when the current one is used up (for async code between sliced parts). */
  async breathe(): Promise<void> {
    if (performance.now() - this.sliceStart >= SLICE_MS) await this.pause();
  }
}
