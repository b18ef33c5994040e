// The read loop behind MessageBus.subscribe, shared by both backends: catch up without
// waiting, report ready, then wait for new entries; pause and retry after errors.
import type { StreamEntry, StreamId, StreamListener, Subscription } from "./bus.js";

export interface SubscriptionSource {
  /** Turns the requested start position ("$" included) into a concrete id. */
  resolveStart(): Promise<StreamId>;
  /** Entries after `after`; waits for new ones when `wait` is true, resolving [] when the signal aborts. */
  read(after: StreamId, count: number, wait: boolean, signal: AbortSignal): Promise<StreamEntry[]>;
  /** Releases whatever the source holds (e.g. a dedicated connection). */
  release?(): void;
}

const RETRY_PAUSE_MS = 1000;

export function startSubscription(
  source: SubscriptionSource,
  listener: StreamListener,
  options: { count?: number; onError?: (error: unknown) => void } = {},
): Subscription {
  const count = options.count ?? 100;
  const controller = new AbortController();
  const { signal } = controller;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  async function deliver(entries: StreamEntry[]): Promise<void> {
    try {
      await listener(entries);
    } catch (error) {
      options.onError?.(error);
    }
  }

  async function loop(): Promise<void> {
    let after: StreamId | undefined;
    let caughtUp = false;
    while (!signal.aborted) {
      try {
        after ??= await source.resolveStart();
        const entries = await source.read(after, count, caughtUp, signal);
        if (signal.aborted) break;
        if (entries.length > 0) {
          after = entries[entries.length - 1]!.id;
          await deliver(entries);
        }
        if (!caughtUp && entries.length < count) {
          caughtUp = true;
          markReady();
        }
      } catch (error) {
        if (signal.aborted) break;
        options.onError?.(error);
        await pause(RETRY_PAUSE_MS, signal);
      }
    }
    markReady();
    source.release?.();
  }

  void loop();
  return {
    ready,
    close: () => controller.abort(),
  };
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
